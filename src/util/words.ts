import { UserError } from "../errors.ts";

/**
 * Splits a command line into words the way a POSIX shell would for plain arguments: whitespace separates words,
 * single quotes keep everything literal, double quotes keep spaces (with \" and \\ escapes), a backslash escapes the
 * next character. No expansion of any kind happens: `$HOME` stays `$HOME`.
 */
export function splitWords(line: string): string[] {
  const words: string[] = [];
  let cur = "";
  let inWord = false;
  for (let i = 0; i < line.length; i++) {
    const c = line[i];
    if (c === "'") {
      const end = line.indexOf("'", i + 1);
      if (end < 0) throw new UserError(`unclosed single quote in arguments: ${line}`);
      cur += line.slice(i + 1, end);
      i = end;
      inWord = true;
    } else if (c === '"') {
      i++;
      for (; i < line.length && line[i] !== '"'; i++) {
        if (line[i] === "\\" && (line[i + 1] === '"' || line[i + 1] === "\\")) i++;
        cur += line[i];
      }
      if (i >= line.length) throw new UserError(`unclosed double quote in arguments: ${line}`);
      inWord = true;
    } else if (c === "\\" && i + 1 < line.length) {
      cur += line[++i];
      inWord = true;
    } else if (/\s/.test(c)) {
      if (inWord) words.push(cur);
      cur = "";
      inWord = false;
    } else {
      cur += c;
      inWord = true;
    }
  }
  if (inWord) words.push(cur);
  return words;
}
