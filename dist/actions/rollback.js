import { createRequire } from 'node:module';
import { p as proposeRollback } from '../chunks/chunk-S3GAPWLW-DwCfEPvt.js';
import { f as formatReleaseResult, r as releaseMarkdown } from '../chunks/chunk-OQ45MV4K-PLs17Y9n.js';
import '../chunks/chunk-XTTDOJEG-CTUH-nLa.js';
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
import '../chunks/chunk-UJBNVSBJ-w54T6uVT.js';
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
