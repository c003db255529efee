import { createRequire as __mgCreateRequire } from 'node:module'; const require = __mgCreateRequire(import.meta.url);
import {
  runPublish
} from "../chunks/chunk-34LJU5PX.js";
import {
  jobWorkflowRefInput
} from "../chunks/chunk-FWF7C7O4.js";
import "../chunks/chunk-VOCCFWNF.js";
import "../chunks/chunk-SMTGOSIS.js";
import "../chunks/chunk-LH3RWBRL.js";
import "../chunks/chunk-OYVZTX65.js";
import "../chunks/chunk-HX2GDDJL.js";
import "../chunks/chunk-NAVHUC6L.js";
import "../chunks/chunk-IUP2DSUK.js";
import {
  describeModelPlan
} from "../chunks/chunk-7R7HQWQJ.js";
import "../chunks/chunk-2OWILWUJ.js";
import "../chunks/chunk-2HXN46L7.js";
import "../chunks/chunk-4BLITTKA.js";
import "../chunks/chunk-FTB6E32E.js";
import "../chunks/chunk-TVF3X2IB.js";
import "../chunks/chunk-X65YSUAR.js";
import "../chunks/chunk-O27KKOZS.js";
import "../chunks/chunk-TYVK2T2V.js";
import "../chunks/chunk-U73FS3GH.js";
import "../chunks/chunk-56DURYJZ.js";
import "../chunks/chunk-MJAFSI56.js";
import "../chunks/chunk-BPUDVWNX.js";
import "../chunks/chunk-KQNK6T7H.js";
import "../chunks/chunk-ITYQG6NC.js";
import "../chunks/chunk-QLBLFMMI.js";
import "../chunks/chunk-LXOC5J5Z.js";
import "../chunks/chunk-7NLYG22G.js";
import "../chunks/chunk-G3WJWGWY.js";
import "../chunks/chunk-3BUM2VMV.js";
import "../chunks/chunk-AJJZ6G7T.js";
import "../chunks/chunk-NJKDUHI7.js";
import "../chunks/chunk-7Q6ZZL3W.js";
import "../chunks/chunk-N2OGNGPG.js";
import "../chunks/chunk-Q4S76GKL.js";
import "../chunks/chunk-SGVNIGME.js";
import "../chunks/chunk-44HAN3UA.js";
import "../chunks/chunk-EJRXWDVW.js";
import "../chunks/chunk-RYALGRLQ.js";
import {
  openWorkspace
} from "../chunks/chunk-2MYDR3ZF.js";
import "../chunks/chunk-6VQLFMRB.js";
import "../chunks/chunk-RQB7ZENY.js";
import "../chunks/chunk-KMWO5SHS.js";
import "../chunks/chunk-DFUR2YEO.js";
import "../chunks/chunk-PPKR4CHL.js";
import "../chunks/chunk-CET7KO5S.js";
import "../chunks/chunk-QOWBSAJO.js";
import {
  actionIo,
  boolInput,
  listInput,
  runAction,
  withGitPushToken
} from "../chunks/chunk-A5QBJPMI.js";
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
