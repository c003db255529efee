import { createRequire } from 'node:module';
import { s as storeBundles } from '../chunks/chunk-NYMZL6PU-DFcpigyV.js';
import '../chunks/chunk-O6VIHSKQ-Cl0tfA8f.js';
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
import '../chunks/chunk-QY6YSSUQ-B3WDzU6b.js';
import '../chunks/chunk-3XFCJ3SQ-BJ3ijToW.js';
import '../chunks/chunk-62RWLHT6-DusoIaw8.js';
import '../chunks/hot-audit-verify-B6ZY6wfh.js';
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
import { r as runAction, a as actionIo, w as withGitPushToken, b as boolInput, l as listInput } from '../chunks/chunk-GQCH3TPH-3Al4y03f.js';
import { g as getInput, s as setSecret, a as group, b as setOutput } from '../chunks/chunk-U2N6PYQM-CxW-GqxT.js';
import '../chunks/hot-help-validate-audit-verify-aYLtKKnG.js';
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
