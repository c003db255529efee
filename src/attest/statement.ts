import { z } from "zod";

/**
 * in-toto Statement v1 (https://github.com/in-toto/attestation/blob/main/spec/v1/statement.md): what is attested
 * (subjects, by digest) and what is said of it (a typed predicate). modelgate attests each publish and release with
 * its own predicate (PROMOTION_PREDICATE) and the image build with SLSA provenance v1.
 */

export const STATEMENT_TYPE = "https://in-toto.io/Statement/v1";
export const PAYLOAD_TYPE = "application/vnd.in-toto+json";
export const SLSA_PROVENANCE = "https://slsa.dev/provenance/v1";
/** modelgate's predicate: a promotion (publish, release, rollback) and the evidence it rested on. */
export const PROMOTION_PREDICATE = "https://modelgate.dev/attestation/promotion/v1";

const hex64 = z.string().regex(/^[0-9a-f]{64}$/);

export const subjectSchema = z.strictObject({
  name: z.string().min(1),
  digest: z.strictObject({ sha256: hex64 }),
});
export type Subject = z.infer<typeof subjectSchema>;

export const statementSchema = z.object({
  _type: z.literal(STATEMENT_TYPE),
  subject: z.array(subjectSchema).min(1),
  predicateType: z.string().min(1),
  predicate: z.record(z.string(), z.unknown()),
});
export type Statement = z.infer<typeof statementSchema>;

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
export type PromotionPredicate = z.infer<typeof promotionPredicateSchema>;

/** A Statement over `subjects` saying `predicate` (of `predicateType`), subjects sorted for stable bytes. */
export function statement(subjects: Subject[], predicateType: string, predicate: Record<string, unknown>): Statement {
  const subject = [...subjects].sort(
    (a, b) => a.name.localeCompare(b.name) || a.digest.sha256.localeCompare(b.digest.sha256),
  );
  return { _type: STATEMENT_TYPE, subject, predicateType, predicate };
}

/** A subject from a `sha256:<hex>` digest. */
export function subject(name: string, digest: string): Subject {
  return { name, digest: { sha256: digest.replace(/^sha256:/, "") } };
}
