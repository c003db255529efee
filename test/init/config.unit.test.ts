import assert from "node:assert/strict";
import { test } from "node:test";
import { parse } from "yaml";
import { renderConfig } from "../../src/init/render.ts";
import { configSchema } from "../../src/manifest/schema.ts";
import { checkEnvironmentApproval } from "../../src/release/people.ts";

/** Issue #22 item 6: init's modelgate.yaml left requiresApproval out, so releases passed with no environment approval. */
test("init's modelgate.yaml: a release to production waits for the GitHub environment's reviewers", () => {
  const text = renderConfig("models", "https://example.com/config.schema.json");
  const config = configSchema.parse(parse(text));
  const production = config.spec.environments.find((e) => e.name === "production")!;
  assert.equal(production.requiresApproval, true);
  assert.equal(production.githubEnvironment, "production");
  assert.equal(config.spec.environments.find((e) => e.name === "staging")?.requiresApproval, false);
  // commented: what it does and what to set up on GitHub
  assert.match(
    text,
    /# TODO: create that environment on GitHub with required reviewers \(Settings > Environments\): a release waits\n {6}# for one of them to approve its run/,
  );
  assert.match(text, /\n {6}requiresApproval: true\n/);

  // a release run that no reviewer of the environment approved is refused
  const refusal = checkEnvironmentApproval(
    {
      model: "churn",
      tag: "churn@v1.0.0",
      environment: production.name,
      githubEnvironment: production.githubEnvironment ?? production.name,
      required: production.requiresApproval,
      runId: 7,
      readAt: "2026-01-01T00:00:00Z",
    },
    [],
  );
  assert.ok("check" in refusal, "refused");
  assert.match(refusal.message, /run 7 has no approval from the GitHub environment "production"'s reviewers/);
});
