import { createRequire as __mgCreateRequire } from 'node:module'; const require = __mgCreateRequire(import.meta.url);
import {
  annotationCommands
} from "../chunks/chunk-WN75DB4U.js";
import {
  formatFindings
} from "../chunks/chunk-KS52LYXT.js";
import {
  validateRepository
} from "../chunks/chunk-D3REON37.js";
import "../chunks/chunk-5O3INNTB.js";
import "../chunks/chunk-SRLFQKET.js";
import "../chunks/chunk-Q46P5CQQ.js";
import "../chunks/chunk-R7GPRABW.js";
import "../chunks/chunk-CCZROEOA.js";
import "../chunks/chunk-PWA2NHWD.js";
import "../chunks/chunk-A3YLNQLK.js";
import "../chunks/chunk-IJIK4RLU.js";
import "../chunks/chunk-M24SKQPK.js";
import "../chunks/chunk-LXP7FMWT.js";
import "../chunks/chunk-NCEKJWIR.js";
import "../chunks/chunk-EJRXWDVW.js";
import {
  openWorkspace
} from "../chunks/chunk-AJCD5F2E.js";
import "../chunks/chunk-5VN3I37N.js";
import "../chunks/chunk-5MK4JN63.js";
import "../chunks/chunk-M65JNBWF.js";
import "../chunks/chunk-PH2DX2SW.js";
import "../chunks/chunk-QJVTDBHM.js";
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
`),
      versions: { git: openWorkspace(io, { cwd }).git, env: io.env }
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
