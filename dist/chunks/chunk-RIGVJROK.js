import { createRequire as __mgCreateRequire } from 'node:module'; const require = __mgCreateRequire(import.meta.url);
import {
  jobWorkflowRefOf
} from "./chunk-YPELLATJ.js";
import {
  getIDToken
} from "./chunk-U2N6PYQM.js";
import {
  UserError
} from "./chunk-VPZGVLTG.js";

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

export {
  jobWorkflowRefInput
};
