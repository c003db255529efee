import { createRequire as __mgCreateRequire } from 'node:module'; const require = __mgCreateRequire(import.meta.url);
import {
  annotationCommands,
  openWorkspaceLazily
} from "../chunks/chunk-MLTBKGZZ.js";
import {
  formatFindings
} from "../chunks/chunk-MBUOXZPG.js";
import {
  validateRepository
} from "../chunks/chunk-IAAAA5OQ.js";
import "../chunks/chunk-R3TW6X6V.js";
import "../chunks/chunk-6ZPD2526.js";
import "../chunks/chunk-YOVF47IZ.js";
import "../chunks/chunk-QT2EU3SI.js";
import "../chunks/chunk-OL25SVDW.js";
import "../chunks/chunk-LH4MYGKA.js";
import "../chunks/chunk-Q6QXFFZK.js";
import "../chunks/chunk-3RH2EWC2.js";
import "../chunks/chunk-7B77QO44.js";
import "../chunks/chunk-OOQO5JDE.js";
import "../chunks/chunk-Y72I2OFL.js";
import "../chunks/chunk-SKWY5OI3.js";
import "../chunks/chunk-6UXFBPQ7.js";
import "../chunks/chunk-X6OXJVG3.js";
import "../chunks/chunk-64266JRY.js";
import "../chunks/chunk-4JQXYHBV.js";
import "../chunks/chunk-OZK2C7TC.js";
import "../chunks/chunk-EW3JDDCC.js";
import "../chunks/chunk-FEFSD2JC.js";
import "../chunks/chunk-EJRXWDVW.js";
import "../chunks/chunk-YR32LSL5.js";
import "../chunks/chunk-KMZ2SU7I.js";
import "../chunks/chunk-XPVOVGWT.js";
import "../chunks/chunk-UPGHJSZ6.js";
import "../chunks/chunk-AVCTVMN2.js";
import "../chunks/chunk-NI36P5E6.js";
import "../chunks/chunk-A6WGSW5D.js";
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
  const result = await group("modelgate validate", async () => {
    const ws = await openWorkspaceLazily(io, { cwd });
    return validateRepository(cwd, {
      repo: ws.repo,
      paths: listInput("paths"),
      skipData: boolInput("skip-data", false),
      env: ws.env,
      onProgress: (m) => io.err(`${m}
`),
      versions: { git: ws.git, env: ws.env }
    });
  });
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
