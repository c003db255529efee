import { createRequire as __mgCreateRequire } from 'node:module'; const require = __mgCreateRequire(import.meta.url);
import {
  runPublish
} from "../chunks/chunk-HLPH2O65.js";
import "../chunks/chunk-R4PE7EEP.js";
import "../chunks/chunk-DRYOQIUE.js";
import "../chunks/chunk-5M3UW3DG.js";
import "../chunks/chunk-67UMYW3F.js";
import "../chunks/chunk-62A6M6IN.js";
import "../chunks/chunk-IUP2DSUK.js";
import {
  describeModelPlan
} from "../chunks/chunk-G2XRSD3G.js";
import "../chunks/chunk-WJJMQE6X.js";
import "../chunks/chunk-DC6647BF.js";
import "../chunks/chunk-SYM4DFNS.js";
import "../chunks/chunk-FMOUYUH7.js";
import "../chunks/chunk-BP4MVNND.js";
import "../chunks/chunk-R6W4MBTG.js";
import "../chunks/chunk-4BLITTKA.js";
import "../chunks/chunk-QWMNQFYR.js";
import "../chunks/chunk-XHC4GILO.js";
import "../chunks/chunk-GMOKSZ4Z.js";
import "../chunks/chunk-TYVK2T2V.js";
import "../chunks/chunk-U73FS3GH.js";
import "../chunks/chunk-JX4EOLQT.js";
import "../chunks/chunk-EY3FCMZG.js";
import "../chunks/chunk-IVEDCC66.js";
import "../chunks/chunk-T2GPW5PN.js";
import "../chunks/chunk-EJRXWDVW.js";
import "../chunks/chunk-CCZROEOA.js";
import "../chunks/chunk-7NLYG22G.js";
import "../chunks/chunk-SJAFTIB5.js";
import "../chunks/chunk-3BUM2VMV.js";
import "../chunks/chunk-SBVPUDIR.js";
import "../chunks/chunk-F6VP7AG5.js";
import "../chunks/chunk-HDBNR63C.js";
import "../chunks/chunk-LQGYYSB2.js";
import "../chunks/chunk-DFUR2YEO.js";
import "../chunks/chunk-TPAAJY4C.js";
import "../chunks/chunk-YK35P24K.js";
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
  error,
  getInput,
  group,
  notice,
  setOutput,
  setSecret,
  warning
} from "../chunks/chunk-HKORXWJV.js";
import "../chunks/chunk-4AOTTLI5.js";
import {
  CheckFailed
} from "../chunks/chunk-VPZGVLTG.js";
import "../chunks/chunk-CCN2QAD7.js";

// src/actions/publish.ts
import { resolve } from "node:path";
await runAction("publish", async () => {
  const io = actionIo();
  const token = getInput("token");
  if (token) setSecret(token);
  const password = getInput("registry-password");
  if (password) setSecret(password);
  const signingKey = getInput("signing-key");
  for (const line of signingKey.split("\n")) if (line.trim()) setSecret(line.trim());
  io.env = {
    ...io.env,
    ...signingKey ? { MODELGATE_SIGNING_KEY: signingKey } : {},
    ...token ? { GITHUB_TOKEN: token } : {},
    ...password ? {
      MODELGATE_REGISTRY_USERNAME: getInput("registry-username") || io.env.GITHUB_ACTOR || "modelgate",
      MODELGATE_REGISTRY_PASSWORD: password
    } : {}
  };
  const pushToken = getInput("push-token") || token || io.env.GITHUB_TOKEN;
  io.env = await withGitPushToken(io.cwd, pushToken, io.env);
  const wd = getInput("working-directory");
  if (wd) io.cwd = resolve(io.cwd, wd);
  const opt = (name) => getInput(name) || void 0;
  const pr = opt("pr");
  const r = await group(
    "modelgate publish",
    () => runPublish(openWorkspace(io), {
      models: listInput("models"),
      pr: pr ? Number(pr) : void 0,
      records: opt("records"),
      artifacts: opt("artifacts"),
      registry: opt("registry"),
      dryRun: boolInput("dry-run", false)
    })
  );
  for (const w of r.warnings) warning(w);
  for (const x of r.refusals) error(x.message);
  for (const [i, m] of r.models.entries()) {
    if (r.dryRun && m.alreadyPublished) {
      io.out(`${m.name} ${m.version}: already published (${m.tags.join(", ")}) (dry run)
`);
      continue;
    }
    if (r.dryRun) {
      io.out(`${m.name} ${m.version}: every check passed; would publish to ${m.environment} (dry run)
`);
      if (r.plan) for (const line of describeModelPlan(r.plan, r.plan.models[i])) io.out(`  ${line}
`);
      continue;
    }
    io.out(
      m.alreadyPublished ? `${m.name} ${m.version}: already published (${m.tags.join(", ")})${m.finished ? `; attached what an earlier run left out: ${m.finished.join(", ")}` : ""}
` : `published ${m.name} ${m.version} to ${m.environment}: ${m.image.reference} (commit ${m.commit}, ${m.tags.join(", ")})
`
    );
    if (m.versionTagCommand) notice(`to release ${m.name} ${m.version}: ${m.versionTagCommand}`);
  }
  setOutput("published", JSON.stringify(r.models));
  setOutput("images", JSON.stringify(Object.fromEntries(r.models.map((m) => [m.name, m.image.reference]))));
  setOutput(
    "commit",
    r.models.map((m) => m.commit).filter(Boolean).at(-1) ?? ""
  );
  setOutput("refused", r.refusals.length > 0 ? "true" : "false");
  const pending = JSON.stringify(
    r.models.flatMap((m) => m.attestations?.by === "workflow" ? m.attestations.statements : [])
  );
  setOutput("attestations", pending);
  if (r.refusals.length > 0) {
    throw new CheckFailed(
      `refused (${r.refusals.length} problem${r.refusals.length === 1 ? "" : "s"}); nothing was built, pushed or committed`
    );
  }
  return 0;
});
