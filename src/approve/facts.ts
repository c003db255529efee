import { readFactsFile } from "../util/facts.ts";
import { z } from "zod";
import { REVIEW_STATES } from "../vocabulary.ts";
import type { ApprovalFacts } from "./policy.ts";

/**
 * What `approve` reads from GitHub, as a file: the pull request, its reviews, the reviewers' permissions and the
 * members of the teams the policy names. `modelgate approve --facts FILE` decides from it without GitHub — in other
 * CIs, for a dry run of a policy change, and in the offline demo.
 */
export const approvalFactsSchema = z.strictObject({
  pr: z.strictObject({
    number: z.number().int().positive(),
    author: z.string().min(1),
    headSha: z.string().regex(/^[0-9a-f]{7,64}$/, "must be a commit id"),
    url: z.string().optional().describe("The pull request's web address (publish records it)."),
    baseSha: z
      .string()
      .regex(/^[0-9a-f]{7,64}$/, "must be a commit id")
      .optional()
      .describe("The base commit: the approval rules are read there (default: the checkout's)."),
  }),
  headPushers: z
    .array(z.string().min(1))
    .optional()
    .describe("Who pushed the head commit (GitHub's activity log): their approval never counts."),
  commitAuthors: z
    .array(z.string().min(1))
    .optional()
    .describe("GitHub logins of the authors and committers of the commits under review."),
  mergedBy: z.string().optional().describe("Who merged the pull request (publish --facts records it)."),
  reviews: z.array(
    z.strictObject({
      id: z.number().int(),
      login: z.string().min(1),
      userType: z.string().default("User"),
      state: z.enum(REVIEW_STATES),
      commitId: z.string().nullable(),
      submittedAt: z.string().nullable().describe("null for a pending review, which never counts"),
    }),
  ),
  permissions: z.record(z.string(), z.enum(["admin", "maintain", "write", "triage", "read", "none"])).default({}),
  teams: z.record(z.string(), z.array(z.string())).default({}),
});

export type ApprovalFactsFile = z.infer<typeof approvalFactsSchema>;

export function readApprovalFacts(file: string): ApprovalFacts & ApprovalFactsFile {
  return readFactsFile(file, approvalFactsSchema);
}
