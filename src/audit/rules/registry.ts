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
