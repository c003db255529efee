import { createRequire as __mgCreateRequire } from 'node:module'; const require = __mgCreateRequire(import.meta.url);
import {
  formatReleaseResult,
  releaseMarkdown,
  runRelease
} from "../chunks/chunk-PYEIJU5U.js";
import "../chunks/chunk-IUP2DSUK.js";
import "../chunks/chunk-FK4WT4ZJ.js";
import "../chunks/chunk-G2XRSD3G.js";
import "../chunks/chunk-WJJMQE6X.js";
import "../chunks/chunk-DC6647BF.js";
import "../chunks/chunk-ZLMRCJD6.js";
import "../chunks/chunk-SYM4DFNS.js";
import "../chunks/chunk-BP4MVNND.js";
import {
  writeJobSummary
} from "../chunks/chunk-QWMNQFYR.js";
import "../chunks/chunk-XHC4GILO.js";
import "../chunks/chunk-GMOKSZ4Z.js";
import "../chunks/chunk-TYVK2T2V.js";
import "../chunks/chunk-U73FS3GH.js";
import "../chunks/chunk-JX4EOLQT.js";
import "../chunks/chunk-3BUM2VMV.js";
import "../chunks/chunk-HDBNR63C.js";
import "../chunks/chunk-LQGYYSB2.js";
import "../chunks/chunk-DFUR2YEO.js";
import "../chunks/chunk-WQ3D7RZK.js";
import "../chunks/chunk-2Z7WG6JL.js";
import {
  openWorkspace
} from "../chunks/chunk-7PVRHJJ6.js";
import "../chunks/chunk-24OQBVFA.js";
import "../chunks/chunk-RQB7ZENY.js";
import "../chunks/chunk-YKVVJQTT.js";
import "../chunks/chunk-M65JNBWF.js";
import "../chunks/chunk-PH2DX2SW.js";
import "../chunks/chunk-QJVTDBHM.js";
import "../chunks/chunk-QOWBSAJO.js";
import {
  actionIo,
  boolInput,
  runAction,
  withGitPushToken
} from "../chunks/chunk-4ATQXOWY.js";
import {
  getInput,
  group,
  setOutput,
  setSecret
} from "../chunks/chunk-HKORXWJV.js";
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
