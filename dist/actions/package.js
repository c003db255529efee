import { createRequire as __mgCreateRequire } from 'node:module'; const require = __mgCreateRequire(import.meta.url);
import {
  packageImage,
  parsePlatforms
} from "../chunks/chunk-WZ3ZO6K4.js";
import "../chunks/chunk-VK5GUTCG.js";
import "../chunks/chunk-ULLVEJ36.js";
import "../chunks/chunk-FESBZRCF.js";
import {
  num
} from "../chunks/chunk-2BWFZXJO.js";
import "../chunks/chunk-ZYONVBQU.js";
import "../chunks/chunk-UBMSCOQN.js";
import "../chunks/chunk-OYQDDGAU.js";
import "../chunks/chunk-2ZLDIS45.js";
import "../chunks/chunk-U6HQLEKJ.js";
import "../chunks/chunk-YK35P24K.js";
import "../chunks/chunk-4JQXYHBV.js";
import "../chunks/chunk-OZK2C7TC.js";
import "../chunks/chunk-EW3JDDCC.js";
import "../chunks/chunk-FEFSD2JC.js";
import "../chunks/chunk-EJRXWDVW.js";
import "../chunks/chunk-RQB7ZENY.js";
import "../chunks/chunk-TNV3NBNK.js";
import "../chunks/chunk-DQHGHTZX.js";
import "../chunks/chunk-2E6TZQRV.js";
import "../chunks/chunk-LYRQXBMV.js";
import "../chunks/chunk-YR32LSL5.js";
import "../chunks/chunk-KMZ2SU7I.js";
import "../chunks/chunk-XPVOVGWT.js";
import "../chunks/chunk-UPGHJSZ6.js";
import "../chunks/chunk-S43IQFRZ.js";
import "../chunks/chunk-YZUBQ7DK.js";
import "../chunks/chunk-DFUR2YEO.js";
import "../chunks/chunk-AVCTVMN2.js";
import "../chunks/chunk-NI36P5E6.js";
import "../chunks/chunk-A6WGSW5D.js";
import {
  actionIo,
  runAction
} from "../chunks/chunk-GQCH3TPH.js";
import {
  getInput,
  group,
  setOutput,
  setSecret,
  warning
} from "../chunks/chunk-U2N6PYQM.js";
import "../chunks/chunk-4AOTTLI5.js";
import "../chunks/chunk-VPZGVLTG.js";
import "../chunks/chunk-CCN2QAD7.js";

// src/actions/package.ts
import { resolve } from "node:path";
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
