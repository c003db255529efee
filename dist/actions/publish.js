import { createRequire } from 'node:module';
import { r as runPublish } from '../chunks/chunk-TUZI4YY7-vvZ-QlEE.js';
import { j as jobWorkflowRefInput } from '../chunks/chunk-RIGVJROK-CBcazM_H.js';
import '../chunks/chunk-MU3JUADA-7VI_UIJ_.js';
import '../chunks/hot-validate-Cbhe7qur.js';
import '../chunks/hot-validate-plan-DjS3M9MR.js';
import '../chunks/chunk-RIE246NL-BCGPlkPR.js';
import '../chunks/chunk-GLGUTLI5-Jm6A3CVq.js';
import '../chunks/chunk-IUP2DSUK-kBqg7nXA.js';
import { d as describeModelPlan } from '../chunks/chunk-YPELLATJ-DmrUE5hP.js';
import '../chunks/chunk-I7OPH6LF-DZAU6hue.js';
import '../chunks/chunk-PBKVHRC3-wi_CBaMH.js';
import '../chunks/chunk-MNVFN7U6-VUjvR0Gk.js';
import '../chunks/hot-verify-CS61MYk-.js';
import '../chunks/chunk-CET7KO5S-Y6oG9QoX.js';
import '../chunks/chunk-N3AID6DX-dQPS-OfG.js';
import '../chunks/chunk-AUVY43KH-ByPVU_Dd.js';
import '../chunks/chunk-YOBALZSW-B141agpR.js';
import '../chunks/chunk-QY6YSSUQ-DOW5Hrlb.js';
import '../chunks/chunk-3XFCJ3SQ-CY1KQCXb.js';
import '../chunks/chunk-62RWLHT6-DusoIaw8.js';
import '../chunks/hot-audit-verify-DZYJh8zf.js';
import '../chunks/chunk-NKXRGQC5-h4gDLlTY.js';
import '../chunks/chunk-BJUODENM-D7tbkoXJ.js';
import '../chunks/hot-validate-verify-COnm42W2.js';
import '../chunks/chunk-7QV4TYNM-KsfEaxRL.js';
import { C as CheckFailed } from '../chunks/hot-help-validate-plan-audit-verify-CiDATK95.js';
import '../chunks/chunk-WZ3ZO6K4-80CqoYQx.js';
import '../chunks/chunk-VK5GUTCG-BuY9l5Ac.js';
import '../chunks/chunk-ULLVEJ36-CqSbsUH_.js';
import '../chunks/chunk-FESBZRCF-DVFrC6lj.js';
import '../chunks/chunk-ZYONVBQU-s7z3Z2Hp.js';
import '../chunks/chunk-UBMSCOQN-DvpQ3ehE.js';
import '../chunks/chunk-OYQDDGAU-Dpe-Jqkv.js';
import '../chunks/chunk-2ZLDIS45-ZCAU1cz0.js';
import '../chunks/chunk-U6HQLEKJ-DFuKjzG7.js';
import '../chunks/chunk-YK35P24K-BysRypHz.js';
import '../chunks/hot-validate-plan-audit-verify-DglurztO.js';
import { o as openWorkspace } from '../chunks/hot-plan-YWGJn6IT.js';
import '../chunks/hot-validate-plan-verify-C9JqfCVv.js';
import '../chunks/chunk-DFUR2YEO-CrRpRbga.js';
import { r as runAction, a as actionIo, w as withGitPushToken, b as boolInput, l as listInput } from '../chunks/chunk-GQCH3TPH-DiKVRF7d.js';
import { g as getInput, s as setSecret, a as group, w as warning, e as error, n as notice, b as setOutput } from '../chunks/chunk-U2N6PYQM-Bne4_qtb.js';
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
