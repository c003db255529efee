import { createRequire as __mgCreateRequire } from 'node:module'; const require = __mgCreateRequire(import.meta.url);
import {
  storeBundles
} from "../chunks/chunk-NYMZL6PU.js";
import "../chunks/chunk-O6VIHSKQ.js";
import "../chunks/chunk-SUJYJUOK.js";
import "../chunks/chunk-YPELLATJ.js";
import "../chunks/chunk-I7OPH6LF.js";
import "../chunks/chunk-PBKVHRC3.js";
import "../chunks/chunk-MNVFN7U6.js";
import "../chunks/chunk-DZUNL7B6.js";
import "../chunks/chunk-A7JWPJBF.js";
import "../chunks/chunk-CET7KO5S.js";
import "../chunks/chunk-N3AID6DX.js";
import "../chunks/chunk-AUVY43KH.js";
import "../chunks/chunk-YOBALZSW.js";
import "../chunks/chunk-QY6YSSUQ.js";
import "../chunks/chunk-3XFCJ3SQ.js";
import "../chunks/chunk-62RWLHT6.js";
import "../chunks/chunk-6LQ44VET.js";
import "../chunks/chunk-NP3OSGPT.js";
import "../chunks/chunk-ES2OW2N4.js";
import "../chunks/chunk-XKBXOX3L.js";
import "../chunks/chunk-TYVK2T2V.js";
import "../chunks/chunk-U73FS3GH.js";
import "../chunks/chunk-FKCR242C.js";
import "../chunks/chunk-ULLVEJ36.js";
import "../chunks/chunk-FESBZRCF.js";
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
import {
  openWorkspace
} from "../chunks/chunk-TNV3NBNK.js";
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
  boolInput,
  listInput,
  runAction,
  withGitPushToken
} from "../chunks/chunk-GQCH3TPH.js";
import {
  getInput,
  group,
  setOutput,
  setSecret
} from "../chunks/chunk-U2N6PYQM.js";
import "../chunks/chunk-4AOTTLI5.js";
import "../chunks/chunk-VPZGVLTG.js";
import "../chunks/chunk-CCN2QAD7.js";

// src/actions/attestations.ts
import { resolve } from "node:path";
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
