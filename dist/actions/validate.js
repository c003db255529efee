import { createRequire as __mgCreateRequire } from 'node:module'; const require = __mgCreateRequire(import.meta.url);
import {
  annotationCommands
} from "../chunks/chunk-WN75DB4U.js";
import {
  formatFindings
} from "../chunks/chunk-MBUOXZPG.js";
import {
  validateRepository
} from "../chunks/chunk-26QAHEDW.js";
import "../chunks/chunk-PGNRHRKZ.js";
import "../chunks/chunk-6FZ5Y4LU.js";
import "../chunks/chunk-OL25SVDW.js";
import "../chunks/chunk-5V6DZ3G6.js";
import "../chunks/chunk-KV3PDDTP.js";
import "../chunks/chunk-2EP4N2N2.js";
import "../chunks/chunk-4PYCTCDN.js";
import "../chunks/chunk-AYMTKVFU.js";
import "../chunks/chunk-UCU4ARW5.js";
import "../chunks/chunk-7DC5CDGY.js";
import "../chunks/chunk-JUPVGUIV.js";
import "../chunks/chunk-C6CK2HNB.js";
import "../chunks/chunk-SU4I4RP5.js";
import "../chunks/chunk-BQ3X32ZS.js";
import "../chunks/chunk-6UXFBPQ7.js";
import "../chunks/chunk-B3ZWHNLG.js";
import "../chunks/chunk-WQ3D7RZK.js";
import "../chunks/chunk-LX622266.js";
import "../chunks/chunk-YK35P24K.js";
import "../chunks/chunk-2Z7WG6JL.js";
import "../chunks/chunk-MMEZHR7H.js";
import "../chunks/chunk-EJRXWDVW.js";
import {
  openWorkspace
} from "../chunks/chunk-MQJ4CDQI.js";
import "../chunks/chunk-7WYILPYU.js";
import "../chunks/chunk-UW5NMV2O.js";
import "../chunks/chunk-UPGHJSZ6.js";
import "../chunks/chunk-DFUR2YEO.js";
import "../chunks/chunk-AVCTVMN2.js";
import "../chunks/chunk-VHRTALN7.js";
import "../chunks/chunk-YZUBQ7DK.js";
import "../chunks/chunk-OHXYSI3I.js";
import "../chunks/chunk-S43IQFRZ.js";
import {
  actionIo,
  boolInput,
  listInput,
  runAction
} from "../chunks/chunk-GQCH3TPH.js";
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
