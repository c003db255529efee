import { createRequire as __mgCreateRequire } from 'node:module'; const require = __mgCreateRequire(import.meta.url);
import {
  annotationCommands
} from "../chunks/chunk-WN75DB4U.js";
import {
  formatFindings
} from "../chunks/chunk-MBUOXZPG.js";
import {
  validateRepository
} from "../chunks/chunk-4BMDRUGO.js";
import "../chunks/chunk-7W43K7FQ.js";
import "../chunks/chunk-FDR4IDFB.js";
import "../chunks/chunk-YYXK4NTP.js";
import "../chunks/chunk-YI3RFVVZ.js";
import "../chunks/chunk-AFJTW5JC.js";
import "../chunks/chunk-4USZLPHI.js";
import "../chunks/chunk-JPD5CG23.js";
import "../chunks/chunk-CG5OMBRI.js";
import "../chunks/chunk-M57FEL6J.js";
import "../chunks/chunk-WQU6PLY4.js";
import "../chunks/chunk-HESXV63B.js";
import "../chunks/chunk-ILZOLU62.js";
import "../chunks/chunk-BQ3X32ZS.js";
import "../chunks/chunk-IVKPBSHK.js";
import "../chunks/chunk-62NAQUBS.js";
import "../chunks/chunk-WQ3D7RZK.js";
import "../chunks/chunk-HGXR76P3.js";
import "../chunks/chunk-YK35P24K.js";
import "../chunks/chunk-2Z7WG6JL.js";
import "../chunks/chunk-MMEZHR7H.js";
import "../chunks/chunk-EJRXWDVW.js";
import {
  openWorkspace
} from "../chunks/chunk-5X42ASO2.js";
import "../chunks/chunk-TFTFQJOP.js";
import "../chunks/chunk-DFUR2YEO.js";
import "../chunks/chunk-RWWTBGNL.js";
import "../chunks/chunk-YZUBQ7DK.js";
import "../chunks/chunk-XHJYYTBS.js";
import "../chunks/chunk-S43IQFRZ.js";
import "../chunks/chunk-BW3OKQ3E.js";
import "../chunks/chunk-QOWBSAJO.js";
import {
  actionIo,
  boolInput,
  listInput,
  runAction
} from "../chunks/chunk-4GRI4MF2.js";
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
