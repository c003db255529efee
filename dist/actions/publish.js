import { createRequire as __mgCreateRequire } from 'node:module'; const require = __mgCreateRequire(import.meta.url);
import {
  runPublish
} from "../chunks/chunk-OOT7FNCR.js";
import {
  jobWorkflowRefInput
} from "../chunks/chunk-RIGVJROK.js";
import "../chunks/chunk-SO4MGXMB.js";
import "../chunks/chunk-IAAAA5OQ.js";
import "../chunks/chunk-R3TW6X6V.js";
import "../chunks/chunk-6ZPD2526.js";
import "../chunks/chunk-YOVF47IZ.js";
import "../chunks/chunk-RIE246NL.js";
import "../chunks/chunk-GLGUTLI5.js";
import "../chunks/chunk-IUP2DSUK.js";
import {
  describeModelPlan
} from "../chunks/chunk-YPELLATJ.js";
import "../chunks/chunk-I7OPH6LF.js";
import "../chunks/chunk-PBKVHRC3.js";
import "../chunks/chunk-MNVFN7U6.js";
import "../chunks/chunk-DZUNL7B6.js";
import "../chunks/chunk-A7JWPJBF.js";
import "../chunks/chunk-CET7KO5S.js";
import "../chunks/chunk-N3AID6DX.js";
import "../chunks/chunk-AUVY43KH.js";
import "../chunks/chunk-YOBALZSW.js";
import "../chunks/chunk-QT2EU3SI.js";
import "../chunks/chunk-OL25SVDW.js";
import "../chunks/chunk-QY6YSSUQ.js";
import "../chunks/chunk-3XFCJ3SQ.js";
import "../chunks/chunk-62RWLHT6.js";
import "../chunks/chunk-FDJDL6UK.js";
import "../chunks/chunk-NBE4FVDL.js";
import "../chunks/chunk-VWVBXSYG.js";
import "../chunks/chunk-YN67MKMD.js";
import "../chunks/chunk-DNC5GW5B.js";
import "../chunks/chunk-4BLITTKA.js";
import "../chunks/chunk-NKXRGQC5.js";
import "../chunks/chunk-BJUODENM.js";
import "../chunks/chunk-6LQ44VET.js";
import "../chunks/chunk-NP3OSGPT.js";
import "../chunks/chunk-ES2OW2N4.js";
import "../chunks/chunk-XKBXOX3L.js";
import "../chunks/chunk-TYVK2T2V.js";
import "../chunks/chunk-U73FS3GH.js";
import "../chunks/chunk-FKCR242C.js";
import "../chunks/chunk-LH4MYGKA.js";
import "../chunks/chunk-Q6QXFFZK.js";
import "../chunks/chunk-3RH2EWC2.js";
import "../chunks/chunk-7B77QO44.js";
import "../chunks/chunk-OOQO5JDE.js";
import "../chunks/chunk-Y72I2OFL.js";
import "../chunks/chunk-SKWY5OI3.js";
import "../chunks/chunk-6UXFBPQ7.js";
import "../chunks/chunk-X6OXJVG3.js";
import "../chunks/chunk-7QV4TYNM.js";
import "../chunks/chunk-64266JRY.js";
import "../chunks/chunk-3BUM2VMV.js";
import "../chunks/chunk-WZ3ZO6K4.js";
import "../chunks/chunk-VK5GUTCG.js";
import "../chunks/chunk-ULLVEJ36.js";
import "../chunks/chunk-FESBZRCF.js";
import "../chunks/chunk-ZYONVBQU.js";
import "../chunks/chunk-UBMSCOQN.js";
import "../chunks/chunk-OYQDDGAU.js";
import "../chunks/chunk-2ZLDIS45.js";
import "../chunks/chunk-U6HQLEKJ.js";
import "../chunks/chunk-YK35P24K.js";
import "../chunks/chunk-4JQXYHBV.js";
import "../chunks/chunk-OZK2C7TC.js";
import "../chunks/chunk-EW3JDDCC.js";
import "../chunks/chunk-FEFSD2JC.js";
import "../chunks/chunk-EJRXWDVW.js";
import "../chunks/chunk-RQB7ZENY.js";
import {
  openWorkspace
} from "../chunks/chunk-TNV3NBNK.js";
import "../chunks/chunk-DQHGHTZX.js";
import "../chunks/chunk-2E6TZQRV.js";
import "../chunks/chunk-LYRQXBMV.js";
import "../chunks/chunk-YR32LSL5.js";
import "../chunks/chunk-KMZ2SU7I.js";
import "../chunks/chunk-XPVOVGWT.js";
import "../chunks/chunk-UPGHJSZ6.js";
import "../chunks/chunk-S43IQFRZ.js";
import "../chunks/chunk-YZUBQ7DK.js";
import "../chunks/chunk-DFUR2YEO.js";
import "../chunks/chunk-AVCTVMN2.js";
import "../chunks/chunk-NI36P5E6.js";
import "../chunks/chunk-A6WGSW5D.js";
import {
  actionIo,
  boolInput,
  listInput,
  runAction,
  withGitPushToken
} from "../chunks/chunk-GQCH3TPH.js";
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
