import { createRequire as __mgCreateRequire } from 'node:module'; const require = __mgCreateRequire(import.meta.url);
import {
  publish
} from "../chunks/chunk-H7PEPKFI.js";
import "../chunks/chunk-BWLPWRXU.js";
import "../chunks/chunk-4LUOGSUL.js";
import "../chunks/chunk-4LXO5ZR3.js";
import "../chunks/chunk-IUBWPBI5.js";
import "../chunks/chunk-HHQQWPH4.js";
import "../chunks/chunk-ECKY5JUV.js";
import "../chunks/chunk-EKUXUDFH.js";
import "../chunks/chunk-XIVYAOOT.js";
import "../chunks/chunk-2BJAIYUF.js";
import "../chunks/chunk-E3IMRBGU.js";
import "../chunks/chunk-GJCN4XM6.js";
import "../chunks/chunk-UJGMECAW.js";
import "../chunks/chunk-K2AJR3YN.js";
import "../chunks/chunk-AJ5XNGRM.js";
import "../chunks/chunk-DFUR2YEO.js";
import "../chunks/chunk-APYTJLRR.js";
import "../chunks/chunk-4C7CTABB.js";
import "../chunks/chunk-SNVQYJ2T.js";
import "../chunks/chunk-AJFWQFH3.js";
import "../chunks/chunk-U73FS3GH.js";
import "../chunks/chunk-BQKVR4UH.js";
import "../chunks/chunk-3BUM2VMV.js";
import "../chunks/chunk-NJ3H4BEK.js";
import "../chunks/chunk-ZY5OX6SA.js";
import "../chunks/chunk-QOWBSAJO.js";
import "../chunks/chunk-7Q46JTV7.js";
import "../chunks/chunk-RQB7ZENY.js";
import "../chunks/chunk-WARMS5WM.js";
import {
  actionIo,
  boolInput,
  listInput,
  runAction,
  withGitPushToken
} from "../chunks/chunk-OPQOOSZP.js";
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
} from "../chunks/chunk-7SHYJVU3.js";
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
    () => publish({
      cwd: io.cwd,
      env: io.env,
      io,
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
  for (const m of r.models) {
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
