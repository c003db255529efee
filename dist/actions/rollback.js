import { createRequire } from 'node:module';
import { p as proposeRollback } from '../chunks/chunk-S3GAPWLW-BsHGkWgO.js';
import { f as formatReleaseResult, r as releaseMarkdown } from '../chunks/chunk-OQ45MV4K-Ny6LFSiP.js';
import '../chunks/chunk-XTTDOJEG-Cg1qMU1d.js';
import '../chunks/chunk-IUP2DSUK-W0kjZvU6.js';
import '../chunks/chunk-SUJYJUOK-DaSUn0fc.js';
import '../chunks/chunk-YPELLATJ-BxK6YIuC.js';
import '../chunks/chunk-I7OPH6LF-CN98DcCF.js';
import '../chunks/chunk-PBKVHRC3-DW47LNRe.js';
import '../chunks/chunk-MNVFN7U6-Tj2bLcJF.js';
import '../chunks/hot-verify-3Z0yYc-5.js';
import '../chunks/chunk-CET7KO5S-jObky3Jx.js';
import '../chunks/chunk-N3AID6DX-8I38Lc81.js';
import '../chunks/chunk-AUVY43KH-C66sk5Qu.js';
import '../chunks/chunk-YOBALZSW-B141agpR.js';
import '../chunks/chunk-UJBNVSBJ-DU3xSooM.js';
import '../chunks/chunk-DL6T25Z3-Dn6jH0Bt.js';
import '../chunks/chunk-QY6YSSUQ-BpmsvQaB.js';
import '../chunks/chunk-3XFCJ3SQ-BdSxpWR1.js';
import '../chunks/chunk-62RWLHT6-DusoIaw8.js';
import '../chunks/chunk-NKXRGQC5-mX2-xNSd.js';
import { w as writeJobSummary } from '../chunks/chunk-BJUODENM-DL1Qx7ep.js';
import '../chunks/hot-audit-verify-CW431pox.js';
import { U as UserError } from '../chunks/hot-help-validate-plan-audit-verify-rbxjbofx.js';
import '../chunks/chunk-ULLVEJ36-Bc6vo0a_.js';
import '../chunks/chunk-FESBZRCF-DPgqCKDG.js';
import '../chunks/chunk-UBMSCOQN-CTl-StWT.js';
import '../chunks/chunk-OYQDDGAU-2yYg6ddK.js';
import '../chunks/chunk-2ZLDIS45-Dp7QRyPS.js';
import '../chunks/chunk-U6HQLEKJ-BEVmVfXv.js';
import '../chunks/chunk-YK35P24K-BysRypHz.js';
import '../chunks/hot-validate-B-PelMnH.js';
import '../chunks/hot-validate-plan-DkI_aO9c.js';
import '../chunks/hot-validate-plan-audit-verify-QICo30ON.js';
import { o as openWorkspace } from '../chunks/hot-plan-B74EilRD.js';
import '../chunks/hot-validate-plan-verify-DgmVZHur.js';
import '../chunks/chunk-DFUR2YEO-CrRpRbga.js';
import { r as runAction, a as actionIo, w as withGitPushToken, b as boolInput } from '../chunks/chunk-GQCH3TPH-BJbRcLGx.js';
import { g as getInput, s as setSecret, a as group, b as setOutput } from '../chunks/chunk-U2N6PYQM-B1uukJD5.js';
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
import '../chunks/hot-validate-verify-Df-Yd_Rd.js';
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
