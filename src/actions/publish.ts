import { resolve } from "node:path";
import * as core from "@actions/core";
import { CheckFailed } from "../errors.ts";
import { describeModelPlan } from "../publish/change.ts";
import { runPublish } from "../publish/run.ts";
import { openWorkspace } from "../workspace/workspace.ts";
import { jobWorkflowRefInput } from "./_builder.ts";
import { actionIo, boolInput, listInput, runAction, withGitPushToken } from "./_runtime.ts";

await runAction("publish", async () => {
  const io = actionIo();
  const token = core.getInput("token");
  if (token) core.setSecret(token);
  const password = core.getInput("registry-password");
  if (password) core.setSecret(password);
  const signingKey = core.getInput("signing-key");
  // a PEM spans lines: each is masked, as the runner masks line by line
  for (const line of signingKey.split("\n")) if (line.trim()) core.setSecret(line.trim());
  io.env = {
    ...io.env,
    ...(await jobWorkflowRefInput(core.getInput("job-workflow-ref"), io.env)),
    ...(signingKey ? { MODELGATE_SIGNING_KEY: signingKey } : {}),
    ...(token ? { GITHUB_TOKEN: token } : {}),
    ...(password
      ? {
          MODELGATE_REGISTRY_USERNAME: core.getInput("registry-username") || io.env.GITHUB_ACTOR || "modelgate",
          MODELGATE_REGISTRY_PASSWORD: password,
        }
      : {}),
  };
  // The checkout keeps no token on disk (persist-credentials: false); git pushes the GitOps commit and tag with the
  // token given here, through an extra header in this process's environment only.
  const pushToken = core.getInput("push-token") || token || io.env.GITHUB_TOKEN;
  io.env = await withGitPushToken(io.cwd, pushToken, io.env);
  const wd = core.getInput("working-directory");
  if (wd) io.cwd = resolve(io.cwd, wd);
  const opt = (name: string) => core.getInput(name) || undefined;
  const pr = opt("pr");
  const r = await core.group("modelgate publish", () =>
    runPublish(openWorkspace(io), {
      models: listInput("models"),
      pr: pr ? Number(pr) : undefined,
      records: opt("records"),
      artifacts: opt("artifacts"),
      registry: opt("registry"),
      dryRun: boolInput("dry-run", false),
    }),
  );
  for (const w of r.warnings) core.warning(w);
  for (const x of r.refusals) core.error(x.message);
  for (const [i, m] of r.models.entries()) {
    if (r.dryRun && m.alreadyPublished) {
      io.out(`${m.name} ${m.version}: already published (${m.tags.join(", ")}) (dry run)\n`);
      continue;
    }
    if (r.dryRun) {
      io.out(`${m.name} ${m.version}: every check passed; would publish to ${m.environment} (dry run)\n`);
      if (r.plan) for (const line of describeModelPlan(r.plan, r.plan.models[i])) io.out(`  ${line}\n`);
      continue;
    }
    io.out(
      m.alreadyPublished
        ? `${m.name} ${m.version}: already published (${m.tags.join(", ")})${m.finished ? `; attached what an earlier run left out: ${m.finished.join(", ")}` : ""}\n`
        : `published ${m.name} ${m.version} to ${m.environment}: ${m.image.reference} (commit ${m.commit}, ${m.tags.join(", ")})\n`,
    );
    if (m.versionTagCommand) core.notice(`to release ${m.name} ${m.version}: ${m.versionTagCommand}`);
  }
  core.setOutput("published", JSON.stringify(r.models));
  core.setOutput("images", JSON.stringify(Object.fromEntries(r.models.map((m) => [m.name, m.image.reference]))));
  core.setOutput(
    "commit",
    r.models
      .map((m) => m.commit)
      .filter(Boolean)
      .at(-1) ?? "",
  );
  core.setOutput("refused", r.refusals.length > 0 ? "true" : "false");
  // The Statements the workflow's actions/attest steps sign (GitHub Actions with id-token: write and no key).
  const pending = JSON.stringify(
    r.models.flatMap((m) => (m.attestations?.by === "workflow" ? m.attestations.statements : [])),
  );
  core.setOutput("attestations", pending);
  if (r.refusals.length > 0) {
    throw new CheckFailed(
      `refused (${r.refusals.length} problem${r.refusals.length === 1 ? "" : "s"}); nothing was built, pushed or committed`,
    );
  }
  return 0;
});
