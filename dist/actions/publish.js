import { createRequire } from 'node:module';
import { r as runPublish } from '../chunks/chunk-OOT7FNCR-CujEaJxh.js';
import { j as jobWorkflowRefInput } from '../chunks/chunk-RIGVJROK-CZNhKMB8.js';
import '../chunks/chunk-SO4MGXMB-By5UfFI0.js';
import '../chunks/hot-validate-BotGmJiZ.js';
import '../chunks/chunk-RIE246NL-RULym_U9.js';
import '../chunks/chunk-GLGUTLI5-DiESTY-Q.js';
import '../chunks/chunk-IUP2DSUK-Cnf0o6t-.js';
import { d as describeModelPlan } from '../chunks/chunk-YPELLATJ-Dnpw5hvp.js';
import '../chunks/chunk-I7OPH6LF-D3fiCs1Z.js';
import '../chunks/chunk-PBKVHRC3-Te55JyAH.js';
import '../chunks/chunk-MNVFN7U6-DT3rC-eP.js';
import '../chunks/hot-verify-CywceBXG.js';
import '../chunks/chunk-CET7KO5S-B0wtDBS3.js';
import '../chunks/chunk-N3AID6DX-C81fbBFW.js';
import '../chunks/chunk-AUVY43KH-DIc4UR6R.js';
import '../chunks/chunk-YOBALZSW-B141agpR.js';
import '../chunks/chunk-QY6YSSUQ-B3WDzU6b.js';
import '../chunks/chunk-3XFCJ3SQ-BJ3ijToW.js';
import '../chunks/chunk-62RWLHT6-DusoIaw8.js';
import '../chunks/hot-audit-verify-B6ZY6wfh.js';
import '../chunks/chunk-NKXRGQC5-CnN5N70n.js';
import '../chunks/chunk-BJUODENM-CWEUHgBY.js';
import '../chunks/hot-validate-verify-C8t4jxm2.js';
import '../chunks/chunk-7QV4TYNM-BhNYIKJJ.js';
import { C as CheckFailed } from '../chunks/hot-help-validate-audit-verify-aYLtKKnG.js';
import '../chunks/chunk-WZ3ZO6K4-ClUrUnD0.js';
import '../chunks/chunk-VK5GUTCG-C39Wpqca.js';
import '../chunks/chunk-ULLVEJ36-C0OQyKwM.js';
import '../chunks/chunk-FESBZRCF-BhXUL2Tj.js';
import '../chunks/chunk-ZYONVBQU-NXJe4ZDp.js';
import '../chunks/chunk-UBMSCOQN-B25TI_51.js';
import '../chunks/chunk-OYQDDGAU-qTn3dWg1.js';
import '../chunks/chunk-2ZLDIS45-DjMMIWeg.js';
import '../chunks/chunk-U6HQLEKJ-CmF0blYP.js';
import '../chunks/chunk-YK35P24K-BysRypHz.js';
import '../chunks/hot-validate-audit-verify-C-_o6MJ0.js';
import { o as openWorkspace } from '../chunks/chunk-TNV3NBNK-BYNCmJpd.js';
import '../chunks/chunk-DQHGHTZX-pBLXiB2o.js';
import '../chunks/chunk-2E6TZQRV-DPA5_5vV.js';
import '../chunks/chunk-LYRQXBMV-BXHYPiyi.js';
import '../chunks/chunk-S43IQFRZ-B-SSS4At.js';
import '../chunks/chunk-YZUBQ7DK-DHQLuxFL.js';
import '../chunks/chunk-DFUR2YEO-CrRpRbga.js';
import { r as runAction, a as actionIo, w as withGitPushToken, b as boolInput, l as listInput } from '../chunks/chunk-GQCH3TPH-3Al4y03f.js';
import { g as getInput, s as setSecret, a as group, w as warning, e as error, n as notice, b as setOutput } from '../chunks/chunk-U2N6PYQM-CxW-GqxT.js';
import { resolve } from 'node:path';
import 'node:fs';
import 'node:fs/promises';
import 'node:worker_threads';
import 'node:crypto';
import 'node:timers/promises';
import 'node:v8';
import 'node:util';
import 'http';
import 'https';
import 'net';
import 'tls';
import 'events';
import 'url';
import 'assert';
import 'dns';
import 'node:os';
import 'node:child_process';
import 'node:url';
import 'node:zlib';
import 'node:stream';
import 'node:http';
import 'node:https';
import 'node:stream/promises';
import 'os';
import 'crypto';
import 'fs';

const require$1 = createRequire(import.meta.url);
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
