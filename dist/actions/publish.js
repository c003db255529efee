import { createRequire as __mgCreateRequire } from 'node:module'; const require = __mgCreateRequire(import.meta.url);
import {
  runPublish
} from "../chunks/chunk-Y5NXCGNT.js";
import "../chunks/chunk-YRSBR4J7.js";
import "../chunks/chunk-XPVMSGGA.js";
import "../chunks/chunk-J5R6MKES.js";
import "../chunks/chunk-ZL6AFQ57.js";
import "../chunks/chunk-UW6YERHM.js";
import "../chunks/chunk-IUP2DSUK.js";
import {
  describeModelPlan
} from "../chunks/chunk-BPQ5TPVN.js";
import "../chunks/chunk-RMKWO74F.js";
import "../chunks/chunk-MJDZF2F3.js";
import "../chunks/chunk-2BJPAHIH.js";
import "../chunks/chunk-QVTZ3WRW.js";
import "../chunks/chunk-W25P7FJR.js";
import "../chunks/chunk-4BLITTKA.js";
import "../chunks/chunk-QWMNQFYR.js";
import "../chunks/chunk-KFQZAHPT.js";
import "../chunks/chunk-GMOKSZ4Z.js";
import "../chunks/chunk-TYVK2T2V.js";
import "../chunks/chunk-U73FS3GH.js";
import "../chunks/chunk-3ZPMFXZI.js";
import "../chunks/chunk-7XCPHYBP.js";
import "../chunks/chunk-IVEDCC66.js";
import "../chunks/chunk-JKXZ7UUB.js";
import "../chunks/chunk-CCZROEOA.js";
import "../chunks/chunk-7NLYG22G.js";
import "../chunks/chunk-C2SNXGYQ.js";
import "../chunks/chunk-3BUM2VMV.js";
import "../chunks/chunk-UY5LU3DN.js";
import "../chunks/chunk-BKX22EMA.js";
import "../chunks/chunk-62H4D3IN.js";
import "../chunks/chunk-REA6EMCE.js";
import "../chunks/chunk-6NYQBZND.js";
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
