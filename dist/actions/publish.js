import { createRequire as __mgCreateRequire } from 'node:module'; const require = __mgCreateRequire(import.meta.url);
import {
  describeModelPlan,
  runPublish
} from "../chunks/chunk-OZAJ3WAU.js";
import "../chunks/chunk-2QDJK4LF.js";
import "../chunks/chunk-OVWRLB4R.js";
import "../chunks/chunk-APDG3SIG.js";
import "../chunks/chunk-JOETGJTL.js";
import "../chunks/chunk-FFIGZS3X.js";
import "../chunks/chunk-HCSGHCIG.js";
import "../chunks/chunk-BAGWTHH3.js";
import "../chunks/chunk-BJFHTU3R.js";
import "../chunks/chunk-GBOQY7F6.js";
import "../chunks/chunk-REJUCCMN.js";
import "../chunks/chunk-2BJAIYUF.js";
import "../chunks/chunk-LACVL6DC.js";
import "../chunks/chunk-Y72I2OFL.js";
import "../chunks/chunk-PWA2NHWD.js";
import "../chunks/chunk-2GAGZ6MB.js";
import "../chunks/chunk-FOR727U7.js";
import "../chunks/chunk-YCDLQBSB.js";
import "../chunks/chunk-LHB2DN4U.js";
import "../chunks/chunk-VRZ2CJVB.js";
import "../chunks/chunk-7CYA4NHE.js";
import "../chunks/chunk-AZ7PF7DE.js";
import "../chunks/chunk-U73FS3GH.js";
import "../chunks/chunk-YA4536HC.js";
import "../chunks/chunk-3BUM2VMV.js";
import "../chunks/chunk-DFUR2YEO.js";
import {
  openWorkspace
} from "../chunks/chunk-A2AAEGHE.js";
import "../chunks/chunk-7X65H3OX.js";
import "../chunks/chunk-RQB7ZENY.js";
import "../chunks/chunk-K2PEDVU3.js";
import "../chunks/chunk-E5SOOXKQ.js";
import "../chunks/chunk-QOWBSAJO.js";
import {
  actionIo,
  boolInput,
  listInput,
  runAction,
  withGitPushToken
} from "../chunks/chunk-5J2J5X2B.js";
import {
  error,
  getInput,
  group,
  notice,
  setOutput,
  setSecret,
  warning
} from "../chunks/chunk-4MS45GGA.js";
import "../chunks/chunk-4AOTTLI5.js";
import {
  CheckFailed
} from "../chunks/chunk-H5EPG2ZH.js";
import "../chunks/chunk-ZGDBGMMU.js";

// src/actions/publish.ts
import { resolve } from "node:path";
await runAction("publish", async () => {
  const io = actionIo();
  const token = getInput("token");
  if (token) setSecret(token);
  const password = getInput("registry-password");
  if (password) setSecret(password);
  io.env = {
    ...io.env,
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
    if (r.dryRun) {
      io.out(`${m.name} ${m.version}: every check passed; would publish to ${m.environment} (dry run)
`);
      if (r.plan) for (const line of describeModelPlan(r.plan, r.plan.models[i])) io.out(`  ${line}
`);
      continue;
    }
    io.out(
      m.alreadyPublished ? `${m.name} ${m.version}: already published (${m.tags.join(", ")})
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
  if (r.refusals.length > 0) {
    throw new CheckFailed(
      `refused (${r.refusals.length} problem${r.refusals.length === 1 ? "" : "s"}); nothing was built, pushed or committed`
    );
  }
  return 0;
});
