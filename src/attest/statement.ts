import type { promotionPredicateSchema, statementSchema, subjectSchema } from "./statement-schema.ts";
import type { z } from "zod";

/**
 * in-toto Statement v1 (https://github.com/in-toto/attestation/blob/main/spec/v1/statement.md): what is attested
 * (subjects, by digest) and what is said of it (a typed predicate). modelgate attests each publish and release with
 * its own predicate (PROMOTION_PREDICATE) and the image build with SLSA provenance v1. Their zod schemas are in
 * ./statement-schema.ts, so that building and comparing Statements (`audit verify`, ./promotion.ts) loads no zod.
 */

export const STATEMENT_TYPE = "https://in-toto.io/Statement/v1";
export const PAYLOAD_TYPE = "application/vnd.in-toto+json";
export const SLSA_PROVENANCE = "https://slsa.dev/provenance/v1";
/** modelgate's predicate: a promotion (publish, release, rollback) and the evidence it rested on. */
export const PROMOTION_PREDICATE = "https://modelgate.dev/attestation/promotion/v1";

export type Subject = z.infer<typeof subjectSchema>;
export type Statement = z.infer<typeof statementSchema>;
export type PromotionPredicate = z.infer<typeof promotionPredicateSchema>;

/** A Statement over `subjects` saying `predicate` (of `predicateType`), subjects sorted for stable bytes. */
export function statement(subjects: Subject[], predicateType: string, predicate: Record<string, unknown>): Statement {
  const subject = [...subjects].sort(
    (a, b) => a.name.localeCompare(b.name) || a.digest.sha256.localeCompare(b.digest.sha256),
  );
  return { _type: STATEMENT_TYPE, subject, predicateType, predicate };
}

/** A subject from a `sha256:<hex>` digest. */
export function subject(name: string, digest: string): Subject {
  return { name, digest: { sha256: digest.replace(/^sha256:/, "") } };
}
