import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";

/** One CODEOWNERS rule: a gitignore-style pattern and its owners (@user, @org/team or an e-mail). */
export interface CodeownersRule {
  pattern: string;
  owners: string[];
  line: number;
  regex: RegExp;
}

/** Where GitHub looks for CODEOWNERS, in its order: the first file found is the one used. */
export const CODEOWNERS_LOCATIONS = [".github/CODEOWNERS", "CODEOWNERS", "docs/CODEOWNERS"];

/** The CODEOWNERS file of a checkout, as GitHub picks it, or undefined when there is none. */
export function readCodeowners(root: string): { file: string; rules: CodeownersRule[] } | undefined {
  for (const file of CODEOWNERS_LOCATIONS) {
    const abs = join(root, file);
    if (existsSync(abs)) return { file, rules: parseCodeowners(readFileSync(abs, "utf8")) };
  }
  return undefined;
}

export function parseCodeowners(text: string): CodeownersRule[] {
  const rules: CodeownersRule[] = [];
  text.split(/\r?\n/).forEach((raw, i) => {
    const line = raw.replace(/(^|\s)#.*$/, "").trim();
    if (!line) return;
    // a backslash escapes a space or a leading # in a pattern
    const parts = line.match(/(?:\\.|\S)+/g) ?? [];
    const [pattern, ...owners] = parts;
    if (!pattern || pattern.startsWith("!") || pattern.includes("[")) return; // GitHub ignores these
    rules.push({ pattern, owners, line: i + 1, regex: patternRegex(pattern.replace(/\\(.)/g, "$1")) });
  });
  return rules;
}

/** A gitignore-style pattern as CODEOWNERS reads it, as a regular expression over repository-relative paths. */
export function patternRegex(pattern: string): RegExp {
  let p = pattern;
  const dirOnly = p.endsWith("/");
  if (dirOnly) p = p.slice(0, -1);
  const anchored = p.startsWith("/") || p.includes("/");
  if (p.startsWith("/")) p = p.slice(1);
  const directChildren = p.endsWith("/*");
  let re = "";
  for (let i = 0; i < p.length; i++) {
    const c = p[i];
    if (c === "*" && p[i + 1] === "*") {
      if (p[i + 2] === "/") {
        re += "(?:.*/)?";
        i += 2;
      } else {
        re += ".*";
        i += 1;
      }
    } else if (c === "*") re += "[^/]*";
    else if (c === "?") re += "[^/]";
    else re += c.replace(/[.+^${}()|[\]\\]/g, "\\$&");
  }
  const prefix = anchored ? "^" : "^(?:.*/)?";
  // `docs/*` owns the files directly in docs/ only; other patterns also own everything below a matching folder.
  const suffix = dirOnly ? "/.*$" : directChildren ? "$" : "(?:/.*)?$";
  return new RegExp(prefix + re + suffix);
}

/** The owners of one path: those of the last rule that matches it (none when the last match lists none). */
export function ownersOf(rules: CodeownersRule[], path: string): string[] {
  const p = path.replace(/^\/+/, "");
  let owners: string[] = [];
  for (const r of rules) if (r.regex.test(p)) owners = r.owners;
  return owners;
}

/** Every owner of any of `paths`, users and teams with their `@`, e-mails left out (GitHub maps those to users). */
export function ownersOfPaths(rules: CodeownersRule[], paths: string[]): string[] {
  const out = new Set<string>();
  for (const path of paths) for (const o of ownersOf(rules, path)) if (o.startsWith("@")) out.add(o);
  return [...out].sort();
}
