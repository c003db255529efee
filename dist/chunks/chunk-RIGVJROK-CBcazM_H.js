import { createRequire } from 'node:module';
import { j as jobWorkflowRefOf } from './chunk-YPELLATJ-DmrUE5hP.js';
import { c as getIDToken } from './chunk-U2N6PYQM-Bne4_qtb.js';
import { U as UserError } from './hot-help-validate-plan-audit-verify-CiDATK95.js';

const require$1 = createRequire(import.meta.url);

// src/actions/_builder.ts
async function jobWorkflowRefInput(input, env) {
  const v = input.trim();
  if (!v) return {};
  if (v !== "oidc") return { MODELGATE_JOB_WORKFLOW_REF: v };
  if (!env.ACTIONS_ID_TOKEN_REQUEST_URL) {
    throw new UserError(
      "job-workflow-ref: oidc needs the job's OIDC token: give the job `permissions: id-token: write`"
    );
  }
  return { MODELGATE_JOB_WORKFLOW_REF: jobWorkflowRefOf(await getIDToken("modelgate")) };
}

export { jobWorkflowRefInput as j };
