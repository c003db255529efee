import assert from "node:assert/strict";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { test } from "node:test";
import { jobWorkflowRefInput } from "../../src/actions/_builder.ts";
import { builderFromEnv } from "../../src/attest/setup.ts";

// The publish and release actions' job-workflow-ref input: `oidc` asks the runner's token service for the job's
// OIDC token (as @actions/core does, from ACTIONS_ID_TOKEN_REQUEST_URL/TOKEN) and reads its job_workflow_ref — here
// a token service on a loopback port standing in for the runner's.

const CALLER = "acme/models/.github/workflows/modelgate-publish.yml@refs/heads/main";
const CALLEE = "modelgate-dev/modelgate/.github/workflows/publish.yml@refs/tags/v1";

test("job-workflow-ref: oidc reads the called workflow from the job's OIDC token; empty keeps GITHUB_WORKFLOW_REF", async () => {
  const asked: string[] = [];
  const server = createServer((req, res) => {
    asked.push(`${req.url} ${req.headers.authorization}`);
    const claims = { job_workflow_ref: CALLEE, workflow_ref: CALLER, repository: "acme/models" };
    const jwt = ["e30", Buffer.from(JSON.stringify(claims)).toString("base64url"), "c2ln"].join(".");
    res.setHeader("content-type", "application/json");
    res.end(JSON.stringify({ value: jwt }));
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/token?api-version=2.0`;
  const saved = { ...process.env };
  try {
    Object.assign(process.env, {
      ACTIONS_ID_TOKEN_REQUEST_URL: url,
      ACTIONS_ID_TOKEN_REQUEST_TOKEN: "runner-token",
    });
    const env = {
      ...process.env,
      GITHUB_ACTIONS: "true",
      GITHUB_REPOSITORY: "acme/models",
      GITHUB_WORKFLOW_REF: CALLER,
    };
    const added = await jobWorkflowRefInput("oidc", env);
    assert.deepEqual(added, { MODELGATE_JOB_WORKFLOW_REF: CALLEE });
    assert.deepEqual(asked, ["/token?api-version=2.0&audience=modelgate Bearer runner-token"]);
    assert.equal(builderFromEnv({ ...env, ...added }).id, `https://github.com/${CALLEE}`);

    assert.deepEqual(await jobWorkflowRefInput("", env), {});
    assert.equal(builderFromEnv(env).id, `https://github.com/${CALLER}`);

    assert.deepEqual(await jobWorkflowRefInput(` ${CALLEE} `, env), { MODELGATE_JOB_WORKFLOW_REF: CALLEE });
    await assert.rejects(
      jobWorkflowRefInput("oidc", { ...env, ACTIONS_ID_TOKEN_REQUEST_URL: "" }),
      /job-workflow-ref: oidc needs the job's OIDC token: give the job `permissions: id-token: write`/,
    );
  } finally {
    for (const k of Object.keys(process.env)) if (!(k in saved)) delete process.env[k];
    Object.assign(process.env, saved);
    server.close();
  }
});
