import { z } from "zod";
import { API_VERSION } from "../manifest/schema.ts";

/**
 * The training record `modelgate train` writes to .modelgate/training/<model>.json: what ran, on which commit and
 * data, with which tools, how long, and what it produced. zod is the source of its JSON Schema. Field order is fixed by
 * the writer. Paths are relative to the repository root, with forward slashes; no environment values are recorded
 * (only the names of the variables passed), so no secret reaches a record.
 */

const sha256 = z.string().regex(/^[0-9a-f]{64}$/);

export const trainingRecordSchema = z.strictObject({
  apiVersion: z.literal(API_VERSION),
  kind: z.literal("TrainingRecord"),
  model: z.strictObject({
    name: z.string(),
    version: z.string(),
    manifest: z.string().describe("The Model manifest, relative to the repository root."),
  }),
  result: z.enum(["ok", "failed"]),
  reason: z.string().optional().describe("Why training failed (absent when it succeeded)."),
  git: z.strictObject({
    commit: z.string().nullable().describe("HEAD when training started; null outside a git repository."),
    dirty: z.boolean().nullable().describe("Whether the working tree had uncommitted changes when training started."),
    branch: z.string().nullable(),
  }),
  command: z.strictObject({
    argv: z.array(z.string()).describe("As declared in spec.training.command, placeholders unexpanded."),
    shell: z.boolean(),
    workdir: z.string(),
    timeoutMinutes: z.number().positive(),
  }),
  params: z.record(z.string(), z.unknown()),
  paramsSha256: sha256.describe("sha256 of the params JSON file handed to the command."),
  datasets: z.array(
    z.strictObject({
      name: z.string(),
      path: z.string(),
      sha256,
      declaredSha256: sha256.nullable(),
      sizeBytes: z.number().int().min(0),
    }),
  ),
  env: z.array(z.string()).describe("Names of the environment variables the command received (values never)."),
  tools: z.strictObject({
    modelgate: z.string(),
    node: z.string(),
    onnxruntime: z.string().nullable(),
    platform: z.string(),
    arch: z.string(),
  }),
  startedAt: z.string(),
  finishedAt: z.string(),
  durationSeconds: z.number().min(0),
  exitCode: z.number().int().nullable().describe("The command's exit code; null when it was killed."),
  signal: z.string().nullable(),
  timedOut: z.boolean(),
  log: z.strictObject({ path: z.string(), sizeBytes: z.number().int().min(0), sha256 }),
  output: z
    .strictObject({
      path: z.string().describe("Where the command wrote the model."),
      artifact: z.string().describe("The Model manifest's artifact path (the same file unless spec.training.output)."),
      sha256,
      sizeBytes: z.number().int().min(0),
      declaredSha256: sha256.nullable().describe("spec.artifact.sha256 when training started."),
      signatureChecked: z.boolean().describe("True when spec.signature was declared and matched."),
    })
    .nullable()
    .describe("The verified output; null when training or verification failed."),
  reproduce: z
    .strictObject({
      digests: z.array(sha256).describe("The output digest of each run."),
      identical: z.boolean(),
    })
    .optional()
    .describe("With --reproduce: the command ran twice."),
});
export type TrainingRecord = z.infer<typeof trainingRecordSchema>;

export { TRAINING_DIR, trainingRecordPath } from "./training-path.ts";
