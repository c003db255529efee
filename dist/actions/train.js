import { createRequire } from 'node:module';
import { s as secretValues, t as trainModel, T as TrainingFailed } from '../chunks/chunk-RKHCHKKT-DBkKN7G6.js';
import '../chunks/chunk-AUVY43KH-DIc4UR6R.js';
import '../chunks/hot-audit-verify-B6ZY6wfh.js';
import '../chunks/chunk-RUQEVCOP-CUYiV46S.js';
import '../chunks/hot-validate-BotGmJiZ.js';
import '../chunks/hot-validate-verify-C8t4jxm2.js';
import '../chunks/hot-help-validate-audit-verify-aYLtKKnG.js';
import '../chunks/chunk-UBMSCOQN-B25TI_51.js';
import '../chunks/chunk-OYQDDGAU-qTn3dWg1.js';
import '../chunks/chunk-2ZLDIS45-DjMMIWeg.js';
import '../chunks/chunk-U6HQLEKJ-CmF0blYP.js';
import '../chunks/chunk-YK35P24K-BysRypHz.js';
import '../chunks/hot-validate-audit-verify-C-_o6MJ0.js';
import { o as openWorkspace } from '../chunks/chunk-TNV3NBNK-BYNCmJpd.js';
import '../chunks/chunk-DQHGHTZX-pBLXiB2o.js';
import '../chunks/chunk-2E6TZQRV-DPA5_5vV.js';
import '../chunks/chunk-LYRQXBMV-BXHYPiyi.js';
import '../chunks/chunk-S43IQFRZ-B-SSS4At.js';
import '../chunks/chunk-YZUBQ7DK-DHQLuxFL.js';
import '../chunks/chunk-DFUR2YEO-CrRpRbga.js';
import { r as runAction, a as actionIo, b as boolInput } from '../chunks/chunk-GQCH3TPH-3Al4y03f.js';
import { s as setSecret, g as getInput, a as group, n as notice, b as setOutput } from '../chunks/chunk-U2N6PYQM-CxW-GqxT.js';
import { resolve } from 'node:path';
import 'node:fs';
import 'node:os';
import 'node:child_process';
import 'node:crypto';
import 'node:worker_threads';
import 'node:fs/promises';
import 'node:timers/promises';
import 'node:v8';
import 'node:url';
import 'node:util';
import 'os';
import 'crypto';
import 'fs';
import 'http';
import 'https';

const require$1 = createRequire(import.meta.url);
await runAction("train", async () => {
  const io = actionIo();
  for (const s of secretValues(io.env)) setSecret(s);
  const cwd = resolve(io.cwd, getInput("working-directory") || ".");
  const model = getInput("model", { required: true });
  const timeout = getInput("timeout-minutes");
  const reproduce = boolInput("reproduce", false);
  try {
    const r = await group(
      `modelgate train ${model}`,
      () => trainModel(openWorkspace(io, { cwd }), model, {
        reproduce,
        timeoutMinutes: timeout ? Number(timeout) : void 0
      })
    );
    const o = r.record.output;
    io.out(`trained ${model} ${r.record.model.version}: ${o.artifact} sha256:${o.sha256}
`);
    for (const n of r.notes) notice(n);
    setOutput("artifact", o.artifact);
    setOutput("sha256", o.sha256);
    setOutput("record", r.recordPath);
    setOutput("log", r.logPath);
    setOutput("reproducible", r.record.reproduce ? String(r.record.reproduce.identical) : "");
    return 0;
  } catch (err) {
    if (err instanceof TrainingFailed) {
      setOutput("record", err.result.recordPath);
      setOutput("log", err.result.logPath);
    }
    throw err;
  }
});
