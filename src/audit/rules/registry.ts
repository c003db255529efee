import { finding, type HistoryRule } from "./context.ts";

/**
 * image-missing (with --registry): every image a record names still exists where it says, by digest — as ../images.ts
 * found it in its registry, or in the local OCI layout for images published without one.
 */
export const imagesInRegistry: HistoryRule = (facts) =>
  (facts.images ?? []).flatMap((i) =>
    i.missing === undefined
      ? []
      : [
          finding(
            "image-missing",
            { model: i.model, record: { sequence: i.sequence, digest: i.recordDigest } },
            `${i.reference} (first named by record #${i.sequence}): ${i.missing}`,
            "every image a record names still in its registry, by digest",
          ),
        ],
  );

/**
 * referrer-missing (with --registry): every publish record's image carries the referrers the record promises — the
 * evaluation record it cites, the promotion record itself, the model card — as ../images.ts found them. An image that
 * is gone is image-missing instead.
 */
export const referrersAttached: HistoryRule = (facts) =>
  (facts.referrers ?? []).flatMap((p) =>
    p.missing.length === 0 && p.error === undefined
      ? []
      : [
          finding(
            "referrer-missing",
            { model: p.model, record: { sequence: p.sequence, digest: p.recordDigest } },
            p.error !== undefined
              ? `the referrers of ${p.reference} (record #${p.sequence}, publish ${p.version}) could not be checked: ${p.error}`
              : `${p.reference} lacks referrers that record #${p.sequence} (publish ${p.version}) promises: ${p.missing.join(", ")}; a rerun of \`modelgate publish\` on the merged commit attaches them`,
            "each published image carrying its evaluation record, its promotion record and its model card as OCI referrers",
          ),
        ],
  );
