import { createRequire as __mgCreateRequire } from 'node:module'; const require = __mgCreateRequire(import.meta.url);
import {
  TrainingFailed,
  secretValues,
  trainModel
} from "../chunks/chunk-YLR3ELVS.js";
import "../chunks/chunk-V6WJELDO.js";
import "../chunks/chunk-LDAYPA3N.js";
import "../chunks/chunk-E3IMRBGU.js";
import "../chunks/chunk-SNVQYJ2T.js";
import "../chunks/chunk-AJFWQFH3.js";
import "../chunks/chunk-3BUM2VMV.js";
import "../chunks/chunk-ZY5OX6SA.js";
import "../chunks/chunk-QOWBSAJO.js";
import "../chunks/chunk-7Q46JTV7.js";
import "../chunks/chunk-RQB7ZENY.js";
import "../chunks/chunk-WARMS5WM.js";
import {
  actionIo,
  boolInput,
  runAction
} from "../chunks/chunk-OPQOOSZP.js";
import {
  getInput,
  group,
  notice,
  setOutput,
  setSecret
} from "../chunks/chunk-4MS45GGA.js";
import "../chunks/chunk-4AOTTLI5.js";
import "../chunks/chunk-7SHYJVU3.js";
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
      () => trainModel(cwd, model, io, { reproduce, timeoutMinutes: timeout ? Number(timeout) : void 0 })
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
