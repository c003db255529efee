import { createRequire as __mgCreateRequire } from 'node:module'; const require = __mgCreateRequire(import.meta.url);
import {
  annotationCommands
} from "../chunks/chunk-WN75DB4U.js";
import {
  formatFindings
} from "../chunks/chunk-KS52LYXT.js";
import {
  validateRepository
} from "../chunks/chunk-UOXD4GCA.js";
import "../chunks/chunk-PDX7HLAK.js";
import "../chunks/chunk-VNZ24X6O.js";
import "../chunks/chunk-PQ2D3WZ3.js";
import "../chunks/chunk-GWDUN75G.js";
import "../chunks/chunk-R7GPRABW.js";
import "../chunks/chunk-EJRXWDVW.js";
import "../chunks/chunk-CCZROEOA.js";
import "../chunks/chunk-PWA2NHWD.js";
import "../chunks/chunk-SJAFTIB5.js";
import "../chunks/chunk-IJIK4RLU.js";
import "../chunks/chunk-M24SKQPK.js";
import "../chunks/chunk-LXP7FMWT.js";
import {
  openWorkspace
} from "../chunks/chunk-TZI6PADE.js";
import "../chunks/chunk-GJ4MOHBX.js";
import "../chunks/chunk-YKVVJQTT.js";
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
