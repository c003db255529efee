import { createRequire } from 'node:module';
import { p as parsePlatforms, a as packageImage } from '../chunks/chunk-WZ3ZO6K4-80CqoYQx.js';
import '../chunks/chunk-VK5GUTCG-BuY9l5Ac.js';
import '../chunks/chunk-ULLVEJ36-CqSbsUH_.js';
import '../chunks/chunk-FESBZRCF-DVFrC6lj.js';
import { n as num } from '../chunks/hot-validate-plan-audit-verify-DglurztO.js';
import '../chunks/chunk-ZYONVBQU-s7z3Z2Hp.js';
import '../chunks/chunk-UBMSCOQN-DvpQ3ehE.js';
import '../chunks/chunk-OYQDDGAU-Dpe-Jqkv.js';
import '../chunks/chunk-2ZLDIS45-ZCAU1cz0.js';
import '../chunks/chunk-U6HQLEKJ-DFuKjzG7.js';
import '../chunks/chunk-YK35P24K-BysRypHz.js';
import '../chunks/hot-validate-Cbhe7qur.js';
import '../chunks/hot-validate-plan-DjS3M9MR.js';
import '../chunks/hot-plan-YWGJn6IT.js';
import '../chunks/hot-validate-plan-verify-C9JqfCVv.js';
import '../chunks/chunk-DFUR2YEO-CrRpRbga.js';
import { r as runAction, a as actionIo } from '../chunks/chunk-GQCH3TPH-DiKVRF7d.js';
import { g as getInput, s as setSecret, a as group, w as warning, b as setOutput } from '../chunks/chunk-U2N6PYQM-Bne4_qtb.js';
import '../chunks/hot-help-validate-plan-audit-verify-CiDATK95.js';
import { resolve } from 'node:path';
import 'node:fs/promises';
import 'node:zlib';
import 'node:crypto';
import 'node:stream';
import 'node:url';
import 'node:worker_threads';
import 'node:fs';
import 'node:os';
import 'node:http';
import 'node:https';
import 'node:stream/promises';
import 'node:util';
import 'node:child_process';
import '../chunks/hot-validate-verify-COnm42W2.js';
import 'node:timers/promises';
import 'node:v8';
import 'os';
import 'crypto';
import 'fs';
import 'http';
import 'https';

const require$1 = createRequire(import.meta.url);
await runAction("package", async () => {
  const io = actionIo();
  const password = getInput("registry-password");
  if (password) setSecret(password);
  io.env = {
    ...io.env,
    ...password ? {
      MODELGATE_REGISTRY_USERNAME: getInput("registry-username") || io.env.GITHUB_ACTOR || "modelgate",
      MODELGATE_REGISTRY_PASSWORD: password
    } : {}
  };
  const wd = getInput("working-directory");
  if (wd) io.cwd = resolve(io.cwd, wd);
  const opt = (name) => getInput(name) || void 0;
  const options = {
    model: opt("model"),
    modelFile: opt("model-file"),
    name: opt("name"),
    version: opt("version"),
    layout: opt("layout"),
    push: opt("push"),
    base: opt("base"),
    platforms: parsePlatforms(opt("platform")),
    evalRecord: opt("eval-record"),
    modelCard: opt("model-card"),
    promotionRecord: opt("promotion-record"),
    maxBatchSize: num("max-batch-size", opt("max-batch-size")),
    chunkMiB: num("chunk-size", opt("chunk-size")),
    source: opt("source"),
    revision: opt("revision"),
    licenses: opt("licenses")
  };
  const r = await group("modelgate package", () => packageImage(io, options));
  for (const w of r.warnings) warning(w);
  io.out(`image ${r.digest} (${r.platforms.join(", ")}, base ${r.base.name})
`);
  setOutput("digest", r.digest);
  setOutput("reference", r.pushed?.reference ?? "");
  setOutput("layout", r.layout ? `${r.layout.dir}:${r.layout.name}` : "");
  setOutput("model-sha256", r.modelSha256);
  setOutput("served-sha256", r.servedSha256);
  setOutput("referrers", JSON.stringify(r.referrers));
  setOutput("result", JSON.stringify(r));
  return 0;
});
