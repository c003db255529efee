import { resolve } from "node:path";
import * as core from "@actions/core";
import { annotationCommands } from "../util/annotations.ts";
import { formatFindings } from "../validate/output.ts";
import { validateRepository } from "../validate/validate.ts";
import { openWorkspaceLazily } from "../workspace/lazy.ts";
import { actionIo, boolInput, listInput, runAction } from "./_runtime.ts";

await runAction("validate", async () => {
  const io = actionIo();
  const cwd = resolve(io.cwd, core.getInput("working-directory") || ".");
  const result = await core.group("modelgate validate", async () => {
    // the manifests read without yaml and zod when they can be, as the command reads them
    const ws = await openWorkspaceLazily(io, { cwd });
    return validateRepository(cwd, {
      repo: ws.repo,
      paths: listInput("paths"),
      skipData: boolInput("skip-data", false),
      env: ws.env,
      onProgress: (m) => io.err(`${m}\n`),
      versions: { git: ws.git, env: ws.env },
    });
  });
  io.out(formatFindings(result));
  io.command(annotationCommands(result.findings, result.root, io.env, "modelgate validate"));
  const errors = result.findings.filter((f) => f.severity === "error").length;
  core.setOutput("ok", errors === 0);
  core.setOutput("errors", errors);
  core.setOutput("warnings", result.findings.length - errors);
  core.setOutput("findings", JSON.stringify(result.findings));
  core.setOutput("models", JSON.stringify(result.models));
  return errors === 0 ? 0 : 1;
});
