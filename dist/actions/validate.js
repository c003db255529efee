import { createRequire as __mgCreateRequire } from 'node:module'; const require = __mgCreateRequire(import.meta.url);
import {
  annotationCommands
} from "../chunks/chunk-WN75DB4U.js";
import {
  formatFindings
} from "../chunks/chunk-KS52LYXT.js";
import {
  validateRepository
} from "../chunks/chunk-APDG3SIG.js";
import "../chunks/chunk-JOETGJTL.js";
import "../chunks/chunk-2BJAIYUF.js";
import "../chunks/chunk-LACVL6DC.js";
import "../chunks/chunk-Y72I2OFL.js";
import "../chunks/chunk-PWA2NHWD.js";
import "../chunks/chunk-AZ7PF7DE.js";
import "../chunks/chunk-7X65H3OX.js";
import "../chunks/chunk-E5SOOXKQ.js";
import "../chunks/chunk-QOWBSAJO.js";
import {
  actionIo,
  boolInput,
  listInput,
  runAction
} from "../chunks/chunk-5J2J5X2B.js";
import {
  getInput,
  group,
  setOutput
} from "../chunks/chunk-4MS45GGA.js";
import "../chunks/chunk-4AOTTLI5.js";
import "../chunks/chunk-H5EPG2ZH.js";
import "../chunks/chunk-ZGDBGMMU.js";

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
