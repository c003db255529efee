import { approvedHead } from "./approvals.ts";
import { cardAtPublish, cardKept } from "./card.ts";
import { configChangeReviewed } from "./config.ts";
import { imagesAttested, recordAttested } from "./attestations.ts";
import { noTrailersWithoutRecord, recordAppendedByModelgate, recordTrailersMatch, sourceInHistory } from "./commits.ts";
import type { CommitRule, EntryRule, HistoryRule, LedgerRule, TagRule } from "./context.ts";
import { deployEditsByModelgate } from "./deploy.ts";
import { evaluationAtItsAddress, evaluationBound, evaluationVerdict } from "./evaluation.ts";
import { ledgerChained, ledgerLinesReadable, ledgerOnlyAppended, recordOfItsModel } from "./ledger.ts";
import { approvalsFromGitHub } from "./approval-source.ts";
import { monitoringBound } from "./monitoring.ts";
import { imagesInRegistry, referrersAttached } from "./registry.ts";
import { versionsImmutable } from "./versions.ts";
import { deregisteredNotReleased, registryOfPublished, releaseOfPublished, releaseTagKept } from "./releases.ts";
import {
  noDeregistrationWhileRunning,
  stageNumberRises,
  stageTagOfRecord,
  stageTagsInOrder,
  stageTagWithRecord,
  tagAnnotated,
  versionTagOnPublish,
} from "./tags.ts";

/**
 * Every rule of `audit verify`, by what it is about, in the order ../verify.ts runs them: for each ledger, its
 * ledger rules and then each record's rules; then each commit's; then each tag's; then the history's. The order is
 * the order of the findings (a rule that does not apply to a record returns none).
 */
/**
 * The rules about a ledger's own integrity — every line readable, the chain whole, only ever appended to — that
 * publish also checks on the GitOps branch before it chains a record onto the ledger (../run.ts ledgerAppendFindings).
 */
export const LEDGER_INTEGRITY: LedgerRule[] = [ledgerLinesReadable, ledgerChained, ledgerOnlyAppended];

export const RULES: {
  ledger: LedgerRule[];
  entry: EntryRule[];
  commit: CommitRule[];
  tag: TagRule[];
  history: HistoryRule[];
} = {
  ledger: [
    ...LEDGER_INTEGRITY,
    cardKept,
    (_facts, view) => versionsImmutable(view),
    (facts, view) => approvalsFromGitHub(view, facts.snap.config.environments),
  ],
  entry: [
    recordOfItsModel,
    recordAppendedByModelgate,
    recordTrailersMatch,
    sourceInHistory,
    // publish records
    evaluationAtItsAddress,
    evaluationBound,
    evaluationVerdict,
    approvedHead,
    cardAtPublish,
    // release and rollback records
    releaseOfPublished,
    releaseTagKept,
    deregisteredNotReleased,
    // deregistration and unassignment records
    registryOfPublished,
    // every record
    stageTagOfRecord,
    stageNumberRises,
    // with --trust: signed by an allowed key or identity, over exactly this record and its image
    recordAttested,
  ],
  commit: [noTrailersWithoutRecord, deployEditsByModelgate, configChangeReviewed, monitoringBound],
  tag: [tagAnnotated, versionTagOnPublish, stageTagWithRecord, noDeregistrationWhileRunning],
  history: [stageTagsInOrder, imagesInRegistry, imagesAttested, referrersAttached],
};
