/**
 * modelgate as a library: what the CLI and the actions run, for programs of your own. `import { … } from
 * "modelgate"`. Every function takes values (folders, manifests, records) and returns values; the ones that read or
 * write say so. Errors a person can fix are `UserError` (exit code 2 in the CLI), failed checks `CheckFailed` (1).
 */

export { CheckFailed, EXIT_FAILED, EXIT_OK, EXIT_USAGE, exitCodeOf, UserError } from "./errors.ts";
export { bufferIo, type Io, processIo } from "./util/io.ts";
export { VERSION } from "./version.ts";

// Manifests: the zod schemas are the one source of truth (schemas/ holds their JSON Schemas).
export type { Finding } from "./manifest/findings.ts";
export {
  CONFIG_FILE,
  findDataset,
  findModel,
  findRoot,
  type Loaded,
  loadRepository,
  type Repository,
} from "./manifest/repo.ts";
export {
  API_VERSION,
  type Config,
  configSchema,
  type Dataset,
  datasetSchema,
  type Gate,
  type Kind,
  type Model,
  manifestSchemas,
  modelSchema,
} from "./manifest/schema.ts";
export { type ParsedManifest, parseManifest } from "./manifest/yaml.ts";

// plan, init, validate, lock, train
export { type InitOptions, type InitResult, initRepository } from "./init/init.ts";
export {
  applyLock,
  type LockChange,
  type LockPlan,
  lockRepository,
  measureForLock,
  planLock,
} from "./lock/lock.ts";
export { type Plan, type PlanOptions, planRepository } from "./plan/run.ts";
export { planChanges, type ShardJob, shardJobs } from "./plan/changes.ts";
// remote data and models: the bytes a manifest's path names, through the content-addressed cache
export { cacheDir } from "./storage/cache.ts";
export { type Location, parseLocation } from "./storage/location.ts";
export {
  type LocalFile,
  localFile,
  type Pin,
  resolveSource,
  type Source,
  type StorageContext,
  storageContext,
} from "./storage/source.ts";
export { type TrainOptions, type TrainResult, trainModel } from "./train/train.ts";
export { type ValidateOptions, type ValidateResult, validateRepository } from "./validate/validate.ts";
// the opened repository the services take (manifests loaded once, git, the clock, the io)
export { openWorkspace, type Workspace, type WorkspaceOptions } from "./workspace/workspace.ts";

// evaluate: a model of a repository by name, or any ONNX file on any data (EvaluationSpec)
export {
  type EvaluateOptions,
  type EvaluateResult,
  evaluateCandidate,
  evaluateQuickLook,
  evaluateRepositoryModel,
  mergeShardFiles,
} from "./evaluate/run.ts";
export type { QuickLookOptions } from "./evaluate/quick-look.ts";
export { specFromManifests } from "./evaluate/spec.ts";
export {
  type EvaluationSpec,
  evaluateModel,
  evaluateShard,
  type Label as EvaluationLabel,
  type ModelSource,
  mergeShards,
  onnxruntimeVersion,
  readShardState,
  type ShardState,
  stablePart,
  writeRecord,
} from "./evaluate/engine.ts";

// records and their schemas
export {
  type EvaluationRecord,
  evaluationRecordSchema,
  type ModelResult,
  RECORDS_DIR,
  recordPath,
  type SliceResult,
} from "./records/evaluation.ts";
export {
  type BindingFacts,
  type BindingMismatch,
  bindingFacts,
  checkRecordBinding,
  recordMismatches,
  type StaleFix,
  staleRecordMessage,
} from "./records/bind.ts";
export { type ApprovalEntry, type PromotionRecord, promotionRecordSchema } from "./records/promotion.ts";
export { type TrainingRecord, trainingRecordSchema } from "./records/training.ts";

// report: gates, the PR comment, the model card
export { type BuildOptions, type BuiltReport, buildReport } from "./report/build.ts";
export { type ReportOptions, type ReportResult, runReport } from "./report/run.ts";
export { type CardInput, renderModelCard } from "./report/card.ts";
export { type GateResult, type JudgeInput, judge, type Status, type Verdict } from "./report/gates.ts";
export {
  type ModelReport,
  type RenderedReport,
  type RenderOptions,
  renderModelSection,
  renderReport,
} from "./report/markdown.ts";

// approve: the policy is pure (facts in, decision out)
export {
  type ApprovalDecision,
  type ApprovalFacts,
  type ApprovalPolicy,
  evaluateApproval,
  type ModelUnderReview,
  type ReviewFact,
  renderApprovalMarkdown,
} from "./approve/policy.ts";
export { APPROVAL_CONTEXT, type ApproveResult } from "./approve/decide.ts";
export { type ApproveOptions, openApprovalWorkspace, runApprove } from "./approve/run.ts";

// the image: a KServe modelcar built without a daemon, written to a layout or pushed
export { type ResolvedBase, resolveBase } from "./oci/base.ts";
export { scratchBase } from "./oci/image.ts";
export {
  type BuiltImage,
  buildImage,
  type PackageInput,
  type PushResult,
  pushImage,
  writeImageToLayout,
} from "./oci/build.ts";
export {
  applyPackage,
  type PackageOptions,
  type PackagePlan,
  type PackageResult,
  packageFile,
  packageImage,
  packageModel,
  planPackage,
} from "./package/run.ts";
export { formatReference, parseReference, type Reference } from "./oci/reference.ts";
export { type Credentials, RegistryClient, type RegistryOptions } from "./oci/registry.ts";

// the ledger (promotion records chained by digest, GTO tags, commit trailers) and publish
export { canonicalJson, recordDigest } from "./ledger/canonical.ts";
export {
  appendToLedger,
  chainProblems,
  currentIn,
  type LedgerEntry,
  type LedgerProblem,
  type NewRecord,
  parseLedger,
  promotionsPath,
} from "./ledger/ledger.ts";
export { nextStageNumber, type ParsedTag, parseTag, stageTag, versionTag } from "./ledger/tags.ts";
export { commitMessage, parseTrailers, TRAILER_KEYS, type Trailers } from "./ledger/trailers.ts";
export {
  type PublishedModel,
  type PublishOptions,
  type PublishResult,
  publish,
  runPublish,
} from "./publish/run.ts";
export {
  type CheckedModel,
  type ModelPublishPlan,
  type PublishChange,
  type PublishChangeFacts,
  type PublishPlan,
  planPublish,
  publishChange,
} from "./publish/change.ts";

// audit: the history from git alone, what ran at a time, and the verification (each gap a finding)
export { type AuditOptions, type AuditOutcome, runAudit } from "./audit/run.ts";
export { parseTime } from "./audit/time.ts";
export { REQUIREMENTS, renderRequirements, writeEvidence } from "./audit/evidence.ts";
export { renderCsv, renderTimeline, renderVerification } from "./audit/render.ts";
export {
  type AuditEvent,
  type AuditReport,
  auditReportSchema,
  CHECKS as AUDIT_CHECKS,
  type Finding as AuditFinding,
} from "./audit/schema.ts";

// release: a version tag promotes a published image to an environment (checks pure, in src/release)
export {
  applyRelease,
  openRelease,
  planRelease,
  type ReleaseOptions,
  type ReleasePlan,
  type ReleaseResult,
  runRelease,
} from "./release/run.ts";
export { compareVersions } from "./release/semver.ts";

// monitor: what production received against what the running version was evaluated on (cores pure, in src/monitor)
export { type MonitorOptions, type MonitorResult, runMonitor } from "./monitor/run.ts";
export { type MonitoringFacts, type MonitoringPlan, planMonitoring } from "./monitor/plan.ts";
export { type MonitoringRecord, monitoringRecordSchema } from "./records/monitoring.ts";
export { type ReleaseFacts, releaseFactsSchema } from "./release/facts.ts";

// attest: signed provenance (in-toto Statements in Sigstore bundles) of every publish, release and rollback
export type { AttestationProblem } from "./attest/check.ts";
export { checkRecordAttestation } from "./attest/verify.ts";
export {
  attestRecord,
  type BuildFacts,
  normalStatement,
  recordBodyDigest,
  recordStatements,
  statementDigest,
} from "./attest/promotion.ts";
export { type AttestMode, attestMode, attestSetup } from "./attest/setup.ts";
export { BUNDLE_MEDIA_TYPE, type KeySigner, keySigner, readKeySigner, signStatement } from "./attest/sign.ts";
export { PROMOTION_PREDICATE, type PromotionPredicate, SLSA_PROVENANCE, type Statement } from "./attest/statement.ts";
export { promotionPredicateSchema } from "./attest/statement-schema.ts";
export { type StoreOptions, type StoreResult, storeBundles } from "./attest/store.ts";
export { type LoadedTrust, parseTrustPolicy, readTrustPolicy, type TrustPolicy } from "./attest/trust.ts";
export { verifyBundle } from "./attest/verify.ts";
