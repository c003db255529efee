import { createRequire } from 'node:module';
import { s as secretValues, t as trainModel, T as TrainingFailed } from '../chunks/chunk-RKHCHKKT-CuWh8JyS.js';
import '../chunks/chunk-AUVY43KH-ByPVU_Dd.js';
import '../chunks/hot-audit-verify-DZYJh8zf.js';
import '../chunks/chunk-RUQEVCOP-DcryHeG5.js';
import '../chunks/hot-validate-Cbhe7qur.js';
import '../chunks/hot-validate-verify-COnm42W2.js';
import '../chunks/hot-help-validate-plan-audit-verify-CiDATK95.js';
import '../chunks/chunk-UBMSCOQN-DvpQ3ehE.js';
import '../chunks/chunk-OYQDDGAU-Dpe-Jqkv.js';
import '../chunks/chunk-2ZLDIS45-ZCAU1cz0.js';
import '../chunks/chunk-U6HQLEKJ-DFuKjzG7.js';
import '../chunks/chunk-YK35P24K-BysRypHz.js';
import '../chunks/hot-validate-plan-DjS3M9MR.js';
import '../chunks/hot-validate-plan-audit-verify-DglurztO.js';
import { o as openWorkspace } from '../chunks/hot-plan-YWGJn6IT.js';
import '../chunks/hot-validate-plan-verify-C9JqfCVv.js';
import '../chunks/chunk-DFUR2YEO-CrRpRbga.js';
import { r as runAction, a as actionIo, b as boolInput } from '../chunks/chunk-GQCH3TPH-DiKVRF7d.js';
import { s as setSecret, g as getInput, a as group, n as notice, b as setOutput } from '../chunks/chunk-U2N6PYQM-Bne4_qtb.js';
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
