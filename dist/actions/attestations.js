import { createRequire as __mgCreateRequire } from 'node:module'; const require = __mgCreateRequire(import.meta.url);
import {
  storeBundles
} from "../chunks/chunk-VTRXSKJC.js";
import "../chunks/chunk-FK4WT4ZJ.js";
import "../chunks/chunk-G2XRSD3G.js";
import "../chunks/chunk-WJJMQE6X.js";
import "../chunks/chunk-DC6647BF.js";
import "../chunks/chunk-BP4MVNND.js";
import "../chunks/chunk-XHC4GILO.js";
import "../chunks/chunk-GMOKSZ4Z.js";
import "../chunks/chunk-TYVK2T2V.js";
import "../chunks/chunk-U73FS3GH.js";
import "../chunks/chunk-JX4EOLQT.js";
import "../chunks/chunk-HDBNR63C.js";
import "../chunks/chunk-LQGYYSB2.js";
import "../chunks/chunk-DFUR2YEO.js";
import "../chunks/chunk-WQ3D7RZK.js";
import "../chunks/chunk-2Z7WG6JL.js";
import {
  openWorkspace
} from "../chunks/chunk-7PVRHJJ6.js";
import "../chunks/chunk-24OQBVFA.js";
import "../chunks/chunk-RQB7ZENY.js";
import "../chunks/chunk-YKVVJQTT.js";
import "../chunks/chunk-M65JNBWF.js";
import "../chunks/chunk-PH2DX2SW.js";
import "../chunks/chunk-QJVTDBHM.js";
import "../chunks/chunk-QOWBSAJO.js";
import {
  actionIo,
  boolInput,
  listInput,
  runAction,
  withGitPushToken
} from "../chunks/chunk-4ATQXOWY.js";
import {
  getInput,
  group,
  setOutput,
  setSecret
} from "../chunks/chunk-HKORXWJV.js";
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
