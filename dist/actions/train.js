import { createRequire as __mgCreateRequire } from 'node:module'; const require = __mgCreateRequire(import.meta.url);
import {
  TrainingFailed,
  secretValues,
  trainModel
} from "../chunks/chunk-K5RO7JZJ.js";
import "../chunks/chunk-6JTE42PB.js";
import "../chunks/chunk-QENHBKCN.js";
import "../chunks/chunk-3BUM2VMV.js";
import "../chunks/chunk-ZUZHMLQV.js";
import "../chunks/chunk-GPOTO2DD.js";
import "../chunks/chunk-EJRXWDVW.js";
import "../chunks/chunk-MMEZHR7H.js";
import {
  openWorkspace
} from "../chunks/chunk-TSLMIUOM.js";
import "../chunks/chunk-647GS7I4.js";
import "../chunks/chunk-RQB7ZENY.js";
import "../chunks/chunk-G3PMTGIB.js";
import "../chunks/chunk-W4OLKDEP.js";
import "../chunks/chunk-DFUR2YEO.js";
import "../chunks/chunk-PPKR4CHL.js";
import "../chunks/chunk-CET7KO5S.js";
import "../chunks/chunk-QOWBSAJO.js";
import {
  actionIo,
  boolInput,
  runAction
} from "../chunks/chunk-A5QBJPMI.js";
import {
  getInput,
  group,
  notice,
  setOutput,
  setSecret
} from "../chunks/chunk-U2N6PYQM.js";
import "../chunks/chunk-4AOTTLI5.js";
import "../chunks/chunk-VPZGVLTG.js";
import "../chunks/chunk-CCN2QAD7.js";

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
