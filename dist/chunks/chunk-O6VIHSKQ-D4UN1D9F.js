import { createRequire } from 'node:module';
import { e as external_exports } from './hot-plan-YWGJn6IT.js';

const require$1 = createRequire(import.meta.url);

// src/attest/statement-schema.ts
var hex64 = external_exports.string().regex(/^[0-9a-f]{64}$/);
var subjectSchema = external_exports.strictObject({
  name: external_exports.string().min(1),
  digest: external_exports.strictObject({ sha256: hex64 })
});
var statementSchema = external_exports.object({
  _type: external_exports.literal("https://in-toto.io/Statement/v1"),
  subject: external_exports.array(subjectSchema).min(1),
  predicateType: external_exports.string().min(1),
  predicate: external_exports.record(external_exports.string(), external_exports.unknown())
});
var promotionPredicateSchema = external_exports.strictObject({
  action: external_exports.enum(["publish", "release", "rollback", "deregister", "unassign"]),
  model: external_exports.strictObject({ name: external_exports.string(), version: external_exports.string(), sha256: hex64 }),
  environment: external_exports.string(),
  stageTag: external_exports.string(),
  /** sha256:<hex> of the promotion record this attestation covers (its canonical JSON). */
  promotionRecord: external_exports.string().regex(/^sha256:[0-9a-f]{64}$/),
  /** sha256:<hex> of the evaluation record the promotion rests on, and its gates' verdicts. */
  evaluation: external_exports.strictObject({
    record: external_exports.string().regex(/^sha256:[0-9a-f]{64}$/),
    verdict: external_exports.enum(["pass", "warn"]),
    gates: external_exports.array(external_exports.strictObject({ gate: external_exports.string(), status: external_exports.enum(["pass", "warn", "fail", "skip"]) }))
  }),
  approvals: external_exports.array(external_exports.strictObject({ reviewer: external_exports.string(), commit: external_exports.string(), reviewId: external_exports.number().int() })),
  environmentApprovals: external_exports.array(external_exports.strictObject({ user: external_exports.string(), at: external_exports.string() })),
  source: external_exports.string().describe("The commit on the GitOps branch that was promoted."),
  builder: external_exports.strictObject({ id: external_exports.string(), runUrl: external_exports.string().optional() }),
  /** A release or rollback: the version tag, the stage counter N of `<model>#<env>#N`, the publish record it promotes. */
  release: external_exports.strictObject({
    tag: external_exports.string(),
    tagObject: external_exports.string(),
    pushedBy: external_exports.string(),
    stage: external_exports.number().int().min(1),
    publishRecord: external_exports.string().regex(/^sha256:[0-9a-f]{64}$/),
    supersedes: external_exports.strictObject({ version: external_exports.string(), image: external_exports.string() }).nullable()
  }).optional(),
  /** A deregistration or an unassignment: its GTO tag, the publish record of the version, who asked for it. */
  registry: external_exports.strictObject({
    tag: external_exports.string(),
    publishRecord: external_exports.string().regex(/^sha256:[0-9a-f]{64}$/),
    pushedBy: external_exports.string()
  }).optional()
});

export { statementSchema as s };
