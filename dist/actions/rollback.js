import { createRequire } from 'node:module';
import { p as proposeRollback } from '../chunks/chunk-S3GAPWLW-C7UIB6OK.js';
import { f as formatReleaseResult, r as releaseMarkdown } from '../chunks/chunk-OQ45MV4K-Ds5tyVHJ.js';
import '../chunks/chunk-XTTDOJEG-BXV6SU6K.js';
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
import '../chunks/chunk-UJBNVSBJ-FdgIgU5w.js';
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
