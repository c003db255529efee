import { z } from "zod";

/**
 * The zod schemas of ./statement.ts's Statements (read back from a signed bundle: ./store.ts, ./verify.ts). The
 * Statement type is `_type`'s literal (./statement.ts STATEMENT_TYPE, which must be assignable to it: the builder does
 * not compile otherwise); it is written here rather than imported, so that neither module imports the other's values.
 */

const hex64 = z.string().regex(/^[0-9a-f]{64}$/);

export const subjectSchema = z.strictObject({
  name: z.string().min(1),
  digest: z.strictObject({ sha256: hex64 }),
});

export const statementSchema = z.object({
  _type: z.literal("https://in-toto.io/Statement/v1"),
  subject: z.array(subjectSchema).min(1),
  predicateType: z.string().min(1),
  predicate: z.record(z.string(), z.unknown()),
});

/** The predicate of a modelgate promotion: enough to re-check the record it attests without trusting git. */
export const promotionPredicateSchema = z.strictObject({
  action: z.enum(["publish", "release", "rollback", "deregister", "unassign"]),
  model: z.strictObject({ name: z.string(), version: z.string(), sha256: hex64 }),
  environment: z.string(),
  stageTag: z.string(),
  /** sha256:<hex> of the promotion record this attestation covers (its canonical JSON). */
  promotionRecord: z.string().regex(/^sha256:[0-9a-f]{64}$/),
  /** sha256:<hex> of the evaluation record the promotion rests on, and its gates' verdicts. */
  evaluation: z.strictObject({
    record: z.string().regex(/^sha256:[0-9a-f]{64}$/),
    verdict: z.enum(["pass", "warn"]),
    gates: z.array(z.strictObject({ gate: z.string(), status: z.enum(["pass", "warn", "fail", "skip"]) })),
  }),
  approvals: z.array(z.strictObject({ reviewer: z.string(), commit: z.string(), reviewId: z.number().int() })),
  environmentApprovals: z.array(z.strictObject({ user: z.string(), at: z.string() })),
  source: z.string().describe("The commit on the GitOps branch that was promoted."),
  builder: z.strictObject({ id: z.string(), runUrl: z.string().optional() }),
  /** A release or rollback: the version tag, the stage counter N of `<model>#<env>#N`, the publish record it promotes. */
  release: z
    .strictObject({
      tag: z.string(),
      tagObject: z.string(),
      pushedBy: z.string(),
      stage: z.number().int().min(1),
      publishRecord: z.string().regex(/^sha256:[0-9a-f]{64}$/),
      supersedes: z.strictObject({ version: z.string(), image: z.string() }).nullable(),
    })
    .optional(),
  /** A deregistration or an unassignment: its GTO tag, the publish record of the version, who asked for it. */
  registry: z
    .strictObject({
      tag: z.string(),
      publishRecord: z.string().regex(/^sha256:[0-9a-f]{64}$/),
      pushedBy: z.string(),
    })
    .optional(),
});
