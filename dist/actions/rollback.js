import { createRequire as __mgCreateRequire } from 'node:module'; const require = __mgCreateRequire(import.meta.url);
import {
  formatReleaseResult,
  releaseMarkdown
} from "../chunks/chunk-OQ45MV4K.js";
import {
  proposeRollback
} from "../chunks/chunk-LCIT2NBM.js";
import "../chunks/chunk-SVYG4AGF.js";
import "../chunks/chunk-IUP2DSUK.js";
import "../chunks/chunk-ZKMPUHXQ.js";
import "../chunks/chunk-7R7HQWQJ.js";
import "../chunks/chunk-2OWILWUJ.js";
import "../chunks/chunk-FTB6E32E.js";
import {
  writeJobSummary
} from "../chunks/chunk-TVF3X2IB.js";
import "../chunks/chunk-X65YSUAR.js";
import "../chunks/chunk-O27KKOZS.js";
import "../chunks/chunk-TYVK2T2V.js";
import "../chunks/chunk-U73FS3GH.js";
import "../chunks/chunk-56DURYJZ.js";
import "../chunks/chunk-3BUM2VMV.js";
import "../chunks/chunk-7Q6ZZL3W.js";
import "../chunks/chunk-N2OGNGPG.js";
import "../chunks/chunk-SGVNIGME.js";
import "../chunks/chunk-44HAN3UA.js";
import "../chunks/chunk-EJRXWDVW.js";
import "../chunks/chunk-RYALGRLQ.js";
import {
  openWorkspace
} from "../chunks/chunk-2MYDR3ZF.js";
import "../chunks/chunk-6VQLFMRB.js";
import "../chunks/chunk-RQB7ZENY.js";
import "../chunks/chunk-KMWO5SHS.js";
import "../chunks/chunk-DFUR2YEO.js";
import "../chunks/chunk-PPKR4CHL.js";
import "../chunks/chunk-CET7KO5S.js";
import "../chunks/chunk-QOWBSAJO.js";
import {
  actionIo,
  boolInput,
  runAction,
  withGitPushToken
} from "../chunks/chunk-A5QBJPMI.js";
import {
  getInput,
  group,
  setOutput,
  setSecret
} from "../chunks/chunk-U2N6PYQM.js";
import "../chunks/chunk-4AOTTLI5.js";
import {
  UserError
} from "../chunks/chunk-VPZGVLTG.js";
import "../chunks/chunk-CCN2QAD7.js";

// src/actions/rollback.ts
import { resolve } from "node:path";
await runAction("rollback", async () => {
  const io = actionIo();
  const token = getInput("token");
  if (token) setSecret(token);
  const signingKey = getInput("signing-key");
  if (signingKey) {
    for (const line of signingKey.split("\n")) if (line.trim()) setSecret(line.trim());
    io.env = { ...io.env, MODELGATE_SIGNING_KEY: signingKey };
  }
  const cwd = resolve(io.cwd, getInput("working-directory") || ".");
  const model = getInput("model");
  if (!model) throw new UserError("the model input is required");
  io.env = await withGitPushToken(cwd, token, io.env);
  const r = await group(
    `modelgate monitor rollback ${model}`,
    () => proposeRollback(openWorkspace(io, { cwd, env: io.env }), {
      model,
      environment: getInput("environment") || void 0,
      record: getInput("record") || void 0,
      token: token || void 0,
      dryRun: boolInput("dry-run", false),
      log: (line) => io.err(`${line}
`)
    })
  );
  if (r.skipped) {
    io.out(`rollback of ${model}: not proposed: ${r.skipped}
`);
    setOutput("outcome", "skipped");
    return 0;
  }
  const release = r.release;
  if (release) {
    io.out(formatReleaseResult(release));
    writeJobSummary(releaseMarkdown(release), io.env);
  }
  setOutput("outcome", release?.outcome ?? "planned");
  setOutput("version", r.version ?? "");
  setOutput("monitoring-record", r.monitoringRecord ?? "");
  setOutput("branch", release?.branch ?? "");
  setOutput("pull-request", release?.pullRequest ? String(release.pullRequest.number) : "");
  setOutput("record-digest", release?.recordDigest ?? "");
  return 0;
});
