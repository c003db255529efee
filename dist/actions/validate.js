import { createRequire as __mgCreateRequire } from 'node:module'; const require = __mgCreateRequire(import.meta.url);
import {
  annotationCommands
} from "../chunks/chunk-WN75DB4U.js";
import {
  formatFindings
} from "../chunks/chunk-MBUOXZPG.js";
import {
  validateRepository
} from "../chunks/chunk-2BYGJADJ.js";
import "../chunks/chunk-ZDWSDRWZ.js";
import "../chunks/chunk-6T4RK4JG.js";
import "../chunks/chunk-LNEMD7FW.js";
import "../chunks/chunk-AQ6NVH64.js";
import "../chunks/chunk-QENHBKCN.js";
import "../chunks/chunk-KV26U3IJ.js";
import "../chunks/chunk-M57FEL6J.js";
import "../chunks/chunk-UAMELZZ6.js";
import "../chunks/chunk-IVKPBSHK.js";
import "../chunks/chunk-OZAWWDHX.js";
import "../chunks/chunk-ZUZHMLQV.js";
import "../chunks/chunk-GPOTO2DD.js";
import "../chunks/chunk-EJRXWDVW.js";
import "../chunks/chunk-MMEZHR7H.js";
import {
  openWorkspace
} from "../chunks/chunk-TSLMIUOM.js";
import "../chunks/chunk-647GS7I4.js";
import "../chunks/chunk-G3PMTGIB.js";
import "../chunks/chunk-W4OLKDEP.js";
import "../chunks/chunk-DFUR2YEO.js";
import "../chunks/chunk-PPKR4CHL.js";
import "../chunks/chunk-CET7KO5S.js";
import "../chunks/chunk-QOWBSAJO.js";
import {
  actionIo,
  boolInput,
  listInput,
  runAction
} from "../chunks/chunk-A5QBJPMI.js";
import {
  getInput,
  group,
  setOutput
} from "../chunks/chunk-U2N6PYQM.js";
import "../chunks/chunk-4AOTTLI5.js";
import "../chunks/chunk-VPZGVLTG.js";
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
