import type { PromotionRecord } from "../records/promotion.ts";
import { parsePromotionRecord, placesVersion } from "../records/promotion-read.ts";
import { canonicalOf, sha256Of } from "./canonical.ts";

/**
 * A model's promotion ledger: `<records>/<model>/promotions.jsonl`, one canonical-JSON promotion record per line,
 * each naming the digest of the line before it. Pure functions over the file's text; git and I/O live elsewhere. This
 * module reads ledgers without loading zod (audit's timeline); ./ledger.ts writes them.
 */

export const promotionsPath = (recordsDir: string, model: string) => `${recordsDir}/${model}/promotions.jsonl`;
/** Evaluation records are kept content-addressed: the file name is the sha256 of its bytes. */
export const evaluationCopyPath = (recordsDir: string, model: string, hex: string) =>
  `${recordsDir}/${model}/evaluations/${hex}.json`;

export interface LedgerEntry {
  record: PromotionRecord;
  digest: string;
  line: number;
}

export interface LedgerProblem {
  line: number;
  message: string;
}

/**
 * Reads a ledger's text: the entries that parse and validate, and a problem for each line that does not. A record the
 * generated check does not accept is worded by zod: SchemaNotLoaded when ./ledger.ts was not imported
 * (../records/promotion-read.ts).
 */
export function parseLedger(text: string): { entries: LedgerEntry[]; problems: LedgerProblem[] } {
  const entries: LedgerEntry[] = [];
  const problems: LedgerProblem[] = [];
  const lines = text.split("\n");
  for (let i = 0; i < lines.length; i++) {
    const raw = lines[i];
    if (raw.trim() === "") continue;
    let json: unknown;
    try {
      json = JSON.parse(raw);
    } catch (err) {
      problems.push({ line: i + 1, message: `not JSON: ${(err as Error).message}` });
      continue;
    }
    const r = parsePromotionRecord(json);
    if (!r.success) {
      const issue = r.error.issues[0];
      problems.push({ line: i + 1, message: `not a promotion record: ${issue.path.join(".")}: ${issue.message}` });
      continue;
    }
    const canonical = canonicalOf(raw, json);
    if (canonical !== raw) {
      problems.push({ line: i + 1, message: "not in canonical form (RFC 8785): the line was edited by hand" });
    }
    entries.push({ record: r.data, digest: sha256Of(canonical), line: i + 1 });
  }
  return { entries, problems };
}

/** The chain's breaks: a sequence out of order, or a `previous` that is not the digest of the line before. */
export function chainProblems(entries: LedgerEntry[]): LedgerProblem[] {
  const out: LedgerProblem[] = [];
  let prev: LedgerEntry | undefined;
  for (const e of entries) {
    const wantSeq = prev ? prev.record.sequence + 1 : 1;
    if (e.record.sequence !== wantSeq) {
      out.push({ line: e.line, message: `sequence ${e.record.sequence}, expected ${wantSeq}` });
    }
    const wantPrev = prev ? prev.digest : null;
    if (e.record.previous !== wantPrev) {
      out.push({
        line: e.line,
        message: `previous is ${e.record.previous ?? "null"}, but the entry before it has digest ${wantPrev ?? "(none: this is the first entry)"}`,
      });
    }
    prev = e;
  }
  return out;
}

/** Signed bundles are kept beside the ledger, named by the hex sha256 of the Statement they sign. */
export const attestationPathBeside = (ledgerPath: string, hex: string) =>
  ledgerPath.replace(/promotions\.jsonl$/, `attestations/${hex}.sigstore.json`);

/**
 * The record that currently holds an environment, from a ledger's entries: the last one that placed a version there
 * (a deregistration or an unassignment places nothing).
 */
export function currentIn(entries: LedgerEntry[], environment: string): LedgerEntry | undefined {
  for (let i = entries.length - 1; i >= 0; i--) {
    const r = entries[i].record;
    if (r.environment === environment && placesVersion(r)) return entries[i];
  }
  return undefined;
}
