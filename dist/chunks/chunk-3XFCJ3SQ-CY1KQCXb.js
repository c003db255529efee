import { createRequire } from 'node:module';
import { Y as useZodCheck, O as parseLedger, c as canonicalJson, r as recordDigest } from './hot-audit-verify-DZYJh8zf.js';
import { e as external_exports } from './hot-plan-YWGJn6IT.js';
import { A as API_VERSION } from './hot-validate-plan-audit-verify-DglurztO.js';

const require$1 = createRequire(import.meta.url);

// src/records/promotion.ts
var hex64 = external_exports.string().regex(/^[0-9a-f]{64}$/, "must be 64 lowercase hex digits");
var digest = external_exports.string().regex(/^sha256:[0-9a-f]{64}$/, "must be sha256:<64 hex digits>");
var commit = external_exports.string().regex(/^[0-9a-f]{40}([0-9a-f]{24})?$/, "must be a full commit id");
var approvalEntrySchema = external_exports.strictObject({
  reviewer: external_exports.string().min(1),
  reviewId: external_exports.number().int(),
  commit: commit.describe("The commit the review approved (the pull request's evaluated head)."),
  submittedAt: external_exports.string()
});
var environmentApprovalSchema = external_exports.strictObject({
  user: external_exports.string().min(1),
  state: external_exports.enum(["approved", "rejected"]),
  comment: external_exports.string(),
  at: external_exports.string(),
  environments: external_exports.array(external_exports.string())
});
var approvalSourceSchema = external_exports.discriminatedUnion("from", [
  external_exports.strictObject({
    from: external_exports.literal("github"),
    api: external_exports.string().describe("The GitHub API the approvals were read from (GITHUB_API_URL)."),
    run: external_exports.string().nullable().describe("The workflow run that read them; null outside GitHub Actions.")
  }),
  external_exports.strictObject({ from: external_exports.literal("facts-file") })
]).describe(
  "Where the approvals came from: GitHub's API, read by a workflow run, or a facts file (`--facts`, refused inside GitHub Actions)."
);
var attestationBlockSchema = external_exports.strictObject({
  signer: external_exports.enum(["key", "workflow"]).describe(
    "key: signed with --signing-key in the commit that appends the record; workflow: keyless, by actions/attest after it."
  ),
  builder: external_exports.strictObject({
    id: external_exports.string().min(1).describe("The build platform: the workflow file at its ref, or modelgate offline."),
    runUrl: external_exports.string().optional().describe("The workflow run, in GitHub Actions."),
    repository: external_exports.string().optional().describe("The source repository's URL, when known.")
  }).describe("Who built the image and made the promotion (SLSA provenance's builder)."),
  base: external_exports.strictObject({ reference: external_exports.string(), digest }).optional().describe("The base image the model was packaged on (publish; absent for scratch)."),
  datasets: external_exports.array(external_exports.strictObject({ name: external_exports.string(), path: external_exports.string() })).optional().describe("The evaluation datasets' files (publish): SLSA provenance's resolved dependencies with data's digests."),
  statements: external_exports.array(
    external_exports.strictObject({
      predicateType: external_exports.string().min(1),
      digest: digest.describe("sha256 of the in-toto Statement's canonical JSON (RFC 8785).")
    })
  ).min(1)
});
var promotionRecordSchema = external_exports.strictObject({
  apiVersion: external_exports.literal(API_VERSION),
  kind: external_exports.literal("PromotionRecord"),
  sequence: external_exports.number().int().min(1).describe("1 for the model's first entry, then +1."),
  previous: digest.nullable().describe("Digest of the model's previous entry; null for the first."),
  action: external_exports.enum(["publish", "release", "rollback", "deregister", "unassign"]).describe(
    "publish, release, rollback: the version placed in `environment`; deregister: the version can never be released again; unassign: `environment`'s assignment of the version undone (GTO's registry operations, kept in the ledger so that deleting their tag leaves a trace)."
  ),
  at: external_exports.string().describe("When the promotion was made (RFC 3339, UTC)."),
  model: external_exports.strictObject({
    name: external_exports.string().min(1),
    version: external_exports.string().min(1),
    sha256: hex64.describe("The artifact that was evaluated, approved and packaged."),
    path: external_exports.string().describe("The artifact's path in the repository.")
  }),
  data: external_exports.array(external_exports.strictObject({ name: external_exports.string(), sha256: hex64 })).describe("The evaluation datasets' digests."),
  evaluation: external_exports.strictObject({
    record: digest.describe("sha256 of the evaluation record file's bytes."),
    path: external_exports.string().describe("Where the record is kept in git (content-addressed by that digest)."),
    verdict: external_exports.enum(["pass", "warn"]),
    gates: external_exports.array(external_exports.strictObject({ gate: external_exports.string(), status: external_exports.enum(["pass", "warn", "fail", "skip"]) })),
    metrics: external_exports.record(external_exports.string(), external_exports.number().nullable()).describe("Headline metrics of the candidate.")
  }),
  pullRequest: external_exports.strictObject({
    number: external_exports.number().int().positive(),
    author: external_exports.string(),
    head: commit.describe("The pull request's head commit: what was evaluated and approved."),
    url: external_exports.string().optional()
  }).nullable(),
  approvals: external_exports.array(approvalEntrySchema),
  approvalSource: approvalSourceSchema.optional().describe("Where `approvals` came from (publish read them)."),
  image: external_exports.strictObject({
    reference: external_exports.string().describe("repository@sha256:\u2026 (or a layout path for local builds)."),
    digest: digest.describe("The image index digest.")
  }),
  environment: external_exports.string().min(1).describe(
    "Where the version was placed (publish, release, rollback) or unassigned; of a deregistration, where it was published."
  ),
  stageTag: external_exports.string().describe(
    "The GTO tag made with this entry: name#stage#N (publish, release, rollback), name#stage!#N (unassign), name@vX.Y.Z! (deregister)."
  ),
  source: commit.describe(
    "The commit on the default branch that was published (its tree holds the model), or the version's commit (the one publish made: release, rollback, deregister, unassign)."
  ),
  triggeredBy: external_exports.string().describe("Who caused the promotion: the merger (publish) or the tag pusher (release)."),
  release: external_exports.strictObject({
    tag: external_exports.string(),
    tagObject: external_exports.string().describe("The annotated tag's object id: a moved tag has another."),
    tagger: external_exports.string().optional().describe("The tag's own tagger line (unverified; pushedBy is authenticated)."),
    pushedBy: external_exports.string(),
    signature: external_exports.strictObject({ verified: external_exports.boolean(), reason: external_exports.string() }).optional().describe("GitHub's verification of a signed tag."),
    environmentApprovals: external_exports.array(environmentApprovalSchema),
    approvalSource: approvalSourceSchema.optional().describe("Where `environmentApprovals` came from."),
    publishRecord: digest.describe("The publish entry whose image this release promotes."),
    supersedes: external_exports.strictObject({ version: external_exports.string(), image: digest }).nullable().describe("What the environment ran before."),
    runId: external_exports.number().int().optional(),
    runAttempt: external_exports.number().int().min(1).optional().describe(
      "The attempt of the run (GITHUB_RUN_ATTEMPT). A run's environment approval is bound to the one release that recorded its runId."
    )
  }).optional(),
  registry: external_exports.strictObject({
    publishRecord: digest.describe("The publish entry of the version deregistered or unassigned."),
    pushedBy: external_exports.string().describe("Who asked for it (an allowed releaser).")
  }).optional().describe("Of a deregistration or an unassignment: which published version, and who."),
  card: external_exports.strictObject({
    path: external_exports.string().describe("MODEL_CARD.md's path in the repository, as publish wrote it."),
    sha256: hex64.describe("sha256 of the card's bytes as publish wrote them.")
  }).optional().describe("Of a publish: the model card it wrote, bound by its digest."),
  attestation: attestationBlockSchema.optional().describe("The signed statements that attest this record (absent: not attested, as before attestations).")
});

// src/ledger/ledger.ts
useZodCheck((json) => promotionRecordSchema.safeParse(json));
function appendToLedger(text, record, seal) {
  const { entries } = parseLedger(text);
  const last = entries.at(-1);
  const chained = promotionRecordSchema.parse({
    ...record,
    sequence: last ? last.record.sequence + 1 : 1,
    previous: last ? last.digest : null
  });
  const full = seal ? promotionRecordSchema.parse(seal(chained)) : chained;
  const line = canonicalJson(full);
  const base = text === "" || text.endsWith("\n") ? text : `${text}
`;
  return { text: `${base}${line}
`, record: full, digest: recordDigest(full) };
}

export { appendToLedger as a };
