import { createRequire } from 'node:module';
import { j as jobWorkflowRefInput } from '../chunks/chunk-RIGVJROK-CBcazM_H.js';
import { f as formatReleaseResult, r as releaseMarkdown } from '../chunks/chunk-OQ45MV4K-Ds5tyVHJ.js';
import { r as runRelease } from '../chunks/chunk-XTTDOJEG-BXV6SU6K.js';
import '../chunks/chunk-IUP2DSUK-kBqg7nXA.js';
import '../chunks/chunk-SUJYJUOK-DVAOOj-J.js';
import '../chunks/chunk-YPELLATJ-DmrUE5hP.js';
import '../chunks/chunk-I7OPH6LF-DZAU6hue.js';
import '../chunks/chunk-PBKVHRC3-wi_CBaMH.js';
import '../chunks/chunk-MNVFN7U6-VUjvR0Gk.js';
import '../chunks/hot-verify-CS61MYk-.js';
import '../chunks/chunk-CET7KO5S-Y6oG9QoX.js';
import '../chunks/chunk-N3AID6DX-dQPS-OfG.js';
import '../chunks/chunk-AUVY43KH-ByPVU_Dd.js';
import '../chunks/chunk-YOBALZSW-B141agpR.js';
import '../chunks/chunk-DL6T25Z3-Dn6jH0Bt.js';
import '../chunks/chunk-QY6YSSUQ-DOW5Hrlb.js';
import '../chunks/chunk-3XFCJ3SQ-CY1KQCXb.js';
import '../chunks/chunk-62RWLHT6-DusoIaw8.js';
import '../chunks/chunk-NKXRGQC5-h4gDLlTY.js';
import { w as writeJobSummary } from '../chunks/chunk-BJUODENM-D7tbkoXJ.js';
import '../chunks/hot-audit-verify-DZYJh8zf.js';
import { U as UserError } from '../chunks/hot-help-validate-plan-audit-verify-CiDATK95.js';
import '../chunks/chunk-ULLVEJ36-CqSbsUH_.js';
import '../chunks/chunk-FESBZRCF-DVFrC6lj.js';
import '../chunks/chunk-UBMSCOQN-DvpQ3ehE.js';
import '../chunks/chunk-OYQDDGAU-Dpe-Jqkv.js';
import '../chunks/chunk-2ZLDIS45-ZCAU1cz0.js';
import '../chunks/chunk-U6HQLEKJ-DFuKjzG7.js';
import '../chunks/chunk-YK35P24K-BysRypHz.js';
import '../chunks/hot-validate-Cbhe7qur.js';
import '../chunks/hot-validate-plan-DjS3M9MR.js';
import '../chunks/hot-validate-plan-audit-verify-DglurztO.js';
import { o as openWorkspace } from '../chunks/hot-plan-YWGJn6IT.js';
import '../chunks/hot-validate-plan-verify-C9JqfCVv.js';
import '../chunks/chunk-DFUR2YEO-CrRpRbga.js';
import { r as runAction, a as actionIo, w as withGitPushToken, b as boolInput } from '../chunks/chunk-GQCH3TPH-DiKVRF7d.js';
import { g as getInput, s as setSecret, a as group, b as setOutput } from '../chunks/chunk-U2N6PYQM-Bne4_qtb.js';
import { resolve } from 'node:path';
import 'node:fs';
import 'http';
import 'https';
import 'net';
import 'tls';
import 'events';
import 'url';
import 'assert';
import 'dns';
import 'node:crypto';
import 'node:fs/promises';
import 'node:os';
import '../chunks/hot-validate-verify-COnm42W2.js';
import 'node:url';
import 'node:worker_threads';
import 'node:child_process';
import 'node:http';
import 'node:https';
import 'node:stream';
import 'node:stream/promises';
import 'node:timers/promises';
import 'node:v8';
import 'node:util';
import 'os';
import 'crypto';
import 'fs';

const require$1 = createRequire(import.meta.url);
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
