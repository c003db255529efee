/**
 * Commit trailers on every commit modelgate makes (git interpret-trailers syntax: "Key: value" lines in the last
 * paragraph of the message; keys of letters, digits and hyphens). The keys are PRODUCT.md's; a key may repeat
 * (one Data-Digest per dataset, one Approved-by per reviewer).
 */
export const TRAILER_KEYS = [
  "Model",
  "Model-Version",
  "Model-Digest",
  "Data-Digest",
  "Eval-Record",
  "Eval-Gate",
  "Reviewed-on",
  "Approved-by",
  "Image",
  "Environment",
  "Promoted-by",
  "Supersedes",
  "Promotion-Record",
  "Stage-Tag",
] as const;
export type TrailerKey = (typeof TRAILER_KEYS)[number];
export type Trailers = [TrailerKey, string][];

/** One line per value; values are made single-line (a line break in a value would end the trailer block). */
export function formatTrailers(trailers: Trailers): string {
  return trailers.map(([k, v]) => `${k}: ${v.replace(/[\r\n]+/g, " ").trim()}`).join("\n");
}

/** A commit message: subject, body, then the trailer block as its last paragraph. */
export function commitMessage(subject: string, body: string, trailers: Trailers): string {
  return [subject, body.trim(), formatTrailers(trailers)].filter(Boolean).join("\n\n");
}

/**
 * Reads trailers from the text git prints for `%(trailers:only,unfold)` (or `git interpret-trailers --parse`):
 * every value of every key, in order.
 */
export function parseTrailers(text: string): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const line of text.split("\n")) {
    const m = /^([A-Za-z0-9-]+):\s?(.*)$/.exec(line.trimEnd());
    if (!m) continue;
    const list = out.get(m[1]) ?? [];
    list.push(m[2]);
    out.set(m[1], list);
  }
  return out;
}
