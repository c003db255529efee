import { createRequire } from 'node:module';
import { U as UserError, m as main } from '../chunks/hot-help-validate-plan-audit-verify-CiDATK95.js';
import { r as runAction, a as actionIo } from '../chunks/chunk-GQCH3TPH-DiKVRF7d.js';
import { g as getInput, b as setOutput } from '../chunks/chunk-U2N6PYQM-Bne4_qtb.js';
import 'node:crypto';
import 'node:worker_threads';
import 'os';
import 'crypto';
import 'fs';
import 'http';
import 'https';

const require$1 = createRequire(import.meta.url);

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
