import { createRequire as __mgCreateRequire } from 'node:module'; const require = __mgCreateRequire(import.meta.url);
import {
  cellToNumber,
  cellToString,
  parseNumberText
} from "./chunk-6UXFBPQ7.js";

// src/data/typed-value.ts
function typedValue(col, cell) {
  if (cell === null) return null;
  switch (col.type) {
    case "float": {
      const n = typeof cell === "string" ? parseNumberText(cell) : cellToNumber(cell);
      if (n === null || n === void 0) return n;
      if (Number.isNaN(n)) return typeof cell === "string" || typeof cell === "number" ? null : void 0;
      return Number.isFinite(n) ? n : void 0;
    }
    case "integer": {
      const n = typeof cell === "string" ? parseNumberText(cell) : cellToNumber(cell);
      if (n === null) return null;
      return n !== void 0 && Number.isInteger(n) ? n : void 0;
    }
    case "boolean": {
      if (typeof cell === "boolean") return cell;
      const s = cellToString(cell)?.trim().toLowerCase();
      if (s === "true" || s === "1") return true;
      if (s === "false" || s === "0") return false;
      return void 0;
    }
    default:
      return cellToString(cell);
  }
}

// src/data/drift.ts
var MIN_EXPECTED = 5;
var DRIFT_ALPHA = 1e-3;
var EPS = 1e-4;
function featureDrift(reference, referenceRows, actual, ordered) {
  const m = actual.reduce((a, b) => a + b, 0);
  const sumRef = reference.reduce((a, b) => a + b, 0);
  const e = reference.map((f) => sumRef > 0 ? f / sumRef : 0);
  const n = referenceRows;
  if (m === 0) return void 0;
  const refCounts = n !== void 0 ? e.map((f) => f * n) : void 0;
  const expected = e.map(
    (f, j) => refCounts && n !== void 0 ? Math.min(n, m) * (refCounts[j] + actual[j]) / (n + m) : m * f
  );
  const groups = ordered ? mergeOrdered(expected) : mergeUnordered(expected);
  if (groups.length < 2) return void 0;
  const sum = (xs, g) => g.reduce((a, j) => a + xs[j], 0);
  const ge = groups.map((g) => sum(e, g));
  const ga = groups.map((g) => sum(actual, g));
  let psi = 0;
  for (let k = 0; k < groups.length; k++) {
    const ef = Math.max(ge[k], EPS);
    const af = Math.max(ga[k] / m, EPS);
    psi += (af - ef) * Math.log(af / ef);
  }
  let x2 = 0;
  if (refCounts && n !== void 0) {
    const gr = groups.map((g) => sum(refCounts, g));
    const t = n + m;
    for (let k = 0; k < groups.length; k++) {
      const c = gr[k] + ga[k];
      if (c === 0) continue;
      const er = n * c / t;
      const ea = m * c / t;
      x2 += (gr[k] - er) ** 2 / er + (ga[k] - ea) ** 2 / ea;
    }
  } else {
    for (let k = 0; k < groups.length; k++) {
      const ea = m * ge[k];
      if (ea > 0) x2 += (ga[k] - ea) ** 2 / ea;
      else if (ga[k] > 0) x2 = Number.POSITIVE_INFINITY;
    }
  }
  return {
    psi,
    p: chiSquareSurvival(x2, groups.length - 1),
    bins: groups.length,
    profileBins: reference.length,
    rows: { ...n !== void 0 ? { reference: Math.round(n) } : {}, actual: m }
  };
}
function driftLevel(d, limits, features) {
  if (d.p >= DRIFT_ALPHA / Math.max(1, features)) return "ok";
  if (d.psi >= limits.psiFail) return "fail";
  if (d.psi >= limits.psiWarn) return "warn";
  return "ok";
}
function mergeOrdered(expected) {
  const groups = [];
  let cur = [];
  let acc = 0;
  for (let j = 0; j < expected.length; j++) {
    cur.push(j);
    acc += expected[j];
    if (acc >= MIN_EXPECTED) {
      groups.push(cur);
      cur = [];
      acc = 0;
    }
  }
  if (cur.length > 0) {
    if (groups.length > 0) groups[groups.length - 1].push(...cur);
    else groups.push(cur);
  }
  return groups;
}
function mergeUnordered(expected) {
  const order = expected.map((_, j) => j).sort((a, b) => expected[a] - expected[b] || a - b);
  const pool = [];
  let acc = 0;
  let k = 0;
  while (k < order.length && expected[order[k]] < MIN_EXPECTED) {
    pool.push(order[k]);
    acc += expected[order[k]];
    k++;
  }
  while (pool.length > 0 && acc < MIN_EXPECTED && k < order.length) {
    pool.push(order[k]);
    acc += expected[order[k]];
    k++;
  }
  const groups = order.slice(k).map((j) => [j]);
  if (pool.length > 0) {
    if (acc >= MIN_EXPECTED || groups.length === 0) groups.push(pool);
    else groups[groups.length - 1].push(...pool);
  }
  return groups.sort((a, b) => Math.min(...a) - Math.min(...b));
}
function chiSquareSurvival(x, df) {
  if (!(x > 0)) return 1;
  if (x === Number.POSITIVE_INFINITY) return 0;
  return gammaQ(df / 2, x / 2);
}
function logGamma(z) {
  const c = [
    0.9999999999998099,
    676.5203681218851,
    -1259.1392167224028,
    771.3234287776531,
    -176.6150291621406,
    12.507343278686905,
    -0.13857109526572012,
    9984369578019572e-21,
    15056327351493116e-23
  ];
  if (z < 0.5) return Math.log(Math.PI / Math.sin(Math.PI * z)) - logGamma(1 - z);
  const w = z - 1;
  let a = c[0];
  const t = w + 7.5;
  for (let i = 1; i < 9; i++) a += c[i] / (w + i);
  return 0.5 * Math.log(2 * Math.PI) + (w + 0.5) * Math.log(t) - t + Math.log(a);
}
function gammaQ(a, x) {
  const lg = logGamma(a);
  if (x < a + 1) {
    let sum = 1 / a;
    let term = sum;
    for (let n = 1; n < 1e3; n++) {
      term *= x / (a + n);
      sum += term;
      if (Math.abs(term) < Math.abs(sum) * 1e-15) break;
    }
    return Math.max(0, 1 - sum * Math.exp(-x + a * Math.log(x) - lg));
  }
  const tiny = 1e-300;
  let b = x + 1 - a;
  let c = 1 / tiny;
  let d = 1 / b;
  let h = d;
  for (let i = 1; i < 1e3; i++) {
    const an = -i * (i - a);
    b += 2;
    d = an * d + b;
    if (Math.abs(d) < tiny) d = tiny;
    c = b + an / c;
    if (Math.abs(c) < tiny) c = tiny;
    d = 1 / d;
    const del = d * c;
    h *= del;
    if (Math.abs(del - 1) < 1e-15) break;
  }
  return Math.exp(-x + a * Math.log(x) - lg) * h;
}

export {
  DRIFT_ALPHA,
  featureDrift,
  driftLevel,
  chiSquareSurvival,
  typedValue
};
