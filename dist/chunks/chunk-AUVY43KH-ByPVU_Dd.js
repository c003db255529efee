import { createRequire } from 'node:module';
import { e as external_exports } from './hot-plan-YWGJn6IT.js';
import { A as API_VERSION } from './hot-validate-plan-audit-verify-DglurztO.js';

const require$1 = createRequire(import.meta.url);

// src/records/training.ts
var sha256 = external_exports.string().regex(/^[0-9a-f]{64}$/);
var trainingRecordSchema = external_exports.strictObject({
  apiVersion: external_exports.literal(API_VERSION),
  kind: external_exports.literal("TrainingRecord"),
  model: external_exports.strictObject({
    name: external_exports.string(),
    version: external_exports.string(),
    manifest: external_exports.string().describe("The Model manifest, relative to the repository root.")
  }),
  result: external_exports.enum(["ok", "failed"]),
  reason: external_exports.string().optional().describe("Why training failed (absent when it succeeded)."),
  git: external_exports.strictObject({
    commit: external_exports.string().nullable().describe("HEAD when training started; null outside a git repository."),
    dirty: external_exports.boolean().nullable().describe("Whether the working tree had uncommitted changes when training started."),
    branch: external_exports.string().nullable()
  }),
  command: external_exports.strictObject({
    argv: external_exports.array(external_exports.string()).describe("As declared in spec.training.command, placeholders unexpanded."),
    shell: external_exports.boolean(),
    workdir: external_exports.string(),
    timeoutMinutes: external_exports.number().positive()
  }),
  params: external_exports.record(external_exports.string(), external_exports.unknown()),
  paramsSha256: sha256.describe("sha256 of the params JSON file handed to the command."),
  datasets: external_exports.array(
    external_exports.strictObject({
      name: external_exports.string(),
      path: external_exports.string(),
      sha256,
      declaredSha256: sha256.nullable(),
      sizeBytes: external_exports.number().int().min(0)
    })
  ),
  env: external_exports.array(external_exports.string()).describe("Names of the environment variables the command received (values never)."),
  tools: external_exports.strictObject({
    modelgate: external_exports.string(),
    node: external_exports.string(),
    onnxruntime: external_exports.string().nullable(),
    platform: external_exports.string(),
    arch: external_exports.string()
  }),
  startedAt: external_exports.string(),
  finishedAt: external_exports.string(),
  durationSeconds: external_exports.number().min(0),
  exitCode: external_exports.number().int().nullable().describe("The command's exit code; null when it was killed."),
  signal: external_exports.string().nullable(),
  timedOut: external_exports.boolean(),
  log: external_exports.strictObject({ path: external_exports.string(), sizeBytes: external_exports.number().int().min(0), sha256 }),
  output: external_exports.strictObject({
    path: external_exports.string().describe("Where the command wrote the model."),
    artifact: external_exports.string().describe("The Model manifest's artifact path (the same file unless spec.training.output)."),
    sha256,
    sizeBytes: external_exports.number().int().min(0),
    declaredSha256: sha256.nullable().describe("spec.artifact.sha256 when training started."),
    signatureChecked: external_exports.boolean().describe("True when spec.signature was declared and matched.")
  }).nullable().describe("The verified output; null when training or verification failed."),
  reproduce: external_exports.strictObject({
    digests: external_exports.array(sha256).describe("The output digest of each run."),
    identical: external_exports.boolean()
  }).optional().describe("With --reproduce: the command ran twice.")
});

export { trainingRecordSchema as t };
