import type { PromotionRecord } from "./promotion.ts";
import { checkPromotionRecord } from "./promotion-check.ts";

/**
 * Reading promotion records without loading zod: the check generated from the schema (./promotion-check.ts) accepts
 * every valid record, and zod (./promotion.ts) runs only for one it does not accept, to say what is wrong with it.
 * ../ledger/ledger.ts gives zod's check here when it loads, so that anyone who imported it (every command that writes
 * or reads ledgers, and audit when it reads exactly) reads as before; a reader that did not (`audit`'s timeline) is
 * told so by SchemaNotLoaded, loads ../ledger/ledger.ts, and reads again.
 */

/** What zod's safeParse answers, as much of it as the readers use. */
export type PromotionParse =
  | { success: true; data: PromotionRecord }
  | { success: false; error: { issues: { path: PropertyKey[]; message: string }[] } };

let zodCheck: ((json: unknown) => PromotionParse) | undefined;

/** zod's check of the schema, given by ../ledger/ledger.ts when it loads. */
export function useZodCheck(check: (json: unknown) => PromotionParse): void {
  zodCheck = check;
}

/** A record the generated check does not accept, read before ./promotion.ts was loaded: load it and read again. */
export class SchemaNotLoaded extends Error {
  constructor() {
    super("a promotion record needs zod's schema to say what is wrong with it: import ../ledger/ledger.ts first");
    this.name = "SchemaNotLoaded";
  }
}

/** A promotion record as zod's safeParse reads it (the same data, the same issues). */
export function parsePromotionRecord(json: unknown): PromotionParse {
  const data = checkPromotionRecord(json);
  if (data) return { success: true, data };
  if (!zodCheck) throw new SchemaNotLoaded();
  return zodCheck(json);
}

/**
 * True for the records that place a version in their environment (publish, release, rollback): what an environment
 * runs is its last such record. A deregistration or an unassignment places nothing.
 */
export const placesVersion = (r: Pick<PromotionRecord, "action">): boolean =>
  r.action === "publish" || r.action === "release" || r.action === "rollback";

/** What a record did, in a few words: "release 1.2.0 to production". */
export function actionText(r: PromotionRecord): string {
  if (r.action === "deregister") return `deregister ${r.model.version}`;
  if (r.action === "unassign") return `unassign ${r.model.version} from ${r.environment}`;
  return `${r.action} ${r.model.version} to ${r.environment}`;
}
