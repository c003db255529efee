import { createRequire as __mgCreateRequire } from 'node:module'; const require = __mgCreateRequire(import.meta.url);
import {
  annotationCommands
} from "../chunks/chunk-WN75DB4U.js";
import {
  formatFindings
} from "../chunks/chunk-KS52LYXT.js";
import {
  validateRepository
} from "../chunks/chunk-IYXHUPBQ.js";
import "../chunks/chunk-M4XMBAMT.js";
import "../chunks/chunk-2BJAIYUF.js";
import "../chunks/chunk-Q46P5CQQ.js";
import "../chunks/chunk-Y72I2OFL.js";
import "../chunks/chunk-PWA2NHWD.js";
import "../chunks/chunk-LXP7FMWT.js";
import "../chunks/chunk-ULMOSOEG.js";
import "../chunks/chunk-TB77MNSH.js";
import "../chunks/chunk-M65JNBWF.js";
import "../chunks/chunk-QOWBSAJO.js";
import {
  actionIo,
  boolInput,
  listInput,
  runAction
} from "../chunks/chunk-22VGKBYJ.js";
import {
  getInput,
  group,
  setOutput
} from "../chunks/chunk-HKORXWJV.js";
import "../chunks/chunk-4AOTTLI5.js";
import "../chunks/chunk-H5EPG2ZH.js";
import "../chunks/chunk-CCN2QAD7.js";

// src/actions/validate.ts
import { resolve } from "node:path";
await runAction("validate", async () => {
  const io = actionIo();
  const cwd = resolve(io.cwd, getInput("working-directory") || ".");
  const result = await group(
    "modelgate validate",
    () => validateRepository(cwd, {
      paths: listInput("paths"),
      skipData: boolInput("skip-data", false),
      onProgress: (m) => io.err(`${m}
`)
    })
  );
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
