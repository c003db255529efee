import { z } from "zod";
import { API_VERSION } from "../manifest/schema.ts";

/**
 * The audit report (`modelgate audit --json`, `audit verify --json`, and timeline.json in an evidence folder). zod is
 * the source of its JSON Schema (schemas/audit-report.schema.json). Every string that came from a record, a tag or a
 * commit is as git holds it: consumers escape it for their medium.
 */

const digest = z.string().regex(/^sha256:[0-9a-f]{64}$/);
const time = z.string().describe("RFC 3339, UTC, to the second.");

export const EVENT_KINDS = [
  "proposed",
  "trained",
  "evaluated",
  "approved",
  "published",
  "registered",
  "released",
  "rolled-back",
  "unassigned",
  "deregistered",
  "assigned",
  "deprecated",
  "monitored",
] as const;

export const recordRefSchema = z
  .strictObject({ sequence: z.number().int(), digest })
  .describe("A promotion record: its sequence in the model's ledger and its digest.");

export const eventSchema = z.strictObject({
  model: z.string(),
  kind: z.enum(EVENT_KINDS),
  at: time
    .nullable()
    .describe(
      "When it happened, as its record, commit or tag says; null when git holds no time for it (an evaluation's time is in its record, which the timeline does not read).",
    ),
  version: z.string().nullable(),
  environment: z.string().nullable(),
  actor: z
    .string()
    .nullable()
    .describe("Who: the author, reviewer, merger, tag pusher or tagger, as the record or tag names them."),
  commit: z.string().nullable().describe("The commit the event is about (the evaluated head, the promoting commit…)."),
  tag: z
    .string()
    .nullable()
    .describe(
      "The tag: the stage tag of a promotion, the version, unassignment or deregistration tag, or a registry tag made with GTO (an assignment no record made, a deprecation).",
    ),
  source: z
    .string()
    .nullable()
    .describe("Of a promotion: the merged commit published, or the version's commit released."),
  record: recordRefSchema.nullable(),
  image: z.string().nullable().describe("repository@sha256:… as the record names it."),
  summary: z.string().describe("One line for people."),
  pullRequest: z
    .strictObject({ number: z.number().int(), author: z.string(), head: z.string(), url: z.string().optional() })
    .optional(),
  training: z
    .strictObject({
      record: z.string().describe("Where the training record is, as <commit>:<path>."),
      startedAt: z.string(),
      finishedAt: z.string(),
      durationSeconds: z.number(),
      commit: z.string().nullable(),
      datasets: z.array(z.strictObject({ name: z.string(), sha256: z.string() })),
      output: z.string().describe("sha256 of the trained file."),
    })
    .optional(),
  evaluation: z
    .strictObject({
      record: digest,
      path: z.string(),
      verdict: z.enum(["pass", "warn"]),
      gates: z.array(z.strictObject({ gate: z.string(), status: z.enum(["pass", "warn", "fail", "skip"]) })),
      metrics: z.record(z.string(), z.number().nullable()),
      data: z.array(z.strictObject({ name: z.string(), sha256: z.string() })),
      model: z.string().describe("sha256 of the artifact that was evaluated."),
    })
    .optional(),
  approval: z
    .strictObject({ reviewer: z.string(), reviewId: z.number().int(), commit: z.string(), submittedAt: z.string() })
    .optional(),
  release: z
    .strictObject({
      tag: z.string(),
      tagObject: z.string(),
      pushedBy: z.string(),
      tagger: z.string().optional(),
      environmentApprovals: z.array(
        z.strictObject({
          user: z.string(),
          state: z.enum(["approved", "rejected"]),
          at: z.string(),
          comment: z.string(),
        }),
      ),
      supersedes: z.strictObject({ version: z.string(), image: digest }).nullable(),
      publishRecord: digest,
      runId: z.number().int().optional(),
    })
    .optional(),
  monitoring: z
    .strictObject({
      record: digest.describe("The monitoring record's digest (Monitoring-Record trailer)."),
      verdict: z.string().describe("ok, alert or not-enough-rows (Monitoring-Verdict trailer)."),
      path: z.string().nullable(),
    })
    .optional()
    .describe("A monitoring run (modelgate monitor): its record, committed under <records>/<model>/monitoring/."),
});
export type AuditEvent = z.infer<typeof eventSchema>;

export const CHECKS = [
  "ledger-unreadable",
  "ledger-chain",
  "ledger-rewritten",
  "record-model",
  "record-commit",
  "record-trailers",
  "trailers-without-record",
  "source-missing",
  "evaluation-missing",
  "evaluation-binding",
  "evaluation-verdict",
  "approval",
  "release",
  "deploy-edit",
  "overlay-pin",
  "tag-missing",
  "tag-lightweight",
  "tag-grammar",
  "tag-moved",
  "tag-without-record",
  "stage-counter",
  "version-tag",
  "deregistered-released",
  "registry-record",
  "card-binding",
  "card-edit",
  "config-change",
  "image-missing",
  "version-immutable",
  "approval-source",
  "attestation-missing",
  "attestation-untrusted",
  "attestation-mismatch",
  "referrer-missing",
  "monitoring-binding",
] as const;
export type Check = (typeof CHECKS)[number];

export const findingSchema = z.strictObject({
  check: z.enum(CHECKS).describe("Which rule the finding breaks (see `modelgate audit verify --help`)."),
  model: z.string().nullable(),
  commit: z.string().nullable(),
  tag: z.string().nullable(),
  record: recordRefSchema.nullable(),
  path: z.string().nullable(),
  message: z.string().describe("What is wrong, where."),
  expected: z.string().describe("What a history made by modelgate holds instead."),
});
export type Finding = z.infer<typeof findingSchema>;

export const placementSchema = z.strictObject({
  environment: z.string(),
  version: z.string().nullable(),
  image: z.string().nullable(),
  since: time.nullable().describe("When the commit that put it there was made."),
  commit: z.string().nullable(),
  record: recordRefSchema.nullable().describe("The promotion record that put it there; null when none did."),
  action: z.enum(["publish", "release", "rollback"]).nullable(),
  stageTag: z.string().nullable(),
});

export const atSchema = z.strictObject({
  time,
  environment: z.string(),
  models: z.array(
    z.strictObject({
      model: z.string(),
      placement: placementSchema.nullable().describe("null: nothing was in the environment at that time."),
      evidence: z
        .array(z.strictObject({ item: z.string(), value: z.string() }))
        .describe("The chain that put it there, from the overlay back to the pull request."),
    }),
  ),
});

export const auditReportSchema = z.strictObject({
  apiVersion: z.literal(API_VERSION),
  kind: z.literal("AuditReport"),
  repository: z.strictObject({
    ref: z.string(),
    commit: z.string(),
    committedAt: time,
  }),
  models: z.array(
    z.strictObject({
      name: z.string(),
      environments: z
        .array(placementSchema)
        .describe("What each environment runs at the audited commit, by its overlay and the record behind it."),
      events: z.array(eventSchema).optional().describe("The timeline, oldest first."),
    }),
  ),
  at: atSchema.optional(),
  verification: z
    .strictObject({
      ok: z.boolean(),
      checked: z.strictObject({
        records: z.number().int(),
        commits: z.number().int().describe("Commits that changed the deploy or records folders."),
        tags: z.number().int(),
        evaluations: z.number().int(),
        images: z.number().int().nullable().describe("Images checked in the registry; null without --registry."),
      }),
      findings: z.array(findingSchema),
    })
    .optional(),
});
export type AuditReport = z.infer<typeof auditReportSchema>;
export type Placement = z.infer<typeof placementSchema>;
export type AtResult = z.infer<typeof atSchema>;
