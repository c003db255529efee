import { resolve } from "node:path";
import * as core from "@actions/core";
import { UserError } from "../errors.ts";
import { writeJobSummary } from "../github/index.ts";
import { formatReleaseResult, releaseMarkdown } from "../release/result.ts";
import { type ReleaseMode, runRelease } from "../release/run.ts";
import { openWorkspace } from "../workspace/workspace.ts";
import { jobWorkflowRefInput } from "./_builder.ts";
import { actionIo, boolInput, runAction, withGitPushToken } from "./_runtime.ts";

await runAction("release", async () => {
  const io = actionIo();
  const token = core.getInput("token");
  if (token) core.setSecret(token);
  const signingKey = core.getInput("signing-key");
  if (signingKey) {
    for (const line of signingKey.split("\n")) if (line.trim()) core.setSecret(line.trim());
    io.env = { ...io.env, MODELGATE_SIGNING_KEY: signingKey };
  }
  io.env = { ...io.env, ...(await jobWorkflowRefInput(core.getInput("job-workflow-ref"), io.env)) };
  const cwd = resolve(io.cwd, core.getInput("working-directory") || ".");
  const operation = core.getInput("operation") || "release";
  if (!["release", "unassign", "deregister"].includes(operation)) {
    throw new UserError(`operation: expected release, unassign or deregister, got "${operation}"`);
  }
  // On a tag push the tag is the event's ref; on workflow_dispatch, the model and version inputs.
  const model = core.getInput("model");
  const version = core.getInput("version");
  const ref = io.env.GITHUB_REF ?? "";
  const tag = core.getInput("tag") || (!model && ref.startsWith("refs/tags/") ? ref.slice("refs/tags/".length) : "");
  // The checkout keeps no token on disk; git pushes the overlay commit and the stage tag with this one.
  io.env = await withGitPushToken(cwd, token, io.env);
  const result = await core.group(`modelgate release ${tag || `${model} ${version}`}`, () =>
    runRelease(openWorkspace(io, { cwd, env: io.env }), {
      token: token || undefined,
      tag: tag || undefined,
      model: model || undefined,
      version: version || undefined,
      environment: core.getInput("environment") || undefined,
      repo: core.getInput("repository") || undefined,
      mode: operation as ReleaseMode,
      dryRun: boolInput("dry-run", false),
      log: (line) => io.err(`${line}\n`),
    }),
  );
  io.out(formatReleaseResult(result));
  writeJobSummary(releaseMarkdown(result), io.env);
  core.setOutput("outcome", result.outcome);
  core.setOutput("action", result.action ?? "");
  core.setOutput("model", result.model);
  core.setOutput("version", result.version);
  core.setOutput("environment", result.environment);
  core.setOutput("stage-tag", result.stageTag ?? result.registryTag ?? "");
  core.setOutput("commit", result.commit ?? "");
  core.setOutput("image", result.image?.reference ?? "");
  core.setOutput("record-digest", result.recordDigest ?? "");
  core.setOutput("pull-request", result.pullRequest ? String(result.pullRequest.number) : "");
  // The Statement the workflow's actions/attest step signs (GitHub Actions with id-token: write and no key).
  const pending = JSON.stringify(result.attestations?.by === "workflow" ? result.attestations.statements : []);
  core.setOutput("attestations", pending);
  const wrote = ["released", "rolled-back", "proposed", "unassigned", "deregistered"].includes(result.outcome);
  core.setOutput("changed", wrote);
});
