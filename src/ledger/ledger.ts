import { type PromotionRecord, promotionRecordSchema } from "../records/promotion.ts";
import { canonicalJson, recordDigest } from "./canonical.ts";
import { useZodCheck } from "../records/promotion-read.ts";
import { parseLedger } from "./read.ts";

export {
  attestationPathBeside,
  chainProblems,
  currentIn,
  evaluationCopyPath,
  type LedgerEntry,
  type LedgerProblem,
  parseLedger,
  promotionsPath,
} from "./read.ts";

/** Writes a model's promotion ledger (./read.ts reads it): `<records>/<model>/promotions.jsonl`. */

// ./read.ts, which loads no zod, asks the schema about a record the generated check does not accept: whoever imports
// this module (every command but audit's timeline) reads ledgers with zod's words for what is wrong
useZodCheck((json) => promotionRecordSchema.safeParse(json));

export type NewRecord = Omit<PromotionRecord, "sequence" | "previous">;

/**
 * Appends a record to a ledger's text, chained to its last entry: the new text, the full record and its digest.
 * `seal`, when given, completes the chained record before it is written (the attestation block, which names the
 * Statements that attest the chained record's body).
 */
export function appendToLedger(
  text: string,
  record: NewRecord,
  seal?: (chained: PromotionRecord) => PromotionRecord,
): { text: string; record: PromotionRecord; digest: string } {
  const { entries } = parseLedger(text);
  const last = entries.at(-1);
  const chained = promotionRecordSchema.parse({
    ...record,
    sequence: last ? last.record.sequence + 1 : 1,
    previous: last ? last.digest : null,
  });
  const full = seal ? promotionRecordSchema.parse(seal(chained)) : chained;
  const line = canonicalJson(full);
  const base = text === "" || text.endsWith("\n") ? text : `${text}\n`;
  return { text: `${base}${line}\n`, record: full, digest: recordDigest(full) };
}
