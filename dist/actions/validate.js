import { createRequire as __mgCreateRequire } from 'node:module'; const require = __mgCreateRequire(import.meta.url);
import {
  annotationCommands
} from "../chunks/chunk-WN75DB4U.js";
import {
  formatFindings
} from "../chunks/chunk-KS52LYXT.js";
import {
  validateRepository
} from "../chunks/chunk-DRYOQIUE.js";
import "../chunks/chunk-5M3UW3DG.js";
import "../chunks/chunk-FMOUYUH7.js";
import "../chunks/chunk-EY3FCMZG.js";
import "../chunks/chunk-IVEDCC66.js";
import "../chunks/chunk-T2GPW5PN.js";
import "../chunks/chunk-EJRXWDVW.js";
import "../chunks/chunk-CCZROEOA.js";
import "../chunks/chunk-7NLYG22G.js";
import "../chunks/chunk-SJAFTIB5.js";
import "../chunks/chunk-YK35P24K.js";
import "../chunks/chunk-WQ3D7RZK.js";
import "../chunks/chunk-2Z7WG6JL.js";
import {
  openWorkspace
} from "../chunks/chunk-7PVRHJJ6.js";
import "../chunks/chunk-24OQBVFA.js";
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
} from "../chunks/chunk-4ATQXOWY.js";
import {
  getInput,
  group,
  setOutput
} from "../chunks/chunk-HKORXWJV.js";
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
