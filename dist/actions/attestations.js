import { createRequire as __mgCreateRequire } from 'node:module'; const require = __mgCreateRequire(import.meta.url);
import {
  storeBundles
} from "../chunks/chunk-PPKTRQXM.js";
import "../chunks/chunk-KC6OKVQL.js";
import "../chunks/chunk-RR6CQ4J6.js";
import "../chunks/chunk-UZEYWJGC.js";
import "../chunks/chunk-I2V4NKJJ.js";
import "../chunks/chunk-53PO5GUV.js";
import "../chunks/chunk-LQAMW4BB.js";
import "../chunks/chunk-GMOKSZ4Z.js";
import "../chunks/chunk-TYVK2T2V.js";
import "../chunks/chunk-U73FS3GH.js";
import "../chunks/chunk-JX4EOLQT.js";
import "../chunks/chunk-ZS5MTSOT.js";
import "../chunks/chunk-ANF6VAT7.js";
import "../chunks/chunk-DFUR2YEO.js";
import "../chunks/chunk-M24SKQPK.js";
import "../chunks/chunk-LXP7FMWT.js";
import {
  openWorkspace
} from "../chunks/chunk-TZI6PADE.js";
import "../chunks/chunk-GJ4MOHBX.js";
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
} from "../chunks/chunk-22VGKBYJ.js";
import {
  getInput,
  group,
  setOutput,
  setSecret
} from "../chunks/chunk-HKORXWJV.js";
import "../chunks/chunk-4AOTTLI5.js";
import "../chunks/chunk-H5EPG2ZH.js";
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
