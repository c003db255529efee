import { createRequire } from 'node:module';
import { s as storeBundles } from '../chunks/chunk-NYMZL6PU-DloiZj7I.js';
import '../chunks/chunk-O6VIHSKQ-jyKJOLAX.js';
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
import '../chunks/chunk-QY6YSSUQ-BpmsvQaB.js';
import '../chunks/chunk-3XFCJ3SQ-BdSxpWR1.js';
import '../chunks/chunk-62RWLHT6-DusoIaw8.js';
import '../chunks/hot-audit-verify-CW431pox.js';
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
import { r as runAction, a as actionIo, w as withGitPushToken, b as boolInput, l as listInput } from '../chunks/chunk-GQCH3TPH-BJbRcLGx.js';
import { g as getInput, s as setSecret, a as group, b as setOutput } from '../chunks/chunk-U2N6PYQM-B1uukJD5.js';
import '../chunks/hot-help-validate-plan-audit-verify-rbxjbofx.js';
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
await runAction("attestations", async () => {
  const io = actionIo();
  const token = getInput("token");
  if (token) setSecret(token);
  const password = getInput("registry-password");
  if (password) setSecret(password);
  io.env = {
    ...io.env,
    ...password ? {
      MODELGATE_REGISTRY_USERNAME: getInput("registry-username") || io.env.GITHUB_ACTOR || "modelgate",
      MODELGATE_REGISTRY_PASSWORD: password
    } : {}
  };
  io.env = await withGitPushToken(io.cwd, getInput("push-token") || token, io.env);
  const wd = getInput("working-directory");
  if (wd) io.cwd = resolve(io.cwd, wd);
  const r = await group(
    "modelgate attest store",
    () => storeBundles(openWorkspace(io), { bundles: listInput("bundles"), dryRun: boolInput("dry-run", false) })
  );
  for (const s of r.stored) {
    io.out(`${r.dryRun ? "would file" : "filed"} ${s.predicateType} of ${s.model} ${s.record.version} as ${s.path}
`);
  }
  setOutput("stored", JSON.stringify(r.stored));
  setOutput("commit", r.commit ?? "");
  return 0;
});
