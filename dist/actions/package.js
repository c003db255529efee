import { createRequire as __mgCreateRequire } from 'node:module'; const require = __mgCreateRequire(import.meta.url);
import {
  runPackage
} from "../chunks/chunk-K2AJR3YN.js";
import "../chunks/chunk-AJ5XNGRM.js";
import "../chunks/chunk-DFUR2YEO.js";
import "../chunks/chunk-APYTJLRR.js";
import "../chunks/chunk-4C7CTABB.js";
import "../chunks/chunk-SNVQYJ2T.js";
import "../chunks/chunk-AJFWQFH3.js";
import "../chunks/chunk-NJ3H4BEK.js";
import "../chunks/chunk-ZY5OX6SA.js";
import "../chunks/chunk-QOWBSAJO.js";
import "../chunks/chunk-7Q46JTV7.js";
import "../chunks/chunk-RQB7ZENY.js";
import "../chunks/chunk-WARMS5WM.js";
import {
  actionIo,
  runAction
} from "../chunks/chunk-OPQOOSZP.js";
import {
  getInput,
  group,
  setOutput,
  setSecret,
  warning
} from "../chunks/chunk-4MS45GGA.js";
import "../chunks/chunk-4AOTTLI5.js";
import "../chunks/chunk-7SHYJVU3.js";
import "../chunks/chunk-ZGDBGMMU.js";

// src/actions/package.ts
import { resolve } from "node:path";
await runAction("package", async () => {
  const io = actionIo();
  const password = getInput("registry-password");
  if (password) setSecret(password);
  io.env = {
    ...io.env,
    ...password ? {
      MODELGATE_REGISTRY_USERNAME: getInput("registry-username") || io.env.GITHUB_ACTOR || "modelgate",
      MODELGATE_REGISTRY_PASSWORD: password
    } : {}
  };
  const wd = getInput("working-directory");
  if (wd) io.cwd = resolve(io.cwd, wd);
  const args = [];
  const model = getInput("model");
  if (model) args.push(model);
  const flags = [
    ["model-file", "--model"],
    ["name", "--name"],
    ["version", "--version"],
    ["layout", "--layout"],
    ["push", "--push"],
    ["base", "--base"],
    ["platform", "--platform"],
    ["eval-record", "--eval-record"],
    ["model-card", "--model-card"],
    ["promotion-record", "--promotion-record"],
    ["max-batch-size", "--max-batch-size"],
    ["chunk-size", "--chunk-size"],
    ["source", "--source"],
    ["revision", "--revision"],
    ["licenses", "--licenses"]
  ];
  for (const [input, flag] of flags) {
    const v = getInput(input);
    if (v) args.push(flag, v);
  }
  const r = await group("modelgate package", () => runPackage(args, io));
  for (const w of r.warnings) warning(w);
  io.out(`image ${r.digest} (${r.platforms.join(", ")}, base ${r.base.name})
`);
  setOutput("digest", r.digest);
  setOutput("reference", r.pushed?.reference ?? "");
  setOutput("layout", r.layout ? `${r.layout.dir}:${r.layout.name}` : "");
  setOutput("model-sha256", r.modelSha256);
  setOutput("served-sha256", r.servedSha256);
  setOutput("referrers", JSON.stringify(r.referrers));
  setOutput("result", JSON.stringify(r));
  return 0;
});
