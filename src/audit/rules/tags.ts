import type { LedgerEntry } from "../../ledger/ledger.ts";
import { deregisterTag, type ParsedTag, parseTag } from "../../ledger/tags.ts";
import type { PromotionRecord } from "../../records/promotion.ts";
import { placesVersion } from "../../records/promotion-read.ts";
import { short, type TagInfo } from "../history.ts";
import type { LedgerView } from "../ledgers.ts";
import type { Finding } from "../schema.ts";
import { type EntryRule, finding, type HistoryRule, recordText, type TagRule, type VerifyFacts } from "./context.ts";

/**
 * The registry tags (GTO's grammar, src/ledger/tags.ts) of the audited models, read as GTO reads them: every tag its
 * grammar accepts, annotated ones only (GTO skips lightweight tags). A tag is a finding only where it breaks what
 * modelgate guarantees: the tag each record made annotated and kept where the record made it, stage numbers only
 * increasing, version tags on the commit that published the version, and no change to a stage modelgate manages (an
 * environment of modelgate.yaml) without a record: no assignment a record does not make, no unassignment,
 * deregistration or deprecation of a version an environment runs. Tags GTO writes for other stages, tags without a
 * counter, and names GTO reads that modelgate would not write are events of the timeline (../timeline.ts), not findings.
 */

/**
 * The tag a record makes, in GTO's grammar: MODEL#ENV#N (publish, release, rollback), MODEL#ENV!#N (unassign),
 * MODEL@vX.Y.Z! (deregister); whether the record's tag has that form.
 */
function tagForm(model: string, r: PromotionRecord): { form: string; ok: boolean } {
  const p = parseTag(r.stageTag);
  const own = p?.name === model;
  if (r.action === "deregister") {
    const form = deregisterTag(model, r.model.version);
    return { form, ok: r.stageTag === form };
  }
  const unassign = r.action === "unassign";
  const form = `${model}#${r.environment}${unassign ? "!" : ""}#N`;
  return {
    form,
    ok: own && p?.kind === "stage" && p.unassigned === unassign && p.stage === r.environment && p.number !== undefined,
  };
}

/**
 * tag-grammar, tag-missing, tag-moved: the tag a record made (a stage assignment MODEL#ENV#N, an unassignment, a
 * deregistration) is in GTO's grammar and still on the commit it was made on. A deregistration tag that disappears
 * is a finding: the record stays.
 */
export const stageTagOfRecord: EntryRule = (facts, { view, entry, added }) => {
  const r = entry.record;
  const expectedCommit = r.action === "publish" ? added?.commit : r.source;
  const where = { model: view.model, entry, tag: r.stageTag };
  const { form, ok } = tagForm(view.model, r);
  const made = placesVersion(r) ? "assigned" : "made";
  if (!ok) {
    return [
      finding(
        "tag-grammar",
        where,
        `${recordText(entry)} names the ${placesVersion(r) ? "stage " : ""}tag "${r.stageTag}", which is not ${form}`,
        `${form} (GTO's grammar)`,
      ),
    ];
  }
  const t = facts.tags.get(r.stageTag);
  if (!t) {
    return [
      finding(
        "tag-missing",
        where,
        `${recordText(entry)} ${made} ${r.stageTag}, which is not in the repository`,
        `the annotated tag ${r.stageTag} on ${short(expectedCommit)}`,
      ),
    ];
  }
  if (!expectedCommit || t.commit === expectedCommit) return [];
  const { snap } = facts;
  const gone = t.commit && snap.reachable && !snap.reachable.has(t.commit);
  return [
    finding(
      "tag-moved",
      { ...where, commit: t.commit },
      `${r.stageTag} points at ${short(t.commit)}${gone ? `, which is not in the history of ${snap.ref}` : ""}, but ${recordText(entry)} made it on ${short(expectedCommit)}${gone ? " (the history was rewritten under the tag)" : ": the tag was moved"}`,
      `${r.stageTag} on ${short(expectedCommit)}, the version's commit`,
    ),
  ];
};

/** stage-counter: a record whose stage number is not above every number the ledger assigned before in its stage. */
export const stageNumberRises: EntryRule = (_facts, { view, entry, lastStage }) => {
  const p = parseTag(entry.record.stageTag);
  if (p?.kind !== "stage" || p.number === undefined || lastStage === undefined || p.number > lastStage) return [];
  return [
    finding(
      "stage-counter",
      { model: view.model, entry, tag: entry.record.stageTag },
      `${recordText(entry)} assigned ${entry.record.stageTag}, but an earlier record already assigned number ${lastStage} for ${entry.record.environment}`,
      `a number above ${lastStage}: stage counters only increase`,
    ),
  ];
};

/** The stages modelgate manages: the environments of modelgate.yaml, at the tip or at any release record's commit. */
const managedIndex = new WeakMap<VerifyFacts, Set<string>>();
export function managedStages(facts: VerifyFacts): ReadonlySet<string> {
  let set = managedIndex.get(facts);
  if (!set) {
    set = new Set(facts.snap.config.environments.map((e) => e.name));
    for (const c of facts.configs.values()) for (const e of c.environments) set.add(e.name);
    managedIndex.set(facts, set);
  }
  return set;
}

/** A model modelgate manages: its ledger is at the tip, or some commit of the history wrote it. */
const managesModel = (v: LedgerView | undefined) =>
  v !== undefined && (v.text !== undefined || v.entries.length > 0 || v.added.size > 0);

/** A tag of an audited model that GTO reads (its grammar, annotated), parsed; undefined for any other tag. */
function gtoTag(facts: VerifyFacts, t: TagInfo): ParsedTag | undefined {
  if (!t.annotated) return undefined;
  const p = parseTag(t.name);
  return p && managesModel(facts.views.get(p.name)) ? p : undefined;
}

/**
 * The record behind what `env` ran at `time`, by the ledger's records: the same version just before that second and
 * at its end (records and tags carry whole seconds, so a record of the same second may come before or after a tag).
 */
function ranAt(view: LedgerView, env: string, time: number): LedgerEntry | undefined {
  let before: LedgerEntry | undefined;
  let upTo: LedgerEntry | undefined;
  for (const e of view.entries) {
    const r = e.record;
    if (r.environment !== env || !placesVersion(r)) continue;
    const at = Date.parse(r.at);
    if (at < time) before = e;
    if (at <= time) upTo = e;
  }
  return before && upTo && before.record.model.version === upTo.record.model.version ? upTo : undefined;
}

const whereTag = (p: ParsedTag, t: TagInfo) => ({ model: p.name, tag: t.name, commit: t.commit });
const byTagger = (t: TagInfo) =>
  t.tagger ? `, by ${t.tagger.name} <${t.tagger.email}> at ${t.tagger.date}` : ", with no tagger";

/** The tags the records name: each record's stage tag and each release's version tag. */
const citedIndex = new WeakMap<VerifyFacts, Set<string>>();
function citedTags(facts: VerifyFacts): ReadonlySet<string> {
  let set = citedIndex.get(facts);
  if (!set) {
    set = new Set(facts.stageTagsCited);
    for (const v of facts.views.values())
      for (const e of v.entries) if (e.record.release) set.add(e.record.release.tag);
    citedIndex.set(facts, set);
  }
  return set;
}

/** tag-lightweight: a tag a record names (its stage tag, a release's version tag), now lightweight: GTO skips it. */
export const tagAnnotated: TagRule = (facts, t) => {
  if (t.annotated || !citedTags(facts).has(t.name)) return [];
  const p = parseTag(t.name);
  if (!p || !managesModel(facts.views.get(p.name))) return [];
  return [
    finding(
      "tag-lightweight",
      whereTag(p, t),
      `${t.name} is a lightweight tag (it names commit ${short(t.object)} directly, with no tagger and no date): GTO does not read lightweight tags, so it does not see the ${p.kind === "version" ? (p.deregistered ? "deregistration the record made" : "version the record released") : p.kind === "stage" && p.unassigned ? "unassignment the record made" : "assignment the record made"}`,
      `an annotated tag: git tag -a ${t.name} …`,
    ),
  ];
};

/** version-tag: a version tag of a version no record published, or not on the commit that published it. */
export const versionTagOnPublish: TagRule = (facts, t) => {
  const p = gtoTag(facts, t);
  if (p?.kind !== "version" || p.deregistered) return [];
  const commits = facts.publishedBy.get(`${p.name}@${p.version}`);
  if (!commits) {
    return [
      finding(
        "version-tag",
        whereTag(p, t),
        `${t.name} tags version ${p.version}, which no publish record of ${p.name} published`,
        `a version tag only on the commit that published ${p.name} ${p.version}`,
      ),
    ];
  }
  if (t.commit && commits.has(t.commit)) return [];
  return [
    finding(
      "version-tag",
      whereTag(p, t),
      `${t.name} points at ${short(t.commit)}, but ${p.name} ${p.version} was published by commit ${[...commits].map(short).join(", ")}`,
      `${t.name} on ${[...commits].map(short).join(", ")}`,
    ),
  ];
};

/**
 * tag-without-record: in a stage modelgate manages, an assignment no record makes, or an unassignment off a version's
 * commit or of the version the stage ran then (modelgate unassigns only a version the stage no longer runs).
 */
export const stageTagWithRecord: TagRule = (facts, t) => {
  const p = gtoTag(facts, t);
  if (p?.kind !== "stage" || !managedStages(facts).has(p.stage)) return [];
  if (!p.unassigned) {
    if (facts.stageTagsCited.has(t.name)) return [];
    return [
      finding(
        "tag-without-record",
        whereTag(p, t),
        `${t.name} (on ${short(t.commit)}${byTagger(t)}) is cited by no promotion record: a stage assignment made by hand or with GTO`,
        `each stage assignment made by modelgate, with the promotion record that assigns it`,
      ),
    ];
  }
  if (!t.commit || !facts.versionCommits.has(t.commit)) {
    return [
      finding(
        "tag-without-record",
        whereTag(p, t),
        `${t.name} unassigns ${p.stage} on ${short(t.commit)}, a commit that published no version of ${p.name}`,
        "an unassignment on the commit of the version it unassigns",
      ),
    ];
  }
  // a record's own unassignment is judged with its record (registry-record)
  if (facts.stageTagsCited.has(t.name)) return [];
  const view = facts.views.get(p.name) as LedgerView;
  const held = t.tagger ? ranAt(view, p.stage, Date.parse(t.tagger.date)) : undefined;
  if (!held || !facts.publishedBy.get(`${p.name}@${held.record.model.version}`)?.has(t.commit)) return [];
  return [
    finding(
      "tag-without-record",
      whereTag(p, t),
      `${t.name} (on ${short(t.commit)}${byTagger(t)}) unassigns ${p.stage} from ${held.record.model.version}, which ${p.stage} ran then (${recordText(held)}): GTO stops showing it there while its overlay still deploys it`,
      `${p.stage} changed only by a promotion record: release or roll back another version there, then unassign`,
    ),
  ];
};

/**
 * tag-without-record: a deregistration of a version, or a deprecation of the model, made without a record while a
 * stage modelgate manages runs it: GTO stops showing what the overlays still deploy (release --deregister refuses
 * this).
 */
export const noDeregistrationWhileRunning: TagRule = (facts, t) => {
  const p = gtoTag(facts, t);
  if (!p || !t.tagger || !((p.kind === "version" && p.deregistered) || p.kind === "deprecated")) return [];
  // a record's own deregistration is judged with its record (registry-record)
  if (facts.stageTagsCited.has(t.name)) return [];
  const view = facts.views.get(p.name) as LedgerView;
  const time = Date.parse(t.tagger.date);
  const running = [...managedStages(facts)]
    .map((env) => ranAt(view, env, time))
    .filter((e): e is LedgerEntry => e !== undefined && (p.kind !== "version" || e.record.model.version === p.version));
  if (!running.length) return [];
  const what = running.map((e) => `${e.record.environment} ran ${e.record.model.version} (${recordText(e)})`);
  return [
    finding(
      "tag-without-record",
      whereTag(p, t),
      `${t.name} (on ${short(t.commit)}${byTagger(t)}) ${p.kind === "version" ? `deregisters ${p.version}` : `deprecates ${p.name}`} while ${what.join(", ")}: GTO stops showing what the overlays still deploy`,
      p.kind === "version"
        ? `a version deregistered only when no environment runs it (modelgate release --deregister ${p.name}@v${p.version} refuses otherwise)`
        : "a model deprecated only when no environment runs it",
    ),
  ];
};

/** stage-counter: in a stage modelgate manages, a stage tag tagged after another with a number not above it. */
export const stageTagsInOrder: HistoryRule = (facts) => {
  const stageOrder = new Map<string, { t: TagInfo; n: number }[]>();
  const managed = managedStages(facts);
  for (const t of facts.snap.tags) {
    const p = gtoTag(facts, t);
    if (p?.kind !== "stage" || p.number === undefined || !managed.has(p.stage) || !t.tagger) continue;
    const key = `${p.name}#${p.stage}`;
    const list = stageOrder.get(key) ?? [];
    list.push({ t, n: p.number });
    stageOrder.set(key, list);
  }
  const out: Finding[] = [];
  for (const list of stageOrder.values()) {
    // tagger dates have whole seconds: tags made within one second (a rollback, then an unassignment) keep their
    // numbers' order, which only a later tag with a lower number contradicts
    list.sort((a, b) => Date.parse(a.t.tagger?.date ?? "") - Date.parse(b.t.tagger?.date ?? "") || a.n - b.n);
    let prev: { t: TagInfo; n: number } | undefined;
    for (const x of list) {
      if (prev && x.n <= prev.n) {
        out.push(
          finding(
            "stage-counter",
            { model: parseTag(x.t.name)?.name, tag: x.t.name, commit: x.t.commit },
            `${x.t.name} (tagged ${x.t.tagger?.date}) comes after ${prev.t.name} (tagged ${prev.t.tagger?.date}) with a number not above it`,
            "stage numbers that only increase with time",
          ),
        );
      }
      if (!prev || x.n > prev.n) prev = x;
    }
  }
  return out;
};
