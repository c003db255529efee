/**
 * What only the exact reading of the history needs (`audit verify`, an evidence folder, publish's ledger check): the
 * rules, the attestation and monitoring checks, the gates and the evidence writer. ./run.ts imports this module when
 * it reads exactly, so the timeline (`modelgate audit`, `--json`, `--csv`, `--at`) does not load them.
 */
// Reading exactly parses the records of every version of a ledger; zod says what is wrong with one the generated check
// does not accept (../records/promotion-read.ts): ./parsers.ts withParsers loads it (../ledger/ledger.ts) when one is met.
export { bundlePaths } from "../attest/check.ts";
export { writeEvidence } from "./evidence.ts";
export { boundRecord } from "./judging.ts";
export { firstOverlays, knownOverlays, overlayWrites } from "./rules/deploy.ts";
export { monitoringRecordPaths } from "./rules/monitoring.ts";
export { LEDGER_INTEGRITY } from "./rules/table.ts";
export { withParsers } from "./parsers.ts";
export {
  evaluationReads,
  manifestOf,
  manifestPaths,
  readFacts,
  verifyEarlyReads,
  verifyHistory,
  verifyLateReads,
} from "./verify.ts";
