#!/usr/bin/env node
// Generates the example's card-transaction data: deterministic (seeded), so the same seed gives the same bytes and
// the same digests. Writes data/<name>.csv and fills sha256, sizeBytes and rows into data/<name>.yaml.
//
//   node scripts/generate-data.mjs            # regenerate all three files (from the example's root)
//   node scripts/generate-data.mjs --check    # exit 1 when a file or a manifest differs from what it would write
//
// The fraud label comes from a known process with noise (see `fraudLogit`): large amounts at night, a card used in
// another country, risky merchant categories, bursts of transactions and young accounts raise the odds. In LATAM,
// fraud is mostly card testing: many small online payments in a burst, a pattern the other regions rarely show.
// Legitimate transactions were downsampled (about 1 in 25 kept), as fraud data sets usually are, so fraud is ~9%.
// The drifted month (May) shifts the inputs (amounts up, more online payments and electronics, younger accounts) and
// the fraud itself (concept drift, see `ringLike`): a ring spends on new cards in small online purchases at everyday
// merchants, which January's data showed as the safest payments, so a model trained on January scores them low.
import { createHash } from "node:crypto";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");

/** The three files: a training month, the next month for evaluation, and a later, drifted month. */
export const DATASETS = [
  { name: "transactions-train", month: "2024-01", rows: 10000, seed: 20240101, drift: 0, firstId: 1_000_000 },
  { name: "transactions-eval", month: "2024-02", rows: 5000, seed: 20240201, drift: 0, firstId: 2_000_000 },
  { name: "transactions-drift", month: "2024-05", rows: 5000, seed: 20240501, drift: 1, firstId: 5_000_000 },
];

export const REGIONS = ["na", "eu", "apac", "latam"];
export const CHANNELS = ["pos", "online", "contactless"];
/** ISO 18245 merchant category codes, with their typical ticket size (median amount) and fraud propensity. */
export const MCCS = [
  { code: 5411, name: "grocery", share: 0.3, median: 45, risk: -0.6 },
  { code: 5812, name: "restaurants", share: 0.2, median: 38, risk: -0.4 },
  { code: 5999, name: "misc retail", share: 0.18, median: 60, risk: 0 },
  { code: 5732, name: "electronics", share: 0.12, median: 180, risk: 0.7 },
  { code: 4511, name: "airlines", share: 0.08, median: 420, risk: 0.5 },
  { code: 4829, name: "money transfer", share: 0.07, median: 250, risk: 1.0 },
  { code: 7995, name: "gambling", share: 0.05, median: 90, risk: 1.1 },
];

/** mulberry32: a small, fast, well-mixed 32-bit generator; the same seed gives the same sequence everywhere. */
export function rng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function pick(r, items, weights) {
  let u = r() * weights.reduce((a, b) => a + b, 0);
  for (let i = 0; i < items.length; i++) {
    u -= weights[i];
    if (u < 0) return items[i];
  }
  return items[items.length - 1];
}

function normal(r) {
  const u = Math.max(r(), 1e-12);
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * r());
}

/** Everyday merchants (grocery, misc retail), where the drifted month's ring spends. */
const EVERYDAY = [5411, 5999];
/** How much the drifted month's pattern raises the log-odds of fraud. */
const RING_LOGIT = 6;
/** The share of the drifted month's transactions that are the ring's purchases (the pattern's volume). */
const RING_SHARE = 0.08;

/**
 * The drifted month's pattern: a small (under 40 USD) online purchase at an everyday merchant, in the card's own
 * country, on a card opened within 45 days.
 */
export function ringLike(t) {
  return (
    t.channel === "online" &&
    t.amount < 40 &&
    EVERYDAY.includes(t.merchant_category) &&
    t.country_mismatch === 0 &&
    t.account_age_days <= 45
  );
}

/** The known fraud process: log-odds of fraud for one transaction (in the drifted month when `drift` is set). */
export function fraudLogit(t, drift = 0) {
  const night = t.hour <= 5 ? 1 : 0;
  const mcc = MCCS.find((m) => m.code === t.merchant_category);
  let z = 0;
  z += 0.9 * Math.log(t.amount / 60);
  z += 1.5 * night;
  z += 2.2 * t.country_mismatch;
  z += 1.6 * mcc.risk;
  const small = t.amount < 25;
  // Bursts of large payments are suspicious; bursts of small ones are mostly transit and coffee.
  z += small ? -0.05 * Math.min(t.velocity_24h, 15) : 0.35 * Math.min(t.velocity_24h, 15);
  z -= 0.8 * Math.log1p(t.account_age_days / 30);
  z += t.channel === "online" ? 0.8 : t.channel === "contactless" ? -0.5 : 0;
  if (t.region === "latam") {
    // Card testing: bursts of small online payments.
    const burst = t.velocity_24h >= 5 && small ? 1 : 0;
    z += 8 * burst - 0.5;
  }
  // The drifted month's new pattern (concept drift): a ring spending on freshly opened cards, in small online
  // purchases at everyday merchants, by day and at home: what was the safest kind of payment is now often fraud.
  if (drift && ringLike(t)) z += RING_LOGIT;
  return z - 3.2;
}

/** One of the ring's purchases in the drifted month: its features only; the label comes from `fraudLogit`. */
function ringTransaction(r, id) {
  return {
    transaction_id: id,
    amount: Math.round((8 + r() * 31) * 100) / 100,
    hour: 8 + Math.floor(r() * 13),
    merchant_category: EVERYDAY[Math.floor(r() * EVERYDAY.length)],
    country_mismatch: 0,
    velocity_24h: 1 + Math.floor(r() * 4),
    account_age_days: 1 + Math.floor(r() * 45),
    channel: "online",
    region: pick(r, REGIONS, [0.35, 0.3, 0.2, 0.15]),
  };
}

function labelled(r, t, drift) {
  const p = 1 / (1 + Math.exp(-(fraudLogit(t, drift) + 0.35 * normal(r))));
  return { ...t, is_fraud: r() < p ? 1 : 0 };
}

function transaction(r, id, drift) {
  if (drift && r() < RING_SHARE) return labelled(r, ringTransaction(r, id), drift);
  const region = pick(r, REGIONS, [0.35, 0.3, 0.2, 0.15]);
  const channel = pick(r, CHANNELS, drift ? [0.36, 0.48, 0.16] : [0.45, 0.4, 0.15]);
  const mcc = pick(
    r,
    MCCS,
    MCCS.map((m) => (drift && m.code === 5732 ? m.share * 2 : m.share)),
  );
  // Small payments in bursts: card testing in LATAM (online), transit and coffee elsewhere (contactless).
  const smallBurst =
    ((region === "latam" && channel === "online") || (region !== "latam" && channel === "contactless")) && r() < 0.3;
  const amount = smallBurst ? 1 + r() * 19 : Math.max(1, mcc.median * (drift ? 1.8 : 1) * Math.exp(0.9 * normal(r)));
  const hour = Math.floor(pick(r, [0, 6, 9, 12, 17, 21], [0.06, 0.1, 0.22, 0.27, 0.25, 0.1]) + r() * 3) % 24;
  const country_mismatch = r() < (region === "eu" ? 0.14 : 0.05) + (channel === "online" ? 0.04 : 0) ? 1 : 0;
  let velocity_24h = smallBurst ? 5 : 1;
  while (r() < 0.5 && velocity_24h < 30) velocity_24h++;
  const account_age_days = 1 + Math.floor(-Math.log(Math.max(r(), 1e-12)) * (drift ? 300 : 700));
  const t = {
    transaction_id: id,
    amount: Math.round(amount * 100) / 100,
    hour,
    merchant_category: mcc.code,
    country_mismatch,
    velocity_24h,
    account_age_days,
    channel,
    region,
  };
  return labelled(r, t, drift);
}

export const COLUMNS = [
  "transaction_id",
  "amount",
  "hour",
  "merchant_category",
  "country_mismatch",
  "velocity_24h",
  "account_age_days",
  "channel",
  "region",
  "is_fraud",
];

/** The CSV text of one dataset: deterministic in its spec. */
export function generateCsv(spec) {
  const r = rng(spec.seed);
  const lines = [COLUMNS.join(",")];
  for (let i = 0; i < spec.rows; i++) {
    const t = transaction(r, spec.firstId + i, spec.drift);
    lines.push(COLUMNS.map((c) => (c === "amount" ? t.amount.toFixed(2) : String(t[c]))).join(","));
  }
  return `${lines.join("\n")}\n`;
}

/** Replaces the value of a top-level `spec:` field (`  key: value`) in a manifest's text, keeping everything else. */
export function setSpecField(yaml, key, value) {
  const re = new RegExp(`^(  ${key}:)[^\\n]*$`, "m");
  if (!re.test(yaml)) throw new Error(`no "  ${key}:" line under spec to fill in`);
  return yaml.replace(re, `$1 ${value}`);
}

function main() {
  const check = process.argv.includes("--check");
  let stale = 0;
  for (const spec of DATASETS) {
    const csv = generateCsv(spec);
    const csvPath = join(root, "data", `${spec.name}.csv`);
    const yamlPath = join(root, "data", `${spec.name}.yaml`);
    const digest = createHash("sha256").update(csv).digest("hex");
    let yaml = readFileSync(yamlPath, "utf8");
    yaml = setSpecField(yaml, "sha256", digest);
    yaml = setSpecField(yaml, "sizeBytes", String(Buffer.byteLength(csv)));
    yaml = setSpecField(yaml, "rows", String(spec.rows));
    if (check) {
      const same =
        existsSync(csvPath) && readFileSync(csvPath, "utf8") === csv && readFileSync(yamlPath, "utf8") === yaml;
      if (!same) {
        console.error(`${spec.name}: differs from what the generator writes; run node scripts/generate-data.mjs`);
        stale++;
      }
      continue;
    }
    writeFileSync(csvPath, csv);
    writeFileSync(yamlPath, yaml);
    const fraud = csv.split("\n").filter((l) => l.endsWith(",1")).length;
    console.log(
      `data/${spec.name}.csv: ${spec.rows} rows, ${((100 * fraud) / spec.rows).toFixed(1)}% fraud, sha256 ${digest}`,
    );
  }
  if (stale) process.exit(1);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) main();
