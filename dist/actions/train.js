import { createRequire as __mgCreateRequire } from 'node:module'; const require = __mgCreateRequire(import.meta.url);
import {
  TrainingFailed,
  secretValues,
  trainModel
} from "../chunks/chunk-RKHCHKKT.js";
import "../chunks/chunk-AUVY43KH.js";
import "../chunks/chunk-FKCR242C.js";
import "../chunks/chunk-RUQEVCOP.js";
import "../chunks/chunk-Y72I2OFL.js";
import "../chunks/chunk-X6OXJVG3.js";
import "../chunks/chunk-3BUM2VMV.js";
import "../chunks/chunk-UBMSCOQN.js";
import "../chunks/chunk-OYQDDGAU.js";
import "../chunks/chunk-2ZLDIS45.js";
import "../chunks/chunk-U6HQLEKJ.js";
import "../chunks/chunk-YK35P24K.js";
import "../chunks/chunk-4JQXYHBV.js";
import "../chunks/chunk-OZK2C7TC.js";
import "../chunks/chunk-EW3JDDCC.js";
import "../chunks/chunk-FEFSD2JC.js";
import "../chunks/chunk-EJRXWDVW.js";
import "../chunks/chunk-RQB7ZENY.js";
import {
  openWorkspace
} from "../chunks/chunk-TNV3NBNK.js";
import "../chunks/chunk-DQHGHTZX.js";
import "../chunks/chunk-2E6TZQRV.js";
import "../chunks/chunk-LYRQXBMV.js";
import "../chunks/chunk-YR32LSL5.js";
import "../chunks/chunk-KMZ2SU7I.js";
import "../chunks/chunk-XPVOVGWT.js";
import "../chunks/chunk-UPGHJSZ6.js";
import "../chunks/chunk-S43IQFRZ.js";
import "../chunks/chunk-YZUBQ7DK.js";
import "../chunks/chunk-DFUR2YEO.js";
import "../chunks/chunk-AVCTVMN2.js";
import "../chunks/chunk-NI36P5E6.js";
import "../chunks/chunk-A6WGSW5D.js";
import {
  actionIo,
  boolInput,
  runAction
} from "../chunks/chunk-GQCH3TPH.js";
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
