import { createRequire as __mgCreateRequire } from 'node:module'; const require = __mgCreateRequire(import.meta.url);
import {
  storeBundles
} from "../chunks/chunk-LRPXFC3Z.js";
import "../chunks/chunk-RE7JG4UK.js";
import "../chunks/chunk-NSRBW3XR.js";
import "../chunks/chunk-MNVFN7U6.js";
import "../chunks/chunk-UOTXH2B2.js";
import "../chunks/chunk-GECFSZP2.js";
import "../chunks/chunk-CET7KO5S.js";
import "../chunks/chunk-QI2VZTQM.js";
import "../chunks/chunk-62RWLHT6.js";
import "../chunks/chunk-YOBALZSW.js";
import "../chunks/chunk-6LQ44VET.js";
import "../chunks/chunk-J4EIJJQT.js";
import "../chunks/chunk-6E32F27Q.js";
import "../chunks/chunk-TYVK2T2V.js";
import "../chunks/chunk-U73FS3GH.js";
import "../chunks/chunk-KKQJU2ZQ.js";
import "../chunks/chunk-ULLVEJ36.js";
import "../chunks/chunk-Y62323NV.js";
import "../chunks/chunk-WQ3D7RZK.js";
import "../chunks/chunk-LX622266.js";
import "../chunks/chunk-YK35P24K.js";
import "../chunks/chunk-2Z7WG6JL.js";
import "../chunks/chunk-MMEZHR7H.js";
import "../chunks/chunk-EJRXWDVW.js";
import "../chunks/chunk-RQB7ZENY.js";
import {
  openWorkspace
} from "../chunks/chunk-MQJ4CDQI.js";
import "../chunks/chunk-7WYILPYU.js";
import "../chunks/chunk-UW5NMV2O.js";
import "../chunks/chunk-UPGHJSZ6.js";
import "../chunks/chunk-DFUR2YEO.js";
import "../chunks/chunk-AVCTVMN2.js";
import "../chunks/chunk-VHRTALN7.js";
import "../chunks/chunk-YZUBQ7DK.js";
import "../chunks/chunk-OHXYSI3I.js";
import "../chunks/chunk-S43IQFRZ.js";
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
