import { manifestAt } from "../parsers.ts";
import type { PromotionRecord } from "../../records/promotion.ts";
import { type AuditConfig, CONFIG_PATH, type CommitInfo, configFrom, type Snapshot, ZERO } from "../history.ts";
import type { LedgerView } from "../ledgers.ts";
import { type CommitRule, commitText, finding } from "./context.ts";

/**
 * What audit verify reads is itself configured: modelgate.yaml's spec.paths (where the ledgers and overlays are) and
 * spec.gitops (where publish and release commit). A change of them moves what verify looks at, so it is a finding
 * unless it came through a reviewed change that verify can see: a pull request whose approval a publish record holds,
 * whose approved head holds the new settings and whose merge landed on a commit holding the old ones. Setting them
 * before anything was recorded (the first modelgate.yaml, no ledger yet under its records folder) is not a change.
 */

/** The settings that decide what verify reads. */
export interface AuditedSettings {
  paths: Pick<AuditConfig, "records" | "deploy" | "models" | "data">;
  gitops: AuditConfig["gitops"];
}

export const settingsOf = (c: AuditConfig): AuditedSettings => ({
  paths: { records: c.records, deploy: c.deploy, models: c.models, data: c.data },
  gitops: c.gitops,
});

/** The settings a modelgate.yaml's bytes hold (absent or invalid: the defaults, as publish and release read it). */
export function settingsAt(commit: string, bytes: Buffer | undefined): AuditedSettings {
  return settingsOf(configFrom(manifestAt(commit, CONFIG_PATH, bytes, "Config")));
}

/** "paths.deploy from deploy to elsewhere", one per setting that differs. */
export function settingsDiff(a: AuditedSettings, b: AuditedSettings): string[] {
  const out: string[] = [];
  const show = (v: string | null) => v ?? "(unset)";
  for (const k of ["records", "deploy", "models", "data"] as const)
    if (a.paths[k] !== b.paths[k]) out.push(`paths.${k} from ${a.paths[k]} to ${b.paths[k]}`);
  for (const k of ["remote", "branch"] as const)
    if (a.gitops[k] !== b.gitops[k]) out.push(`gitops.${k} from ${show(a.gitops[k])} to ${show(b.gitops[k])}`);
  return out;
}

/** The change a commit made to modelgate.yaml (what it made itself: for a merge, only unlike every parent's). */
export const configChangeOf = (c: CommitInfo) => c.changes.find((ch) => ch.path === CONFIG_PATH);

/** The objects the rule reads, once the history is known: each version of modelgate.yaml, and what decides it. */
export function configReads(snap: Snapshot, views: Iterable<Pick<LedgerView, "entries">>): string[] {
  const names: string[] = [];
  let changed = false;
  for (const c of snap.commits) {
    const ch = configChangeOf(c);
    if (!ch) continue;
    for (const oid of [ch.oldOid, ch.newOid]) if (!ZERO.test(oid)) names.push(oid);
    const parent = c.parents[0];
    if (!parent) continue;
    changed = true;
    // whether a ledger was there before (the folder the old settings name: the audited one, or the default)
    for (const dir of new Set([snap.config.records, "records"])) names.push(`${parent}:${dir}`);
  }
  if (!changed) return names;
  for (const v of views)
    for (const { record: r } of v.entries) {
      const head = reviewedHead(r);
      if (head) names.push(`${head}:${CONFIG_PATH}`, `${r.source}^1:${CONFIG_PATH}`);
    }
  return names;
}

/** The head of a publish record's pull request, when the record holds its approval by someone other than its author. */
function reviewedHead(r: PromotionRecord): string | undefined {
  const pr = r.pullRequest;
  const ok = r.action === "publish" && pr && r.approvals.some((a) => a.commit === pr.head && a.reviewer !== pr.author);
  return ok ? pr.head : undefined;
}

const same = (a: AuditedSettings, b: AuditedSettings) => settingsDiff(a, b).length === 0;

/** config-change: a commit that changed spec.paths or spec.gitops outside a reviewed change verify can see. */
export const configChangeReviewed: CommitRule = (facts, c) => {
  const ch = configChangeOf(c);
  if (!ch) return [];
  const read = (oid: string) => (ZERO.test(oid) ? undefined : facts.blobs.get(oid));
  const before = settingsAt(c.parents[0] ?? c.oid, read(ch.oldOid));
  const after = settingsAt(c.oid, read(ch.newOid));
  const diff = settingsDiff(before, after);
  if (diff.length === 0) return [];
  const parent = c.parents[0];
  // nothing recorded yet: the first settings of a repository that adopts modelgate
  if (!parent) return [];
  const ledgersBefore = `${parent}:${before.paths.records}`;
  if (facts.blobs.has(ledgersBefore) && facts.blobs.get(ledgersBefore) === undefined) return [];
  for (const v of facts.views.values())
    for (const { record: r } of v.entries) {
      const head = reviewedHead(r);
      const atHead = head === undefined ? undefined : facts.blobs.get(`${head}:${CONFIG_PATH}`);
      if (head === undefined || atHead === undefined) continue;
      const base = facts.blobs.get(`${r.source}^1:${CONFIG_PATH}`);
      if (same(settingsAt(head, atHead), after) && same(settingsAt(r.source, base), before)) return [];
    }
  return [
    finding(
      "config-change",
      { commit: c.oid, path: CONFIG_PATH },
      `${commitText(c)} changed ${CONFIG_PATH}: ${diff.join(", ")}. These settings decide which files audit verify reads, and no reviewed change verify can see made this one (no publish record holds an approval of a pull request whose head has the new settings and whose merge landed on the old)`,
      "spec.paths and spec.gitops changed only by a reviewed pull request that a publish record records (approved head with the new settings, merged onto the old)",
    ),
  ];
};
