import { createRequire } from 'node:module';
import { j as jobWorkflowRefInput } from '../chunks/chunk-RIGVJROK-CZNhKMB8.js';
import { f as formatReleaseResult, r as releaseMarkdown } from '../chunks/chunk-OQ45MV4K-PLs17Y9n.js';
import { r as runRelease } from '../chunks/chunk-XTTDOJEG-CTUH-nLa.js';
import '../chunks/chunk-IUP2DSUK-Cnf0o6t-.js';
import '../chunks/chunk-SUJYJUOK-DZcpCXAO.js';
import '../chunks/chunk-YPELLATJ-Dnpw5hvp.js';
import '../chunks/chunk-I7OPH6LF-D3fiCs1Z.js';
import '../chunks/chunk-PBKVHRC3-Te55JyAH.js';
import '../chunks/chunk-MNVFN7U6-DT3rC-eP.js';
import '../chunks/hot-verify-CywceBXG.js';
import '../chunks/chunk-CET7KO5S-B0wtDBS3.js';
import '../chunks/chunk-N3AID6DX-C81fbBFW.js';
import '../chunks/chunk-AUVY43KH-DIc4UR6R.js';
import '../chunks/chunk-YOBALZSW-B141agpR.js';
import '../chunks/chunk-DL6T25Z3-Dn6jH0Bt.js';
import '../chunks/chunk-QY6YSSUQ-B3WDzU6b.js';
import '../chunks/chunk-3XFCJ3SQ-BJ3ijToW.js';
import '../chunks/chunk-62RWLHT6-DusoIaw8.js';
import '../chunks/chunk-NKXRGQC5-CnN5N70n.js';
import { w as writeJobSummary } from '../chunks/chunk-BJUODENM-CWEUHgBY.js';
import '../chunks/hot-audit-verify-B6ZY6wfh.js';
import { U as UserError } from '../chunks/hot-help-validate-audit-verify-aYLtKKnG.js';
import '../chunks/chunk-ULLVEJ36-C0OQyKwM.js';
import '../chunks/chunk-FESBZRCF-BhXUL2Tj.js';
import '../chunks/chunk-UBMSCOQN-B25TI_51.js';
import '../chunks/chunk-OYQDDGAU-qTn3dWg1.js';
import '../chunks/chunk-2ZLDIS45-DjMMIWeg.js';
import '../chunks/chunk-U6HQLEKJ-CmF0blYP.js';
import '../chunks/chunk-YK35P24K-BysRypHz.js';
import '../chunks/hot-validate-BotGmJiZ.js';
import '../chunks/hot-validate-audit-verify-C-_o6MJ0.js';
import { o as openWorkspace } from '../chunks/chunk-TNV3NBNK-BYNCmJpd.js';
import '../chunks/chunk-DQHGHTZX-pBLXiB2o.js';
import '../chunks/chunk-2E6TZQRV-DPA5_5vV.js';
import '../chunks/chunk-LYRQXBMV-BXHYPiyi.js';
import '../chunks/hot-validate-verify-C8t4jxm2.js';
import '../chunks/chunk-S43IQFRZ-B-SSS4At.js';
import '../chunks/chunk-YZUBQ7DK-DHQLuxFL.js';
import '../chunks/chunk-DFUR2YEO-CrRpRbga.js';
import { r as runAction, a as actionIo, w as withGitPushToken, b as boolInput } from '../chunks/chunk-GQCH3TPH-3Al4y03f.js';
import { g as getInput, s as setSecret, a as group, b as setOutput } from '../chunks/chunk-U2N6PYQM-CxW-GqxT.js';
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
import 'node:worker_threads';
import 'node:child_process';
import 'node:http';
import 'node:https';
import 'node:stream';
import 'node:stream/promises';
import 'node:timers/promises';
import 'node:v8';
import 'node:util';
import 'node:url';
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
