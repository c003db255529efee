import { createRequire as __mgCreateRequire } from 'node:module'; const require = __mgCreateRequire(import.meta.url);
import {
  jobWorkflowRefInput
} from "../chunks/chunk-RIGVJROK.js";
import {
  formatReleaseResult,
  releaseMarkdown
} from "../chunks/chunk-OQ45MV4K.js";
import {
  runRelease
} from "../chunks/chunk-XTTDOJEG.js";
import "../chunks/chunk-IUP2DSUK.js";
import "../chunks/chunk-SUJYJUOK.js";
import "../chunks/chunk-YPELLATJ.js";
import "../chunks/chunk-I7OPH6LF.js";
import "../chunks/chunk-PBKVHRC3.js";
import "../chunks/chunk-MNVFN7U6.js";
import "../chunks/chunk-DZUNL7B6.js";
import "../chunks/chunk-A7JWPJBF.js";
import "../chunks/chunk-CET7KO5S.js";
import "../chunks/chunk-N3AID6DX.js";
import "../chunks/chunk-AUVY43KH.js";
import "../chunks/chunk-YOBALZSW.js";
import "../chunks/chunk-DL6T25Z3.js";
import "../chunks/chunk-QY6YSSUQ.js";
import "../chunks/chunk-3XFCJ3SQ.js";
import "../chunks/chunk-62RWLHT6.js";
import "../chunks/chunk-NKXRGQC5.js";
import {
  writeJobSummary
} from "../chunks/chunk-BJUODENM.js";
import "../chunks/chunk-6LQ44VET.js";
import "../chunks/chunk-NP3OSGPT.js";
import "../chunks/chunk-ES2OW2N4.js";
import "../chunks/chunk-XKBXOX3L.js";
import "../chunks/chunk-TYVK2T2V.js";
import "../chunks/chunk-U73FS3GH.js";
import "../chunks/chunk-FKCR242C.js";
import "../chunks/chunk-3BUM2VMV.js";
import "../chunks/chunk-ULLVEJ36.js";
import "../chunks/chunk-FESBZRCF.js";
import "../chunks/chunk-UBMSCOQN.js";
import "../chunks/chunk-OYQDDGAU.js";
import "../chunks/chunk-2ZLDIS45.js";
import "../chunks/chunk-U6HQLEKJ.js";
import "../chunks/chunk-YK35P24K.js";
import "../chunks/chunk-4JQXYHBV.js";
import "../chunks/chunk-OZK2C7TC.js";
import "../chunks/chunk-EW3JDDCC.js";
import "../chunks/chunk-FEFSD2JC.js";
import "../chunks/chunk-EJRXWDVW.js";
import "../chunks/chunk-RQB7ZENY.js";
import {
  openWorkspace
} from "../chunks/chunk-TNV3NBNK.js";
import "../chunks/chunk-DQHGHTZX.js";
import "../chunks/chunk-2E6TZQRV.js";
import "../chunks/chunk-LYRQXBMV.js";
import "../chunks/chunk-YR32LSL5.js";
import "../chunks/chunk-KMZ2SU7I.js";
import "../chunks/chunk-XPVOVGWT.js";
import "../chunks/chunk-UPGHJSZ6.js";
import "../chunks/chunk-S43IQFRZ.js";
import "../chunks/chunk-YZUBQ7DK.js";
import "../chunks/chunk-DFUR2YEO.js";
import "../chunks/chunk-AVCTVMN2.js";
import "../chunks/chunk-NI36P5E6.js";
import "../chunks/chunk-A6WGSW5D.js";
import {
  actionIo,
  boolInput,
  runAction,
  withGitPushToken
} from "../chunks/chunk-GQCH3TPH.js";
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

// src/actions/release.ts
import { resolve } from "node:path";
await runAction("release", async () => {
  const io = actionIo();
  const token = getInput("token");
  if (token) setSecret(token);
  const signingKey = getInput("signing-key");
  if (signingKey) {
    for (const line of signingKey.split("\n")) if (line.trim()) setSecret(line.trim());
    io.env = { ...io.env, MODELGATE_SIGNING_KEY: signingKey };
  }
  io.env = { ...io.env, ...await jobWorkflowRefInput(getInput("job-workflow-ref"), io.env) };
  const cwd = resolve(io.cwd, getInput("working-directory") || ".");
  const operation = getInput("operation") || "release";
  if (!["release", "unassign", "deregister"].includes(operation)) {
    throw new UserError(`operation: expected release, unassign or deregister, got "${operation}"`);
  }
  const model = getInput("model");
  const version = getInput("version");
  const ref = io.env.GITHUB_REF ?? "";
  const tag = getInput("tag") || (!model && ref.startsWith("refs/tags/") ? ref.slice("refs/tags/".length) : "");
  io.env = await withGitPushToken(cwd, token, io.env);
  const result = await group(
    `modelgate release ${tag || `${model} ${version}`}`,
    () => runRelease(openWorkspace(io, { cwd, env: io.env }), {
      token: token || void 0,
      tag: tag || void 0,
      model: model || void 0,
      version: version || void 0,
      environment: getInput("environment") || void 0,
      repo: getInput("repository") || void 0,
      mode: operation,
      dryRun: boolInput("dry-run", false),
      log: (line) => io.err(`${line}
`)
    })
  );
  io.out(formatReleaseResult(result));
  writeJobSummary(releaseMarkdown(result), io.env);
  setOutput("outcome", result.outcome);
  setOutput("action", result.action ?? "");
  setOutput("model", result.model);
  setOutput("version", result.version);
  setOutput("environment", result.environment);
  setOutput("stage-tag", result.stageTag ?? result.registryTag ?? "");
  setOutput("commit", result.commit ?? "");
  setOutput("image", result.image?.reference ?? "");
  setOutput("record-digest", result.recordDigest ?? "");
  setOutput("pull-request", result.pullRequest ? String(result.pullRequest.number) : "");
  const pending = JSON.stringify(result.attestations?.by === "workflow" ? result.attestations.statements : []);
  setOutput("attestations", pending);
  const wrote = ["released", "rolled-back", "proposed", "unassigned", "deregistered"].includes(result.outcome);
  setOutput("changed", wrote);
});
