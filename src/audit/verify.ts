import { type BundleVerifier, bundlePaths } from "../attest/check.ts";
import type { LoadedTrust } from "../attest/trust.ts";
import { promotionsPath } from "../ledger/read.ts";
import { parseTag } from "../ledger/tags.ts";
import { manifestAt, withParsers } from "./parsers.ts";
import { modelManifestPaths } from "../records/model-manifest-paths.ts";
import type { Model } from "../manifest/schema.ts";
import type { PromotionRecord } from "../records/promotion.ts";
import { type AuditConfig, configFrom, deployPathOf, type Snapshot } from "./history.ts";
import type { ImageProbeOptions } from "./images.ts";
import { addedBy, type LedgerView, ledgerModels } from "./ledgers.ts";
import { cardReads } from "./rules/card.ts";
import { configReads } from "./rules/config.ts";
import { monitoringReads } from "./rules/monitoring.ts";
import type { EntryFacts, EntryRule, ImageProbe, ReferrerProbe, VerifyFacts } from "./rules/context.ts";
import { evaluationBound, evaluationVerdict } from "./rules/evaluation.ts";
import { RULES } from "./rules/table.ts";
import type { EvaluationAnswer } from "./judging.ts";
import type { AuditReport, Finding } from "./schema.ts";

/**
 * `audit verify`: every rule a history made by modelgate keeps (the table in ./rules/table.ts), checked on values
 * read from git (./history.ts). The facts the rules share (evaluation records, manifests and configurations at past
 * commits, indexes of the ledgers, the registry's answers) are read here once; each rule is pure. Each gap is one
 * finding naming what, where (commit, tag, record, path) and what was expected.
 */

/** A model's ledger entries, as far as reading them needs (a LedgerView has them). */
export type Ledger = Pick<LedgerView, "model" | "entries">;

/**
 * The objects verify reads that the ledgers alone name (evaluation records, the manifests at the merged commits):
 * read while the history is still being read.
 */
export function verifyEarlyReads(head: Pick<Snapshot, "tip" | "config">, ledgers: Ledger[]): string[] {
  const names = new Set<string>();
  for (const v of ledgers) {
    const ledgerPath = promotionsPath(head.config.records, v.model);
    for (const e of v.entries) {
      // the signed bundles each record names, beside its ledger (read always: a few small files)
      for (const p of bundlePaths(ledgerPath, e)) names.add(`${head.tip}:${p}`);
      const r = e.record;
      if (r.action !== "publish") continue;
      names.add(`${head.tip}:${r.evaluation.path}`);
      for (const p of manifestPaths(head, r)) names.add(`${r.source}:${p}`);
    }
    for (const n of cardReads(head.tip, v)) names.add(n);
  }
  return [...names];
}

/** The evaluation records the ledgers' publish records cite, at the tip (among verifyEarlyReads). */
export function evaluationReads(head: Pick<Snapshot, "tip">, ledgers: Ledger[]): string[] {
  return ledgers.flatMap((v) =>
    v.entries.flatMap((e) => (e.record.action === "publish" ? [`${head.tip}:${e.record.evaluation.path}`] : [])),
  );
}

/**
 * The objects verify reads that the history names: the configuration of each release, and the cards, configurations
 * and monitoring records the rules read (the overlays: ./rules/deploy.ts overlayWrites, read apart).
 */
export function verifyLateReads(snap: Snapshot, views: LedgerView[]): string[] {
  const names = new Set<string>();
  for (const v of views) {
    for (const e of v.entries) {
      if (e.record.action === "publish") continue;
      const add = addedBy(v, e);
      if (add) names.add(`${add.commit}:modelgate.yaml`);
    }
    for (const n of cardReads(snap.tip, v, (e) => addedBy(v, e)?.commit)) names.add(n);
  }
  for (const n of configReads(snap, views)) names.add(n);
  for (const n of monitoringReads(snap, views)) names.add(n);
  return [...names];
}

/** Where a record's model manifest is at its source commit: next to the artifact, or under the models folder. */
export function manifestPaths(snap: Pick<Snapshot, "config">, r: PromotionRecord): string[] {
  return modelManifestPaths(snap.config.models, r.model);
}

/** The first manifest of the record's model at its source commit (../manifest/at-commit.ts's rules). */
export function manifestOf(
  snap: Pick<Snapshot, "config">,
  blobs: ReadonlyMap<string, Buffer | undefined>,
  r: PromotionRecord,
): Model | undefined {
  for (const p of manifestPaths(snap, r)) {
    const m = manifestAt(r.source, p, blobs.get(`${r.source}:${p}`), "Model").value;
    if (m && m.metadata.name === r.model.name) return m;
  }
  return undefined;
}

/** Without a trust policy no signature is checked; a caller that gives one passes ../attest/verify.ts's verifyBundle. */
const noVerifier: BundleVerifier = () => {
  throw new Error("a trust policy was given without the bundle verifier (../attest/verify.ts)");
};

/** The facts every rule reads, from the values read from git and (with --registry) the registry's answers. */
export function readFacts(
  snap: Snapshot,
  views: LedgerView[],
  blobs: ReadonlyMap<string, Buffer | undefined>,
  images?: ImageProbe[],
  trust?: LoadedTrust,
  referrers?: ReferrerProbe[],
  verifyBundle: BundleVerifier = noVerifier,
  judged?: JudgedEarly,
): VerifyFacts {
  const manifests = new Map<string, Model | undefined>();
  const configs = new Map<string, AuditConfig>();
  const configByText = new Map<string, AuditConfig>();
  const stageTagsCited = new Set<string>();
  const publishedBy = new Map<string, Set<string>>();
  const versionCommits = new Set<string>();
  for (const v of views) {
    for (const e of v.entries) {
      const r = e.record;
      stageTagsCited.add(r.stageTag);
      const add = addedBy(v, e);
      if (r.action !== "publish") {
        const buf = add ? blobs.get(`${add.commit}:modelgate.yaml`) : undefined;
        if (add && buf !== undefined) {
          // modelgate.yaml seldom changes: each text is read once
          const text = buf.toString("utf8");
          const cfg = configByText.get(text) ?? configFrom(manifestAt(add.commit, "modelgate.yaml", buf, "Config"));
          configByText.set(text, cfg);
          configs.set(add.commit, cfg);
        }
        continue;
      }
      manifests.set(
        e.digest,
        judged?.manifests.has(e.digest) ? judged.manifests.get(e.digest) : manifestOf(snap, blobs, r),
      );
      if (!add) continue;
      const key = `${v.model}@${r.model.version}`;
      publishedBy.set(key, (publishedBy.get(key) ?? new Set()).add(add.commit));
      versionCommits.add(add.commit);
    }
  }
  return {
    snap,
    views: new Map(views.map((v) => [v.model, v])),
    ledgerModels: ledgerModels(snap),
    blobs,
    tags: new Map(snap.tags.map((t) => [t.name, t])),
    manifests,
    configs,
    stageTagsCited,
    publishedBy,
    versionCommits,
    images,
    ...(trust ? { trust } : {}),
    referrers,
    verifyBundle,
    ...(judged?.evaluations ? { evaluations: judged.evaluations } : {}),
  };
}

/**
 * What was read and judged while the history was read (../run.ts): the manifests at the publish records' source
 * commits, and the evaluation records' answers from the worker (./judge-worker.ts), by the publish record's digest.
 */
export interface JudgedEarly {
  manifests: ReadonlyMap<string, Model | undefined>;
  evaluations?: ReadonlyMap<string, EvaluationAnswer>;
  /**
   * The worker's answers, still coming (instead of `evaluations`): every rule but those that read them runs while the
   * worker judges. Undefined answers (the worker failed): `unanswered` reads what the worker was to read into the
   * blobs, and every rule runs again on them, as when the answers were awaited first.
   */
  later?: {
    answers: Promise<ReadonlyMap<string, EvaluationAnswer> | undefined>;
    unanswered: () => Promise<void>;
  };
}

/** Each record of a ledger with what the history says about it (the commit that appended it, earlier stage numbers). */
export function entryFacts(facts: VerifyFacts, view: LedgerView): EntryFacts[] {
  const stages = new Map<string, number>();
  return view.entries.map((entry, index) => {
    const added = addedBy(view, entry);
    const lastStage = stages.get(entry.record.environment);
    const p = parseTag(entry.record.stageTag);
    if (p?.kind === "stage" && p.number !== undefined)
      stages.set(entry.record.environment, Math.max(lastStage ?? 0, p.number));
    const commit = added ? facts.snap.byOid.get(added.commit) : undefined;
    return { view, entry, index, added, commit, lastStage };
  });
}

/** Runs the table of rules (./rules/table.ts) over the facts, in its order. */
export function runRules(facts: VerifyFacts): Finding[] {
  return runRulesBut(facts, new Set())(facts);
}

/** The rules that read the worker's answers (facts.evaluations): every other rule runs without them. */
const ANSWER_RULES: ReadonlySet<EntryRule> = new Set([evaluationBound, evaluationVerdict]);

/**
 * Runs every rule but the entry rules in `later` now; the function returned runs those (on `laterFacts`: the same
 * facts, completed) and gives every finding in the table's order, as runRules does. The rules in `later` run in the
 * order they would have run, each record's in turn.
 */
function runRulesBut(facts: VerifyFacts, later: ReadonlySet<EntryRule>): (laterFacts: VerifyFacts) => Finding[] {
  const out: (Finding[] | ((laterFacts: VerifyFacts) => Finding[]))[] = [];
  for (const view of facts.views.values()) {
    for (const rule of RULES.ledger) out.push(rule(facts, view));
    for (const at of entryFacts(facts, view))
      for (const rule of RULES.entry) out.push(later.has(rule) ? (f) => rule(f, at) : rule(facts, at));
  }
  for (const c of facts.snap.commits) for (const rule of RULES.commit) out.push(rule(facts, c));
  for (const t of facts.snap.tags) for (const rule of RULES.tag) out.push(rule(facts, t));
  for (const rule of RULES.history) out.push(rule(facts));
  return (laterFacts) => out.flatMap((x) => (typeof x === "function" ? x(laterFacts) : x));
}

export type Verification = NonNullable<AuditReport["verification"]>;

/**
 * The rules' findings on the facts; with the worker's answers still coming (`judged.later`), every rule that does not
 * read them runs first, and the two that do once they are in (or, when the worker failed, every rule again after what
 * it was to read is read here).
 */
async function findingsOf(facts: () => VerifyFacts, judged: JudgedEarly | undefined): Promise<Finding[]> {
  if (!judged?.later) return runRules(facts());
  const early = facts();
  const finish = runRulesBut(early, ANSWER_RULES);
  const evaluations = await judged.later.answers;
  if (evaluations) return finish({ ...early, evaluations });
  await judged.later.unanswered();
  return runRules(facts());
}

/**
 * Every check on the selected models' ledgers, the commits that changed their files, and their tags; with `registry`,
 * also that every image they name is still there.
 */
export async function verifyHistory(
  snap: Snapshot,
  views: LedgerView[],
  blobs: ReadonlyMap<string, Buffer | undefined>,
  registry?: ImageProbeOptions,
  trust?: LoadedTrust,
  judged?: JudgedEarly,
): Promise<Verification> {
  // the OCI client is loaded only when asked for
  const probe = registry ? await import("./images.ts") : undefined;
  const images =
    probe && registry ? await probe.probeImages(views, { ...registry, bundles: Boolean(trust) }) : undefined;
  const referrers = probe && registry && images ? await probe.probeReferrers(views, images, registry) : undefined;
  // @sigstore/verify is loaded only to check signatures against a trust policy
  const verifier = trust ? (await import("../attest/verify.ts")).verifyBundle : undefined;
  // a manifest or overlay that needs yaml loads it, and the rules run again (./parsers.ts)
  const findings = await withParsers(() =>
    findingsOf(() => readFacts(snap, views, blobs, images, trust, referrers, verifier, judged), judged),
  );
  const models = new Set(views.map((v) => v.model));
  const records = views.reduce((n, v) => n + v.entries.length, 0);
  const evaluations = views.reduce((n, v) => n + v.entries.filter((e) => e.record.action === "publish").length, 0);
  const commits = snap.commits.filter((c) =>
    c.changes.some((ch) => {
      const d = deployPathOf(snap, ch.path)?.model;
      return (d && models.has(d)) || views.some((v) => v.path === ch.path);
    }),
  ).length;
  const tags = snap.tags.filter((t) => {
    const p = parseTag(t.name);
    return p !== undefined && models.has(p.name);
  }).length;
  return {
    ok: findings.length === 0,
    checked: { records, commits, tags, evaluations, images: images?.length ?? null },
    findings,
  };
}
