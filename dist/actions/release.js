import { createRequire as __mgCreateRequire } from 'node:module'; const require = __mgCreateRequire(import.meta.url);
import {
  formatReleaseResult,
  releaseMarkdown,
  runRelease
} from "../chunks/chunk-42OEFBMW.js";
import "../chunks/chunk-2QDJK4LF.js";
import "../chunks/chunk-BAGWTHH3.js";
import "../chunks/chunk-BJFHTU3R.js";
import "../chunks/chunk-U73FS3GH.js";
import {
  writeJobSummary
} from "../chunks/chunk-YA4536HC.js";
import "../chunks/chunk-3BUM2VMV.js";
import "../chunks/chunk-DFUR2YEO.js";
import {
  openWorkspace
} from "../chunks/chunk-A2AAEGHE.js";
import "../chunks/chunk-7X65H3OX.js";
import "../chunks/chunk-K2PEDVU3.js";
import "../chunks/chunk-E5SOOXKQ.js";
import "../chunks/chunk-QOWBSAJO.js";
import {
  actionIo,
  boolInput,
  runAction,
  withGitPushToken
} from "../chunks/chunk-5J2J5X2B.js";
import {
  getInput,
  group,
  setOutput,
  setSecret
} from "../chunks/chunk-4MS45GGA.js";
import "../chunks/chunk-4AOTTLI5.js";
import {
  UserError
} from "../chunks/chunk-H5EPG2ZH.js";
import "../chunks/chunk-ZGDBGMMU.js";

// src/actions/release.ts
import { resolve } from "node:path";
await runAction("release", async () => {
  const io = actionIo();
  const token = getInput("token");
  if (token) setSecret(token);
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
  const wrote = ["released", "rolled-back", "proposed", "unassigned", "deregistered"].includes(result.outcome);
  setOutput("changed", wrote);
});
