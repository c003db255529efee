import { z } from "zod";
import { API_VERSION } from "../manifest/basics.ts";

/**
 * The promotion record: one entry per publish and per release of a model, and per deregistration and unassignment of
 * one of its versions, appended to the model's ledger (`<records>/<model>/promotions.jsonl`, one canonical-JSON record
 * per line, RFC 8785) by the commit that makes it. Each entry carries the digest of the model's previous entry, so a
 * rewritten, deleted or inserted entry breaks the chain visibly. zod is the source of its JSON Schema
 * (schemas/promotion-record.schema.json). Fields are only ever added, as optional ones: every record written before
 * stays valid.
 */

const hex64 = z.string().regex(/^[0-9a-f]{64}$/, "must be 64 lowercase hex digits");
const digest = z.string().regex(/^sha256:[0-9a-f]{64}$/, "must be sha256:<64 hex digits>");
const commit = z.string().regex(/^[0-9a-f]{40}([0-9a-f]{24})?$/, "must be a full commit id");

export const approvalEntrySchema = z.strictObject({
  reviewer: z.string().min(1),
  reviewId: z.number().int(),
  commit: commit.describe("The commit the review approved (the pull request's evaluated head)."),
  submittedAt: z.string(),
});
export type ApprovalEntry = z.infer<typeof approvalEntrySchema>;

export const environmentApprovalSchema = z.strictObject({
  user: z.string().min(1),
  state: z.enum(["approved", "rejected"]),
  comment: z.string(),
  at: z.string(),
  environments: z.array(z.string()),
});
export type EnvironmentApproval = z.infer<typeof environmentApprovalSchema>;

export const approvalSourceSchema = z
  .discriminatedUnion("from", [
    z.strictObject({
      from: z.literal("github"),
      api: z.string().describe("The GitHub API the approvals were read from (GITHUB_API_URL)."),
      run: z.string().nullable().describe("The workflow run that read them; null outside GitHub Actions."),
    }),
    z.strictObject({ from: z.literal("facts-file") }),
  ])
  .describe(
    "Where the approvals came from: GitHub's API, read by a workflow run, or a facts file (`--facts`, refused inside GitHub Actions).",
  );
export type ApprovalSourceRecord = z.infer<typeof approvalSourceSchema>;

/**
 * What a record says of its own attestations (issue #24): who built and signs, and the digest of each in-toto
 * Statement that attests it (sha256 of the Statement's canonical JSON). The Statements name this record by the
 * digest of its body (the record without this field), so the ledger's hash chain covers the Statements, and the
 * Statements cover the record. Their signed bundles live beside the ledger
 * (`<records>/<model>/attestations/<hex>.sigstore.json`) and on the image as OCI referrers.
 */
export const attestationBlockSchema = z.strictObject({
  signer: z
    .enum(["key", "workflow"])
    .describe(
      "key: signed with --signing-key in the commit that appends the record; workflow: keyless, by actions/attest after it.",
    ),
  builder: z
    .strictObject({
      id: z.string().min(1).describe("The build platform: the workflow file at its ref, or modelgate offline."),
      runUrl: z.string().optional().describe("The workflow run, in GitHub Actions."),
      repository: z.string().optional().describe("The source repository's URL, when known."),
    })
    .describe("Who built the image and made the promotion (SLSA provenance's builder)."),
  base: z
    .strictObject({ reference: z.string(), digest })
    .optional()
    .describe("The base image the model was packaged on (publish; absent for scratch)."),
  datasets: z
    .array(z.strictObject({ name: z.string(), path: z.string() }))
    .optional()
    .describe("The evaluation datasets' files (publish): SLSA provenance's resolved dependencies with data's digests."),
  statements: z
    .array(
      z.strictObject({
        predicateType: z.string().min(1),
        digest: digest.describe("sha256 of the in-toto Statement's canonical JSON (RFC 8785)."),
      }),
    )
    .min(1),
});
export type AttestationBlock = z.infer<typeof attestationBlockSchema>;

export const promotionRecordSchema = z.strictObject({
  apiVersion: z.literal(API_VERSION),
  kind: z.literal("PromotionRecord"),
  sequence: z.number().int().min(1).describe("1 for the model's first entry, then +1."),
  previous: digest.nullable().describe("Digest of the model's previous entry; null for the first."),
  action: z
    .enum(["publish", "release", "rollback", "deregister", "unassign"])
    .describe(
      "publish, release, rollback: the version placed in `environment`; deregister: the version can never be released again; unassign: `environment`'s assignment of the version undone (GTO's registry operations, kept in the ledger so that deleting their tag leaves a trace).",
    ),
  at: z.string().describe("When the promotion was made (RFC 3339, UTC)."),
  model: z.strictObject({
    name: z.string().min(1),
    version: z.string().min(1),
    sha256: hex64.describe("The artifact that was evaluated, approved and packaged."),
    path: z.string().describe("The artifact's path in the repository."),
  }),
  data: z.array(z.strictObject({ name: z.string(), sha256: hex64 })).describe("The evaluation datasets' digests."),
  evaluation: z.strictObject({
    record: digest.describe("sha256 of the evaluation record file's bytes."),
    path: z.string().describe("Where the record is kept in git (content-addressed by that digest)."),
    verdict: z.enum(["pass", "warn"]),
    gates: z.array(z.strictObject({ gate: z.string(), status: z.enum(["pass", "warn", "fail", "skip"]) })),
    metrics: z.record(z.string(), z.number().nullable()).describe("Headline metrics of the candidate."),
  }),
  pullRequest: z
    .strictObject({
      number: z.number().int().positive(),
      author: z.string(),
      head: commit.describe("The pull request's head commit: what was evaluated and approved."),
      url: z.string().optional(),
    })
    .nullable(),
  approvals: z.array(approvalEntrySchema),
  approvalSource: approvalSourceSchema.optional().describe("Where `approvals` came from (publish read them)."),
  image: z.strictObject({
    reference: z.string().describe("repository@sha256:… (or a layout path for local builds)."),
    digest: digest.describe("The image index digest."),
  }),
  environment: z
    .string()
    .min(1)
    .describe(
      "Where the version was placed (publish, release, rollback) or unassigned; of a deregistration, where it was published.",
    ),
  stageTag: z
    .string()
    .describe(
      "The GTO tag made with this entry: name#stage#N (publish, release, rollback), name#stage!#N (unassign), name@vX.Y.Z! (deregister).",
    ),
  source: commit.describe(
    "The commit on the default branch that was published (its tree holds the model), or the version's commit (the one publish made: release, rollback, deregister, unassign).",
  ),
  triggeredBy: z.string().describe("Who caused the promotion: the merger (publish) or the tag pusher (release)."),
  release: z
    .strictObject({
      tag: z.string(),
      tagObject: z.string().describe("The annotated tag's object id: a moved tag has another."),
      tagger: z.string().optional().describe("The tag's own tagger line (unverified; pushedBy is authenticated)."),
      pushedBy: z.string(),
      signature: z
        .strictObject({ verified: z.boolean(), reason: z.string() })
        .optional()
        .describe("GitHub's verification of a signed tag."),
      environmentApprovals: z.array(environmentApprovalSchema),
      approvalSource: approvalSourceSchema.optional().describe("Where `environmentApprovals` came from."),
      publishRecord: digest.describe("The publish entry whose image this release promotes."),
      supersedes: z
        .strictObject({ version: z.string(), image: digest })
        .nullable()
        .describe("What the environment ran before."),
      runId: z.number().int().optional(),
      runAttempt: z
        .number()
        .int()
        .min(1)
        .optional()
        .describe(
          "The attempt of the run (GITHUB_RUN_ATTEMPT). A run's environment approval is bound to the one release that recorded its runId.",
        ),
    })
    .optional(),
  registry: z
    .strictObject({
      publishRecord: digest.describe("The publish entry of the version deregistered or unassigned."),
      pushedBy: z.string().describe("Who asked for it (an allowed releaser)."),
    })
    .optional()
    .describe("Of a deregistration or an unassignment: which published version, and who."),
  card: z
    .strictObject({
      path: z.string().describe("MODEL_CARD.md's path in the repository, as publish wrote it."),
      sha256: hex64.describe("sha256 of the card's bytes as publish wrote them."),
    })
    .optional()
    .describe("Of a publish: the model card it wrote, bound by its digest."),
  attestation: attestationBlockSchema
    .optional()
    .describe("The signed statements that attest this record (absent: not attested, as before attestations)."),
});
export type PromotionRecord = z.infer<typeof promotionRecordSchema>;
export type PromotionAction = PromotionRecord["action"];
