import { createRequire as __mgCreateRequire } from 'node:module'; const require = __mgCreateRequire(import.meta.url);
import {
  TrainingFailed,
  secretValues,
  trainModel
} from "../chunks/chunk-OHW7KJVJ.js";
import "../chunks/chunk-VSTT744I.js";
import "../chunks/chunk-EJRXWDVW.js";
import "../chunks/chunk-REJUCCMN.js";
import "../chunks/chunk-Y72I2OFL.js";
import "../chunks/chunk-7CYA4NHE.js";
import "../chunks/chunk-AZ7PF7DE.js";
import "../chunks/chunk-3BUM2VMV.js";
import {
  openWorkspace
} from "../chunks/chunk-A2AAEGHE.js";
import "../chunks/chunk-7X65H3OX.js";
import "../chunks/chunk-RQB7ZENY.js";
import "../chunks/chunk-K2PEDVU3.js";
import "../chunks/chunk-E5SOOXKQ.js";
import "../chunks/chunk-QOWBSAJO.js";
import {
  actionIo,
  boolInput,
  runAction
} from "../chunks/chunk-5J2J5X2B.js";
import {
  getInput,
  group,
  notice,
  setOutput,
  setSecret
} from "../chunks/chunk-4MS45GGA.js";
import "../chunks/chunk-4AOTTLI5.js";
import "../chunks/chunk-H5EPG2ZH.js";
import "../chunks/chunk-ZGDBGMMU.js";

// src/actions/train.ts
import { resolve } from "node:path";
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
