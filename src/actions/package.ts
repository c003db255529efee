import { resolve } from "node:path";
import * as core from "@actions/core";
import { packageImage, parsePlatforms } from "../package/run.ts";
import { num } from "../util/args.ts";
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
  const opt = (name: string) => core.getInput(name) || undefined;
  const options = {
    model: opt("model"),
    modelFile: opt("model-file"),
    name: opt("name"),
    version: opt("version"),
    layout: opt("layout"),
    push: opt("push"),
    base: opt("base"),
    platforms: parsePlatforms(opt("platform")),
    evalRecord: opt("eval-record"),
    modelCard: opt("model-card"),
    promotionRecord: opt("promotion-record"),
    maxBatchSize: num("max-batch-size", opt("max-batch-size")),
    chunkMiB: num("chunk-size", opt("chunk-size")),
    source: opt("source"),
    revision: opt("revision"),
    licenses: opt("licenses"),
  };
  const r = await core.group("modelgate package", () => packageImage(io, options));
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
