import { deregisterTag, looksLikeRegistryTag, type ParsedTag, parseTag } from "../../ledger/tags.ts";
import { type PromotionRecord, placesVersion } from "../../records/promotion.ts";
import { short, type TagInfo } from "../history.ts";
import type { Finding } from "../schema.ts";
import { type EntryRule, finding, type HistoryRule, recordText, type TagRule, type VerifyFacts } from "./context.ts";

/**
 * The registry tags (GTO's grammar) of the audited models: each record's stage tag annotated where the record made it,
 * stage numbers only increasing, version tags on the commit that published the version, and no tag that looks like a
 * registry tag without following the grammar, or assigns a stage without a record.
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
  return { form, ok: own && p?.kind === "stage" && p.unassigned === unassign && p.stage === r.environment };
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
  if (p?.kind !== "stage" || lastStage === undefined || p.number > lastStage) return [];
  return [
    finding(
      "stage-counter",
      { model: view.model, entry, tag: entry.record.stageTag },
      `${recordText(entry)} assigned ${entry.record.stageTag}, but an earlier record already assigned number ${lastStage} for ${entry.record.environment}`,
      `a number above ${lastStage}: stage counters only increase`,
    ),
  ];
};

/** A tag of an audited model in GTO's grammar, parsed (undefined for any other tag). */
function auditedTag(facts: VerifyFacts, t: TagInfo): ParsedTag | undefined {
  if (looksLikeRegistryTag(t.name)) return undefined;
  const p = parseTag(t.name);
  return p && facts.views.has(p.name) ? p : undefined;
}

const whereTag = (p: ParsedTag, t: TagInfo) => ({ model: p.name, tag: t.name, commit: t.commit });

/** tag-grammar: a tag of an audited model's name that looks like a registry tag but does not follow GTO's grammar. */
export const registryTagGrammar: TagRule = (facts, t) => {
  if (!looksLikeRegistryTag(t.name)) return [];
  const owner = /^([a-z0-9][a-z0-9-]*)[@#]/.exec(t.name)?.[1];
  if (!owner || !facts.views.has(owner)) return [];
  return [
    finding(
      "tag-grammar",
      { model: owner, tag: t.name, commit: t.commit },
      `the tag "${t.name}" looks like a registry tag but does not follow GTO's grammar`,
      "NAME@vX.Y.Z, NAME@vX.Y.Z!, NAME#STAGE#N or NAME#STAGE!#N",
    ),
  ];
};

/** tag-lightweight: a registry tag made without a tag object (no tagger, no date). */
export const tagAnnotated: TagRule = (facts, t) => {
  const p = auditedTag(facts, t);
  if (!p || t.annotated) return [];
  return [
    finding(
      "tag-lightweight",
      whereTag(p, t),
      `${t.name} is a lightweight tag (it names commit ${short(t.object)} directly, with no tagger and no date)`,
      `an annotated tag: git tag -a ${t.name} …`,
    ),
  ];
};

/** version-tag: a version tag of a version no record published, or not on the commit that published it. */
export const versionTagOnPublish: TagRule = (facts, t) => {
  const p = auditedTag(facts, t);
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

/** tag-without-record: a stage assignment no record cites, or an unassignment off the version's commit. */
export const stageTagWithRecord: TagRule = (facts, t) => {
  const p = auditedTag(facts, t);
  if (p?.kind !== "stage") return [];
  const out: Finding[] = [];
  if (!p.unassigned && !facts.stageTagsCited.has(t.name)) {
    out.push(
      finding(
        "tag-without-record",
        whereTag(p, t),
        `${t.name} (on ${short(t.commit)}${t.tagger ? `, by ${t.tagger.name} <${t.tagger.email}> at ${t.tagger.date}` : ""}) is cited by no promotion record: a stage assignment made by hand`,
        `each stage assignment made by modelgate, with the promotion record that assigns it`,
      ),
    );
  }
  if (p.unassigned && (!t.commit || !facts.versionCommits.has(t.commit))) {
    out.push(
      finding(
        "tag-without-record",
        whereTag(p, t),
        `${t.name} unassigns ${p.stage} on ${short(t.commit)}, a commit that published no version of ${p.name}`,
        "an unassignment on the commit of the version it unassigns",
      ),
    );
  }
  return out;
};

/** stage-counter: a stage tag tagged after another of its model and stage, with a number not above it. */
export const stageTagsInOrder: HistoryRule = (facts) => {
  const stageOrder = new Map<string, TagInfo[]>();
  for (const t of facts.snap.tags) {
    const p = auditedTag(facts, t);
    if (p?.kind !== "stage" || !t.tagger) continue;
    const key = `${p.name}#${p.stage}`;
    const list = stageOrder.get(key) ?? [];
    list.push(t);
    stageOrder.set(key, list);
  }
  const out: Finding[] = [];
  for (const list of stageOrder.values()) {
    // tagger dates have whole seconds: tags made within one second (a rollback, then an unassignment) keep their
    // numbers' order, which only a later tag with a lower number contradicts
    const num = (t: TagInfo) => {
      const p = parseTag(t.name);
      return p?.kind === "stage" ? p.number : 0;
    };
    list.sort((a, b) => Date.parse(a.tagger?.date ?? "") - Date.parse(b.tagger?.date ?? "") || num(a) - num(b));
    let prev: { t: TagInfo; n: number } | undefined;
    for (const t of list) {
      const p = parseTag(t.name);
      if (p?.kind !== "stage") continue;
      if (prev && p.number <= prev.n) {
        out.push(
          finding(
            "stage-counter",
            { model: p.name, tag: t.name, commit: t.commit },
            `${t.name} (tagged ${t.tagger?.date}) comes after ${prev.t.name} (tagged ${prev.t.tagger?.date}) with a number not above it`,
            "stage numbers that only increase with time",
          ),
        );
      }
      if (!prev || p.number > prev.n) prev = { t, n: p.number };
    }
  }
  return out;
};
