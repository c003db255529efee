import { createRequire as __mgCreateRequire } from 'node:module'; const require = __mgCreateRequire(import.meta.url);

// src/manifest/findings.ts
function findingLocation(f) {
  let loc = f.file;
  if (f.line) loc += `:${f.line}:${f.col ?? 1}`;
  if (f.column) loc += ` (column "${f.column}")`;
  return loc;
}
function sortFindings(findings) {
  return [...findings].sort(
    (a, b) => compareNames(a.file, b.file) || (a.line ?? 0) - (b.line ?? 0) || (a.col ?? 0) - (b.col ?? 0)
  );
}
var PLAIN_NAME = /^[a-z0-9./-]*$/;
function compareNames(a, b) {
  if (PLAIN_NAME.test(a) && PLAIN_NAME.test(b)) return a < b ? -1 : a > b ? 1 : 0;
  return a.localeCompare(b);
}
function levenshtein(a, b) {
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
function didYouMean(word, iterable) {
  const options = [...iterable];
  let best;
  let bestD = Infinity;
  for (const o of options) {
    const d = levenshtein(word.toLowerCase(), o.toLowerCase());
    if (d < bestD) {
      bestD = d;
      best = o;
    }
  }
  const limit = Math.max(2, Math.floor(word.length / 3));
  if (best !== void 0 && bestD <= limit) return best;
  const parts = [...options].filter(
    (o) => o.toLowerCase().split(/[_\-.]/).includes(word.toLowerCase())
  );
  return parts.length === 1 ? parts[0] : void 0;
}

export {
  findingLocation,
  sortFindings,
  compareNames,
  didYouMean
};
