import * as core from "@actions/core";
import { jobWorkflowRefOf } from "../attest/setup.ts";
import { UserError } from "../errors.ts";

/**
 * The `job-workflow-ref` input of publish and release: the workflow whose job runs modelgate, the SLSA provenance's
 * builder. Empty: GITHUB_WORKFLOW_REF, right for a workflow run directly. A reusable workflow (modelgate's own
 * publish.yml and release.yml under .github/) passes `oidc`: GitHub's context names the caller's workflow there, and
 * only the job's OIDC token names the called one (`job_workflow_ref`, the signing certificate's subject too). An
 * explicit `OWNER/REPO/PATH@REF` is taken as given. Returns the environment the service reads it from.
 */
export async function jobWorkflowRefInput(input: string, env: NodeJS.ProcessEnv): Promise<NodeJS.ProcessEnv> {
  const v = input.trim();
  if (!v) return {};
  if (v !== "oidc") return { MODELGATE_JOB_WORKFLOW_REF: v };
  if (!env.ACTIONS_ID_TOKEN_REQUEST_URL) {
    throw new UserError(
      "job-workflow-ref: oidc needs the job's OIDC token: give the job `permissions: id-token: write`",
    );
  }
  return { MODELGATE_JOB_WORKFLOW_REF: jobWorkflowRefOf(await core.getIDToken("modelgate")) };
}
