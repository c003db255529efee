/** A problem (or warning) found by validation, tied to a place a person can open. */
export interface Finding {
  severity: "error" | "warning";
  /** Which check found it: yaml, schema, reference, path, digest, data, leakage, drift. */
  check: string;
  /** Path relative to the repository root (or as given). */
  file: string;
  line?: number;
  col?: number;
  /** The data column concerned, for data checks. */
  column?: string;
  message: string;
}

export function findingLocation(f: Finding): string {
  let loc = f.file;
  if (f.line) loc += `:${f.line}:${f.col ?? 1}`;
  if (f.column) loc += ` (column "${f.column}")`;
  return loc;
}

export function sortFindings(findings: Finding[]): Finding[] {
  return [...findings].sort(
    (a, b) => compareNames(a.file, b.file) || (a.line ?? 0) - (b.line ?? 0) || (a.col ?? 0) - (b.col ?? 0),
  );
}

/** Names whose order under localeCompare is the order of their code units (test/manifest checks the two agree). */
const PLAIN_NAME = /^[a-z0-9./-]*$/;

/**
 * The sign of `a.localeCompare(b)`, without ICU's collator for the plain names files mostly have (lowercase letters,
 * digits, ".", "/" and "-", whose collation order is their code units'): the collator's start cost about 5 ms of a
 * short command's CPU. Any other name is compared by localeCompare.
 */
export function compareNames(a: string, b: string): number {
  if (PLAIN_NAME.test(a) && PLAIN_NAME.test(b)) return a < b ? -1 : a > b ? 1 : 0;
  return a.localeCompare(b);
}

/** Edit distance, for "did you mean" suggestions. */
export function levenshtein(a: string, b: string): number {
  const prev = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let diag = prev[0];
    prev[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const tmp = prev[j];
      prev[j] = Math.min(prev[j] + 1, prev[j - 1] + 1, diag + (a[i - 1] === b[j - 1] ? 0 : 1));
      diag = tmp;
    }
  }
  return prev[b.length];
}

/** The closest of `options` to `word`, when it is close enough to be a likely typo. */
export function didYouMean(word: string, iterable: Iterable<string>): string | undefined {
  const options = [...iterable];
  let best: string | undefined;
  let bestD = Infinity;
  for (const o of options) {
    const d = levenshtein(word.toLowerCase(), o.toLowerCase());
    if (d < bestD) {
      bestD = d;
      best = o;
    }
  }
  const limit = Math.max(2, Math.floor(word.length / 3));
  if (best !== undefined && bestD <= limit) return best;
  // a word that is a part of exactly one option ("auc" → "roc_auc")
  const parts = [...options].filter((o) =>
    o
      .toLowerCase()
      .split(/[_\-.]/)
      .includes(word.toLowerCase()),
  );
  return parts.length === 1 ? parts[0] : undefined;
}
