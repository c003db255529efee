import { createRequire } from 'node:module';
import { o as openWorkspaceLazily, v as validateRepository, f as formatFindings, a as annotationCommands } from '../chunks/hot-validate-Cbhe7qur.js';
import '../chunks/hot-validate-plan-DjS3M9MR.js';
import '../chunks/hot-validate-verify-COnm42W2.js';
import '../chunks/hot-validate-plan-verify-C9JqfCVv.js';
import '../chunks/hot-validate-plan-audit-verify-DglurztO.js';
import { r as runAction, a as actionIo, b as boolInput, l as listInput } from '../chunks/chunk-GQCH3TPH-DiKVRF7d.js';
import { g as getInput, a as group, b as setOutput } from '../chunks/chunk-U2N6PYQM-Bne4_qtb.js';
import '../chunks/hot-help-validate-plan-audit-verify-CiDATK95.js';
import { resolve } from 'node:path';
import 'node:worker_threads';
import 'node:crypto';
import 'node:fs/promises';
import 'node:fs';
import 'node:timers/promises';
import 'node:v8';
import 'node:url';
import 'node:util';
import 'node:child_process';
import 'os';
import 'crypto';
import 'fs';
import 'http';
import 'https';

const require$1 = createRequire(import.meta.url);
await runAction("validate", async () => {
  const io = actionIo();
  const cwd = resolve(io.cwd, getInput("working-directory") || ".");
  const result = await group("modelgate validate", async () => {
    const ws = await openWorkspaceLazily(io, { cwd });
    return validateRepository(cwd, {
      repo: ws.repo,
      paths: listInput("paths"),
      skipData: boolInput("skip-data", false),
      env: ws.env,
      onProgress: (m) => io.err(`${m}
`),
      versions: { git: ws.git, env: ws.env }
    });
  });
  io.out(formatFindings(result));
  io.command(annotationCommands(result.findings, result.root, io.env, "modelgate validate"));
  const errors = result.findings.filter((f) => f.severity === "error").length;
  setOutput("ok", errors === 0);
  setOutput("errors", errors);
  setOutput("warnings", result.findings.length - errors);
  setOutput("findings", JSON.stringify(result.findings));
  setOutput("models", JSON.stringify(result.models));
  return errors === 0 ? 0 : 1;
});
