import type { BundleVerifier } from "../../attest/check.ts";
import type { LoadedTrust } from "../../attest/trust.ts";
import type { LedgerEntry } from "../../ledger/ledger.ts";
import type { Model } from "../../manifest/schema.ts";
import type { EvaluationRecord } from "../../records/evaluation.ts";
import type { EvaluationAnswer } from "../judging.ts";
import { type AuditConfig, type CommitInfo, short, type Snapshot, type TagInfo } from "../history.ts";
import type { Addition, LedgerView } from "../ledgers.ts";
import type { Check, Finding } from "../schema.ts";

/**
 * What every rule of `audit verify` reads: the values ../verify.ts read from git once (the history, the selected
 * models' ledgers, the objects they cite, the registry's answers), and the indexes built from them. Read-only: a rule
 * is a function from these facts (and the ledger, record, commit or tag it is about) to findings, and runs no git.
 */
export interface VerifyFacts {
  readonly snap: Snapshot;
  /** The audited models' ledgers, by model, in the order audited. */
  readonly views: ReadonlyMap<string, LedgerView>;
  /** Every model whose ledger the history ever held, audited or not. */
  readonly ledgerModels: ReadonlySet<string>;
  /** The objects read, by the name they were read by (`<commit>:<path>`, or a blob id). */
  readonly blobs: ReadonlyMap<string, Buffer | undefined>;
  /** The repository's tags by name. */
  readonly tags: ReadonlyMap<string, TagInfo>;
  /**
   * The model manifest at each publish record's source commit, by the record's digest (undefined: none there that is
   * valid and of that model).
   */
  readonly manifests: ReadonlyMap<string, Model | undefined>;
  /** modelgate.yaml as the commit that appended each release record holds it (the tip's when it has none), by commit. */
  readonly configs: ReadonlyMap<string, AuditConfig>;
  /** Every stage tag a record of an audited model names. */
  readonly stageTagsCited: ReadonlySet<string>;
  /** The commits that published each version (`<model>@<version>`), as the ledgers say. */
  readonly publishedBy: ReadonlyMap<string, ReadonlySet<string>>;
  /** Every commit that published a version of an audited model. */
  readonly versionCommits: ReadonlySet<string>;
  /** With --registry: each image the records name, and what its registry (or the local layout) answered. */
  readonly images?: readonly ImageProbe[];
  /** With --trust: whose signatures count; each record's bundles are in `blobs` (`<tip>:<path>`). */
  readonly trust?: LoadedTrust;
  /** How a bundle's signature is checked (../../attest/verify.ts, loaded only with a trust policy). */
  readonly verifyBundle: BundleVerifier;
  /** With --registry: each publish record's image, and which of the referrers the record promises it lacks. */
  readonly referrers?: readonly ReferrerProbe[];
  /**
   * Each publish record's evaluation record as a worker thread read and judged it (../judge-worker.ts), by the
   * record's digest; a record without one is read and judged by the rules themselves.
   */
  readonly evaluations?: ReadonlyMap<string, EvaluationAnswer>;
}

/** An evaluation record as read from git: absent, its bytes' digest, and its fields when it has the right shape. */
export interface EvaluationRead {
  /** False when git has no file at the path. */
  found: boolean;
  /** sha256:<hex> of the bytes. */
  digest?: string;
  record?: EvaluationRecord;
  /** Why the bytes are not an evaluation record. */
  error?: string;
}

/** An image a record names, checked in its registry (HEAD by digest) or the local OCI layout. */
export interface ImageProbe {
  reference: string;
  /** The record that first names it. */
  model: string;
  sequence: number;
  recordDigest: string;
  /** Why the image is not there (undefined: it is). */
  missing?: string;
  /** With --trust: the Sigstore bundles attached to it as OCI referrers (their text), as the registry serves them. */
  bundles?: string[];
}

/**
 * A publish record, and the referrers of its image it promises: the evaluation record it cites (by digest), itself
 * (the promotion record), and the model card, as publish attaches them after its commit.
 */
export interface ReferrerProbe {
  model: string;
  sequence: number;
  version: string;
  recordDigest: string;
  /** The image, REPOSITORY@DIGEST. */
  reference: string;
  /** The promised referrers the image does not have, in words (empty: all there). */
  missing: string[];
  /** Why they could not be checked (the registry failed). */
  error?: string;
}

/** One record of a ledger, with what the history says about it. */
export interface EntryFacts {
  readonly view: LedgerView;
  readonly entry: LedgerEntry;
  /** Its position in the ledger: the entries before it are view.entries.slice(0, index). */
  readonly index: number;
  /** The change that appended its line (undefined: no commit of the history did). */
  readonly added: Addition | undefined;
  /** That change's commit, when the history read holds it. */
  readonly commit: CommitInfo | undefined;
  /** The highest stage number the earlier records of the ledger assigned in its environment. */
  readonly lastStage: number | undefined;
}

/** A rule about one model's ledger as a whole. */
export type LedgerRule = (facts: VerifyFacts, view: LedgerView) => Finding[];
/** A rule about one record of a ledger. */
export type EntryRule = (facts: VerifyFacts, at: EntryFacts) => Finding[];
/** A rule about one commit that changed the deploy or records folders. */
export type CommitRule = (facts: VerifyFacts, commit: CommitInfo) => Finding[];
/** A rule about one tag of the repository. */
export type TagRule = (facts: VerifyFacts, tag: TagInfo) => Finding[];
/** A rule about the history as a whole. */
export type HistoryRule = (facts: VerifyFacts) => Finding[];

/** Where a finding points. */
export interface Where {
  model?: string;
  commit?: string;
  tag?: string;
  entry?: LedgerEntry;
  /** A record known by its sequence and digest only (when there is no entry at hand). */
  record?: { sequence: number; digest: string };
  path?: string;
}

/** One finding: which check, where, what was found, and what was expected. */
export function finding(check: Check, where: Where, message: string, expected: string): Finding {
  return {
    check,
    model: where.model ?? null,
    commit: where.commit ?? null,
    tag: where.tag ?? null,
    record: where.entry
      ? { sequence: where.entry.record.sequence, digest: where.entry.digest }
      : (where.record ?? null),
    path: where.path ?? null,
    message,
    expected,
  };
}

/** "record #N (ACTION VERSION to ENV)", "(unassign VERSION from ENV)", "(deregister VERSION)". */
export const recordText = (e: LedgerEntry) => `record #${e.record.sequence} (${actionText(e.record)})`;

import { actionText } from "../../records/promotion-read.ts";

export { actionText };

/** "commit OID ("subject", Name <email>, date)". */
export const commitText = (c: CommitInfo) =>
  `commit ${short(c.oid)} ("${c.subject}", ${c.author.name} <${c.author.email}>, ${c.committer.date})`;
