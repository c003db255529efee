import { createRequire as __mgCreateRequire } from 'node:module'; const require = __mgCreateRequire(import.meta.url);
import {
  runPublish
} from "../chunks/chunk-3XP3KEPO.js";
import {
  jobWorkflowRefInput
} from "../chunks/chunk-J3FTEBWZ.js";
import "../chunks/chunk-PYGMX55J.js";
import "../chunks/chunk-DIZ4NO5M.js";
import "../chunks/chunk-XDRG4FRO.js";
import "../chunks/chunk-IR3YDXTI.js";
import "../chunks/chunk-C4PBAWKT.js";
import "../chunks/chunk-Y2YE34LC.js";
import "../chunks/chunk-YYXK4NTP.js";
import "../chunks/chunk-IUP2DSUK.js";
import {
  describeModelPlan
} from "../chunks/chunk-FNRMQYK7.js";
import "../chunks/chunk-MNVFN7U6.js";
import "../chunks/chunk-WOF3IQCS.js";
import "../chunks/chunk-62RWLHT6.js";
import "../chunks/chunk-7QKISHHN.js";
import "../chunks/chunk-7FTSAGIK.js";
import "../chunks/chunk-YN67MKMD.js";
import "../chunks/chunk-ZQ4SM2OV.js";
import "../chunks/chunk-4BLITTKA.js";
import "../chunks/chunk-GY2XQEAC.js";
import "../chunks/chunk-QR72UADD.js";
import "../chunks/chunk-YOBALZSW.js";
import "../chunks/chunk-R6G3I7Z7.js";
import "../chunks/chunk-YVLSR3UK.js";
import "../chunks/chunk-2JVQ4VQM.js";
import "../chunks/chunk-TYVK2T2V.js";
import "../chunks/chunk-U73FS3GH.js";
import "../chunks/chunk-OZI6Z5D5.js";
import "../chunks/chunk-GPSPFIWQ.js";
import "../chunks/chunk-KVULNKJF.js";
import "../chunks/chunk-BZHRDQJ4.js";
import "../chunks/chunk-MUODEOOA.js";
import "../chunks/chunk-HESXV63B.js";
import "../chunks/chunk-FR5A5X55.js";
import "../chunks/chunk-M57FEL6J.js";
import "../chunks/chunk-7P2SE45X.js";
import "../chunks/chunk-IVKPBSHK.js";
import "../chunks/chunk-A5TF4TZO.js";
import "../chunks/chunk-3BUM2VMV.js";
import "../chunks/chunk-N6X7JKO4.js";
import "../chunks/chunk-T6X57OIM.js";
import "../chunks/chunk-7Q6ZZL3W.js";
import "../chunks/chunk-HGWO5C6P.js";
import "../chunks/chunk-S5LUUO47.js";
import "../chunks/chunk-WQ3D7RZK.js";
import "../chunks/chunk-2ICSJCXP.js";
import "../chunks/chunk-YK35P24K.js";
import "../chunks/chunk-2Z7WG6JL.js";
import "../chunks/chunk-EJRXWDVW.js";
import "../chunks/chunk-MMEZHR7H.js";
import {
  openWorkspace
} from "../chunks/chunk-NKVCR2XI.js";
import "../chunks/chunk-PWBTDJDD.js";
import "../chunks/chunk-RQB7ZENY.js";
import "../chunks/chunk-DFUR2YEO.js";
import "../chunks/chunk-3OH66N6E.js";
import "../chunks/chunk-YZUBQ7DK.js";
import "../chunks/chunk-7B4MNCDY.js";
import "../chunks/chunk-S43IQFRZ.js";
import "../chunks/chunk-7WINE2HQ.js";
import "../chunks/chunk-CET7KO5S.js";
import "../chunks/chunk-QOWBSAJO.js";
import {
  actionIo,
  boolInput,
  listInput,
  runAction,
  withGitPushToken
} from "../chunks/chunk-DSFMI5QO.js";
import {
  error,
  getInput,
  group,
  notice,
  setOutput,
  setSecret,
  warning
} from "../chunks/chunk-U2N6PYQM.js";
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
    ...await jobWorkflowRefInput(getInput("job-workflow-ref"), io.env),
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
