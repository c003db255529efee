import { createRequire } from 'node:module';
import { s as storeBundles } from '../chunks/chunk-NYMZL6PU-CIixvNrg.js';
import '../chunks/chunk-O6VIHSKQ-D4UN1D9F.js';
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
import '../chunks/chunk-QY6YSSUQ-DOW5Hrlb.js';
import '../chunks/chunk-3XFCJ3SQ-CY1KQCXb.js';
import '../chunks/chunk-62RWLHT6-DusoIaw8.js';
import '../chunks/hot-audit-verify-DZYJh8zf.js';
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
import { r as runAction, a as actionIo, w as withGitPushToken, b as boolInput, l as listInput } from '../chunks/chunk-GQCH3TPH-DiKVRF7d.js';
import { g as getInput, s as setSecret, a as group, b as setOutput } from '../chunks/chunk-U2N6PYQM-Bne4_qtb.js';
import '../chunks/hot-help-validate-plan-audit-verify-CiDATK95.js';
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
