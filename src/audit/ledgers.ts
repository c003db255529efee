import { recordDigest } from "../ledger/canonical.ts";
import { chainProblems, type LedgerEntry, type LedgerProblem, parseLedger, promotionsPath } from "../ledger/read.ts";
import type { PromotionRecord } from "../records/promotion.ts";
import { actionText, parsePromotionRecord } from "../records/promotion-read.ts";
import type { PathChange } from "../git/history.ts";
import { prefixIndex } from "./blob-ids.ts";
import { type CommitInfo, escapeRe, modelNamesOfTags, type Snapshot, ZERO } from "./history.ts";

/**
 * A model's promotion ledger through history: the entries at the tip, and for every commit that changed the ledger,
 * what it did to it. A ledger only ever grows by one record per modelgate commit, so each change is checked to be
 * exactly that: the ledger before is a prefix of the ledger after, with one more line. For the usual history every
 * version of the file is a prefix of the tip's, so git's blob ids of the tip's prefixes (hashed here, not read) name
 * them all and no old version is read; only a change that is not such an append (a record deleted, edited, inserted
 * or rewritten) has its two versions read, to say what it did.
 */

/** A record line as some commit appended it. */
export interface Addition {
  line: string;
  commit: string;
  record?: PromotionRecord;
  digest?: string;
  /** Added by a change that was not a plain one-record append (an edit, an insertion, several at once). */
  tampered: boolean;
}

/** A change to the ledger that was not a one-record append. */
export interface Rewrite {
  commit: string;
  message: string;
  /** What a plain append would have looked like. */
  expected: string;
}

export interface LedgerView {
  model: string;
  path: string;
  /** The ledger's text at the tip (undefined when the file is not there). */
  text: string | undefined;
  /** The text's lines (an entry's line number indexes them from 1). */
  lines: string[];
  entries: LedgerEntry[];
  /** Lines at the tip that do not parse, validate or keep canonical form. */
  problems: LedgerProblem[];
  /** Breaks of the hash chain at the tip. */
  chain: LedgerProblem[];
  /** Each record line, by the first commit that added it. */
  added: Map<string, Addition>;
  /** What each commit added. */
  byCommit: Map<string, Addition[]>;
  rewrites: Rewrite[];
}

/** The models whose ledger the records folder ever held (by any commit of the history). */
export function ledgerModels(snap: Snapshot): Set<string> {
  const names = new Set<string>();
  const re = new RegExp(`^${escapeRe(snap.config.records)}/([^/]+)/promotions\\.jsonl$`);
  for (const c of snap.commits)
    for (const ch of c.touched) {
      const m = re.exec(ch.path);
      if (m) names.add(m[1]);
    }
  return names;
}

/**
 * The models the history knows: every ledger the records folder ever held, and the name of every registry tag that a
 * modelgate model could have (GTO's other artifacts, named with `_`, `/`, capitals or a `dirname=` prefix, are not).
 */
export function modelsOf(snap: Snapshot): string[] {
  const names = ledgerModels(snap);
  for (const n of modelNamesOfTags(snap.tags)) names.add(n);
  return [...names].sort();
}

const lines = (text: string) => text.split("\n").filter((l) => l.trim() !== "");

export { prefixIndex };

interface LedgerChange {
  commit: CommitInfo;
  change: PathChange;
}

const byPath = new WeakMap<Snapshot, Map<string, LedgerChange[]>>();

/** The changes to one path, oldest first (indexed once per snapshot). */
function ledgerChanges(snap: Snapshot, path: string): LedgerChange[] {
  let index = byPath.get(snap);
  if (!index) {
    index = new Map();
    for (const c of snap.commits)
      for (const ch of c.changes) {
        const list = index.get(ch.path) ?? [];
        list.push({ commit: c, change: ch });
        index.set(ch.path, list);
      }
    byPath.set(snap, index);
  }
  return index.get(path) ?? [];
}

/**
 * The plan for one ledger: which changes are plain appends of the tip's lines (known from blob ids alone), and the
 * blob ids to read for the others. With `exact: false` (the timeline, which verify does not back), a change is taken
 * to append the record its commit's Promotion-Record trailer names, and nothing is hashed or read.
 */
export function planLedger(
  snap: Snapshot,
  model: string,
  text: string | undefined,
  opts: { exact: boolean; parsed: ReturnType<typeof parseLedger>; index?: Map<string, number> },
): { path: string; appends: Map<string, number>; read: string[]; exact: boolean } {
  const path = promotionsPath(snap.config.records, model);
  const appends = new Map<string, number>();
  const read = new Set<string>();
  if (!opts.exact) {
    const lineOf = new Map(opts.parsed.entries.map((e) => [e.digest, e.line]));
    for (const { commit, change } of ledgerChanges(snap, path)) {
      for (const d of commit.trailers.get("Promotion-Record") ?? []) {
        const line = lineOf.get(d);
        if (line !== undefined) appends.set(`${commit.oid}:${change.newOid}`, line);
      }
    }
    return { path, appends, read: [], exact: false };
  }
  const index = opts.index ?? prefixIndex(text, snap.objectFormat);
  const tipLines = text === undefined ? [] : text.split("\n");
  for (const { commit, change } of ledgerChanges(snap, path)) {
    const before = ZERO.test(change.oldOid) ? 0 : index.get(change.oldOid);
    const after = ZERO.test(change.newOid) ? undefined : index.get(change.newOid);
    if (before !== undefined && after !== undefined && after === before + 1 && tipLines[after - 1].trim() !== "") {
      appends.set(`${commit.oid}:${change.newOid}`, after);
      continue;
    }
    if (!ZERO.test(change.oldOid)) read.add(change.oldOid);
    if (!ZERO.test(change.newOid)) read.add(change.newOid);
  }
  return { path, appends, read: [...read], exact: true };
}

function parseLine(line: string): { record?: PromotionRecord; digest?: string } {
  let json: unknown;
  try {
    json = JSON.parse(line);
  } catch {
    return {};
  }
  // a record the generated check does not accept is zod's (loaded by ./run.ts whenever it reads exactly)
  const r = parsePromotionRecord(json);
  return r.success ? { record: r.data, digest: recordDigest(json) } : {};
}

const describe = (line: string) => {
  const { record, digest } = parseLine(line);
  if (record) return `#${record.sequence} (${actionText(record)}, ${digest})`;
  try {
    const j = JSON.parse(line) as { sequence?: unknown };
    if (typeof j.sequence === "number") return `#${j.sequence} (not a valid record)`;
  } catch {}
  return `"${line.slice(0, 60)}${line.length > 60 ? "…" : ""}"`;
};

/** The top-level and nested fields whose values differ between two JSON lines. */
function changedFields(a: string, b: string): string[] {
  let x: unknown;
  let y: unknown;
  try {
    x = JSON.parse(a);
    y = JSON.parse(b);
  } catch {
    return [];
  }
  const out: string[] = [];
  const walk = (p: string, u: unknown, v: unknown) => {
    if (JSON.stringify(u) === JSON.stringify(v)) return;
    if (u && v && typeof u === "object" && typeof v === "object" && !Array.isArray(u) && !Array.isArray(v)) {
      for (const k of new Set([...Object.keys(u), ...Object.keys(v)]))
        walk(p ? `${p}.${k}` : k, (u as Record<string, unknown>)[k], (v as Record<string, unknown>)[k]);
      return;
    }
    out.push(p || "(the whole record)");
  };
  walk("", x, y);
  return out;
}

/** What a change that is not a plain append did, from the ledger's text before and after it. */
export function classify(
  before: string[],
  after: string[],
): {
  kind: "append" | "bulk" | "deleted" | "edited" | "inserted" | "reordered" | "rewritten";
  added: string[];
  message: string;
  /** For an edit: each new line with the line it replaced. */
  replaced?: Map<string, string>;
} {
  const isPrefix = before.length <= after.length && before.every((l, i) => after[i] === l);
  if (isPrefix) {
    const added = after.slice(before.length);
    if (added.length === 1) return { kind: "append", added, message: "" };
    return {
      kind: "bulk",
      added,
      message: `appended ${added.length} records in one commit (${added.map(describe).join(", ")}); modelgate appends one record per commit, with its trailers`,
    };
  }
  const beforeSet = new Set(before);
  const afterSet = new Set(after);
  const removed = before.filter((l) => !afterSet.has(l));
  const added = after.filter((l) => !beforeSet.has(l));
  if (added.length === 0 && removed.length > 0) {
    return {
      kind: "deleted",
      added,
      message: `deleted ${removed.length === 1 ? "record" : `${removed.length} records`} ${removed.map(describe).join(", ")}`,
    };
  }
  if (removed.length === 0 && added.length > 0) {
    const at = after.indexOf(added[0]);
    return {
      kind: "inserted",
      added,
      message: `inserted ${added.map(describe).join(", ")} at line ${at + 1}, before ${describe(after[at + 1] ?? "")}: records are only ever appended, in order`,
    };
  }
  if (removed.length === 0 && added.length === 0) {
    return { kind: "reordered", added, message: "reordered the records (same lines, another order)" };
  }
  if (
    removed.length === added.length &&
    removed.every((l) => before.indexOf(l) === after.indexOf(added[removed.indexOf(l)]))
  ) {
    const parts = removed.map((l, i) => {
      const fields = changedFields(l, added[i]);
      return `${describe(l)}${fields.length ? `: ${fields.join(", ")} changed` : ""}`;
    });
    return {
      kind: "edited",
      added,
      message: `edited record ${parts.join("; ")}`,
      replaced: new Map(added.map((l, i) => [l, removed[i]])),
    };
  }
  return {
    kind: "rewritten",
    added,
    message: `rewrote the ledger: removed ${removed.map(describe).join(", ")}; added ${added.map(describe).join(", ")}`,
  };
}

/** The ledger of one model through history, from the tip's text and the blobs `planLedger` asked for. */
export function indexLedger(
  snap: Snapshot,
  model: string,
  text: string | undefined,
  plan: ReturnType<typeof planLedger>,
  blobs: Map<string, Buffer | undefined>,
  parsed: ReturnType<typeof parseLedger> = parseLedger(text ?? ""),
): LedgerView {
  const tipLines = text === undefined ? [] : text.split("\n");
  // the tip's lines are parsed once; a line only history holds (deleted, or edited since) is parsed when met
  const known = new Map(parsed.entries.map((e) => [tipLines[e.line - 1], { record: e.record, digest: e.digest }]));
  const added = new Map<string, Addition>();
  const byCommit = new Map<string, Addition[]>();
  const rewrites: Rewrite[] = [];
  // the lines some change took out of the ledger (a deletion, an edit, a rewrite: each its own finding)
  const removed = new Set<string>();
  let unreadable = false;
  const add = (line: string, commit: string, tampered: boolean) => {
    if (added.has(line)) return;
    const a: Addition = { line, commit, tampered };
    // the line's record and digest, when it has them (in that order, as a spread of either object would add them)
    const read = known.get(line) ?? parseLine(line);
    if ("record" in read) a.record = read.record;
    if ("digest" in read) a.digest = read.digest;
    added.set(line, a);
    const list = byCommit.get(commit) ?? [];
    list.push(a);
    byCommit.set(commit, list);
  };
  for (const { commit, change } of ledgerChanges(snap, plan.path)) {
    const k = plan.appends.get(`${commit.oid}:${change.newOid}`);
    if (k !== undefined && tipLines[k - 1].trim() !== "") {
      add(tipLines[k - 1], commit.oid, false);
      continue;
    }
    if (!plan.exact) continue;
    const read = (oid: string) =>
      ZERO.test(oid)
        ? []
        : blobs.get(oid) !== undefined
          ? lines((blobs.get(oid) as Buffer).toString("utf8"))
          : undefined;
    const before = read(change.oldOid);
    const after = read(change.newOid);
    if (before === undefined || after === undefined) {
      unreadable = true;
      rewrites.push({
        commit: commit.oid,
        message: `changed ${plan.path}, but a version of it is missing from the repository`,
        expected: "every version of the ledger readable in git",
      });
      continue;
    }
    const kept = new Set(after);
    for (const l of before) if (!kept.has(l)) removed.add(l);
    if (ZERO.test(change.newOid)) {
      rewrites.push({
        commit: commit.oid,
        message: `deleted ${plan.path} (${before.length} record${before.length === 1 ? "" : "s"})`,
        expected: "the ledger kept, and only ever appended to",
      });
      continue;
    }
    const c = classify(before, after);
    if (c.kind === "append") {
      add(c.added[0], commit.oid, false);
      continue;
    }
    // an edited record keeps the commit that first appended it: that is where its tags and overlay belong
    for (const l of c.added) add(l, added.get(c.replaced?.get(l) ?? "")?.commit ?? commit.oid, true);
    rewrites.push({
      commit: commit.oid,
      message: `${plan.path}: ${c.message}`,
      expected: "one record appended at the end, chained to the last",
    });
  }
  if (plan.exact && !unreadable) rewrites.push(...dropped(snap, plan.path, tipLines, added, removed));
  return {
    model,
    path: plan.path,
    text,
    lines: tipLines,
    entries: parsed.entries,
    problems: parsed.problems,
    chain: chainProblems(parsed.entries),
    added,
    byCommit,
    rewrites,
  };
}

/**
 * Records some commit appended that are not in the ledger at the tip although no change of the history took them
 * out: a merge that took the ledger from its other parent dropped them (the whole history is read, so the commit
 * that appended one is known even when the merge hid it from git's simplified history).
 */
function dropped(
  snap: Snapshot,
  path: string,
  tipLines: string[],
  added: Map<string, Addition>,
  removed: Set<string>,
): Rewrite[] {
  const atTip = new Set(tipLines);
  const out: Rewrite[] = [];
  for (const a of added.values()) {
    if (atTip.has(a.line) || removed.has(a.line)) continue;
    out.push({
      commit: a.commit,
      message: `${path}: record ${describe(a.line)} it appended is not in the ledger at ${snap.ref}, and no commit of the history deleted it: a merge dropped it`,
      expected: "every record appended kept in the ledger, which is only ever appended to",
    });
  }
  return out;
}

/** The line of the tip's text an entry was parsed from. */
export function entryLine(view: LedgerView, entry: LedgerEntry): string {
  return view.lines[entry.line - 1] ?? "";
}

/** The commit that added an entry (undefined when no commit in the history appended that exact line). */
export function addedBy(view: LedgerView, entry: LedgerEntry): Addition | undefined {
  return view.added.get(entryLine(view, entry));
}
