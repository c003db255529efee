import { createRequire as __mgCreateRequire } from 'node:module'; const require = __mgCreateRequire(import.meta.url);
import {
  main
} from "../chunks/chunk-7AY3B6SM.js";
import "../chunks/chunk-KQ33QBFR.js";
import "../chunks/chunk-3BUM2VMV.js";
import {
  actionIo,
  runAction
} from "../chunks/chunk-GQCH3TPH.js";
import {
  getInput,
  setOutput
} from "../chunks/chunk-U2N6PYQM.js";
import "../chunks/chunk-4AOTTLI5.js";
import {
  UserError
} from "../chunks/chunk-VPZGVLTG.js";
import "../chunks/chunk-CCN2QAD7.js";

// src/util/words.ts
function splitWords(line) {
  const words = [];
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

// src/actions/modelgate.ts
await runAction("action", async () => {
  const command = getInput("command", { required: true }).trim();
  const args = splitWords(getInput("args"));
  const io = actionIo();
  const code = await main([command, ...args], io);
  setOutput("exit-code", code);
  return code;
});
