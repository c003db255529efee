import { resolve } from "node:path";
import * as core from "@actions/core";
import { runPackage } from "../commands/package.ts";
import { actionIo, runAction } from "./_runtime.ts";

await runAction("package", async () => {
  const io = actionIo();
  const password = core.getInput("registry-password");
  if (password) core.setSecret(password);
  io.env = {
    ...io.env,
    ...(password
      ? {
          MODELGATE_REGISTRY_USERNAME: core.getInput("registry-username") || io.env.GITHUB_ACTOR || "modelgate",
          MODELGATE_REGISTRY_PASSWORD: password,
        }
      : {}),
  };
  const wd = core.getInput("working-directory");
  if (wd) io.cwd = resolve(io.cwd, wd);
  const args: string[] = [];
  const model = core.getInput("model");
  if (model) args.push(model);
  const flags: [string, string][] = [
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
    ["licenses", "--licenses"],
  ];
  for (const [input, flag] of flags) {
    const v = core.getInput(input);
    if (v) args.push(flag, v);
  }
  const r = await core.group("modelgate package", () => runPackage(args, io));
  for (const w of r.warnings) core.warning(w);
  io.out(`image ${r.digest} (${r.platforms.join(", ")}, base ${r.base.name})\n`);
  core.setOutput("digest", r.digest);
  core.setOutput("reference", r.pushed?.reference ?? "");
  core.setOutput("layout", r.layout ? `${r.layout.dir}:${r.layout.name}` : "");
  core.setOutput("model-sha256", r.modelSha256);
  core.setOutput("served-sha256", r.servedSha256);
  core.setOutput("referrers", JSON.stringify(r.referrers));
  core.setOutput("result", JSON.stringify(r));
  return 0;
});
