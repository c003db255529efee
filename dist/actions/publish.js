import { createRequire as __mgCreateRequire } from 'node:module'; const require = __mgCreateRequire(import.meta.url);
import {
  runPublish
} from "../chunks/chunk-3T2ZK5CY.js";
import {
  jobWorkflowRefInput
} from "../chunks/chunk-F3DCWD3O.js";
import "../chunks/chunk-F2UEE7X2.js";
import "../chunks/chunk-4BMDRUGO.js";
import "../chunks/chunk-7W43K7FQ.js";
import "../chunks/chunk-AKYZEPGS.js";
import "../chunks/chunk-4WQNBY3X.js";
import "../chunks/chunk-FDR4IDFB.js";
import "../chunks/chunk-YYXK4NTP.js";
import "../chunks/chunk-IUP2DSUK.js";
import {
  describeModelPlan
} from "../chunks/chunk-LZAAZF7X.js";
import "../chunks/chunk-MNVFN7U6.js";
import "../chunks/chunk-CET7KO5S.js";
import "../chunks/chunk-CJ57OHVI.js";
import "../chunks/chunk-62RWLHT6.js";
import "../chunks/chunk-66TRT6UF.js";
import "../chunks/chunk-HUL4MPMY.js";
import "../chunks/chunk-YN67MKMD.js";
import "../chunks/chunk-Z5SC7QS6.js";
import "../chunks/chunk-4BLITTKA.js";
import "../chunks/chunk-PEFSGJFO.js";
import "../chunks/chunk-QR72UADD.js";
import "../chunks/chunk-YOBALZSW.js";
import "../chunks/chunk-R6G3I7Z7.js";
import "../chunks/chunk-CNXNFV7N.js";
import "../chunks/chunk-6E32F27Q.js";
import "../chunks/chunk-TYVK2T2V.js";
import "../chunks/chunk-U73FS3GH.js";
import "../chunks/chunk-CGGEW7VW.js";
import "../chunks/chunk-YI3RFVVZ.js";
import "../chunks/chunk-AFJTW5JC.js";
import "../chunks/chunk-4USZLPHI.js";
import "../chunks/chunk-JPD5CG23.js";
import "../chunks/chunk-CG5OMBRI.js";
import "../chunks/chunk-M57FEL6J.js";
import "../chunks/chunk-WQU6PLY4.js";
import "../chunks/chunk-HESXV63B.js";
import "../chunks/chunk-ILZOLU62.js";
import "../chunks/chunk-BQ3X32ZS.js";
import "../chunks/chunk-IVKPBSHK.js";
import "../chunks/chunk-62NAQUBS.js";
import "../chunks/chunk-3BUM2VMV.js";
import "../chunks/chunk-JGRX2A7N.js";
import "../chunks/chunk-IL2KXDOB.js";
import "../chunks/chunk-ULLVEJ36.js";
import "../chunks/chunk-JEOHWBFY.js";
import "../chunks/chunk-LUO2V2UB.js";
import "../chunks/chunk-WQ3D7RZK.js";
import "../chunks/chunk-HGXR76P3.js";
import "../chunks/chunk-YK35P24K.js";
import "../chunks/chunk-2Z7WG6JL.js";
import "../chunks/chunk-MMEZHR7H.js";
import "../chunks/chunk-EJRXWDVW.js";
import {
  openWorkspace
} from "../chunks/chunk-5X42ASO2.js";
import "../chunks/chunk-TFTFQJOP.js";
import "../chunks/chunk-RQB7ZENY.js";
import "../chunks/chunk-DFUR2YEO.js";
import "../chunks/chunk-RWWTBGNL.js";
import "../chunks/chunk-YZUBQ7DK.js";
import "../chunks/chunk-XHJYYTBS.js";
import "../chunks/chunk-S43IQFRZ.js";
import "../chunks/chunk-BW3OKQ3E.js";
import "../chunks/chunk-QOWBSAJO.js";
import {
  actionIo,
  boolInput,
  listInput,
  runAction,
  withGitPushToken
} from "../chunks/chunk-4GRI4MF2.js";
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
