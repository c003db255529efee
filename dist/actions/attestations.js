import { createRequire as __mgCreateRequire } from 'node:module'; const require = __mgCreateRequire(import.meta.url);
import {
  storeBundles
} from "../chunks/chunk-HP5GRA77.js";
import "../chunks/chunk-K53TAP5S.js";
import "../chunks/chunk-BPQ5TPVN.js";
import "../chunks/chunk-RMKWO74F.js";
import "../chunks/chunk-MJDZF2F3.js";
import "../chunks/chunk-QVTZ3WRW.js";
import "../chunks/chunk-KFQZAHPT.js";
import "../chunks/chunk-GMOKSZ4Z.js";
import "../chunks/chunk-TYVK2T2V.js";
import "../chunks/chunk-U73FS3GH.js";
import "../chunks/chunk-3ZPMFXZI.js";
import "../chunks/chunk-62H4D3IN.js";
import "../chunks/chunk-REA6EMCE.js";
import "../chunks/chunk-EZNW2EO3.js";
import "../chunks/chunk-6DLVQG5F.js";
import "../chunks/chunk-EJRXWDVW.js";
import {
  openWorkspace
} from "../chunks/chunk-IFQWKWHI.js";
import "../chunks/chunk-E6R2VPCC.js";
import "../chunks/chunk-RQB7ZENY.js";
import "../chunks/chunk-AWCHZ6SK.js";
import "../chunks/chunk-DFUR2YEO.js";
import "../chunks/chunk-M65JNBWF.js";
import "../chunks/chunk-PPKR4CHL.js";
import "../chunks/chunk-CET7KO5S.js";
import "../chunks/chunk-QOWBSAJO.js";
import {
  actionIo,
  boolInput,
  listInput,
  runAction,
  withGitPushToken
} from "../chunks/chunk-IUVAUNZX.js";
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
