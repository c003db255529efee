import { currentIn } from "../../ledger/read.ts";
import { deregisterTag, versionTag } from "../../ledger/tags.ts";
import { short } from "../history.ts";
import { addedBy } from "../ledgers.ts";
import { type EntryFacts, type EntryRule, finding, recordText, type VerifyFacts } from "./context.ts";

/**
 * The release behind each release or rollback record: a published version's image, promoted by its annotated version
 * tag (kept where it was), with the approvals its environment requires, saying what it superseded; never a version
 * deregistered before.
 */

/** What in a release record contradicts the publish record it promotes, the ledger before it, or the config. */
function releaseGaps(facts: VerifyFacts, { view, entry, index, added }: EntryFacts): string[] {
  const r = entry.record;
  const rel = r.release;
  if (!rel) return [];
  const before = view.entries.slice(0, index);
  const wrong: string[] = [];
  const pub = before.find((b) => b.digest === rel.publishRecord);
  if (!pub)
    wrong.push(`it promotes the publish record ${rel.publishRecord}, which is not an earlier entry of the ledger`);
  else {
    const p = pub.record;
    if (p.action !== "publish")
      wrong.push(`${rel.publishRecord} is record #${p.sequence}, a ${p.action}, not a publish`);
    if (p.model.version !== r.model.version) wrong.push(`the publish record is of version ${p.model.version}`);
    if (p.image.digest !== r.image.digest || p.image.reference !== r.image.reference)
      wrong.push(`it deploys ${r.image.reference}, but the publish record built ${p.image.reference}`);
    if (p.model.sha256 !== r.model.sha256) wrong.push(`its artifact differs from the publish record's`);
    if (p.evaluation.record !== r.evaluation.record)
      wrong.push(`its evaluation record differs from the publish record's`);
    const pubAdd = addedBy(view, pub);
    if (pubAdd && pubAdd.commit !== r.source)
      wrong.push(
        `it names source ${short(r.source)}, but version ${p.model.version} was published by commit ${short(pubAdd.commit)}`,
      );
  }
  if (rel.tag !== versionTag(view.model, r.model.version))
    wrong.push(`its tag ${rel.tag} is not ${versionTag(view.model, r.model.version)}`);
  const held = currentIn(before, r.environment);
  const sup = held ? { version: held.record.model.version, image: held.record.image.digest } : null;
  if (JSON.stringify(sup) !== JSON.stringify(rel.supersedes ?? null))
    wrong.push(
      `it says it supersedes ${rel.supersedes ? `${rel.supersedes.version} (${rel.supersedes.image})` : "nothing"}, but ${r.environment} ran ${sup ? `${sup.version} (${sup.image}) by record #${held?.record.sequence}` : "nothing"}`,
    );
  const cfg = (added && facts.configs.get(added.commit)) || facts.snap.config;
  const needs = cfg.environments.find((x) => x.name === r.environment)?.requiresApproval;
  if (needs && !rel.environmentApprovals.some((a) => a.state === "approved")) {
    wrong.push(
      `modelgate.yaml requires an approval by the ${r.environment} environment's reviewers, and none is recorded`,
    );
  }
  return wrong;
}

/** release: a release record without a release block, or one that contradicts what it releases. */
export const releaseOfPublished: EntryRule = (facts, at) => {
  const { view, entry } = at;
  if (entry.record.action !== "release" && entry.record.action !== "rollback") return [];
  const where = { model: view.model, entry };
  if (!entry.record.release) {
    return [
      finding(
        "release",
        where,
        `${recordText(entry)} has no release block (the version tag, who pushed it, the environment's approvals, the publish record)`,
        "a release record naming its tag, tag object, pusher, approvals and publish record",
      ),
    ];
  }
  const wrong = releaseGaps(facts, at);
  if (!wrong.length) return [];
  return [
    finding(
      "release",
      where,
      `${recordText(entry)}: ${wrong.join("; ")}`,
      "a release of a published version, by its annotated version tag, with the approvals its environment requires",
    ),
  ];
};

/** tag-missing, tag-moved: the version tag a release record released is gone, or names another tag object now. */
export const releaseTagKept: EntryRule = (facts, { view, entry }) => {
  const r = entry.record;
  const rel = r.release;
  if (r.action === "publish" || !rel) return [];
  const where = { model: view.model, entry, tag: rel.tag };
  const tag = facts.tags.get(rel.tag);
  if (!tag) {
    return [
      finding(
        "tag-missing",
        where,
        `${recordText(entry)} released ${rel.tag}, which is not in the repository`,
        `the annotated tag ${rel.tag} (tag object ${short(rel.tagObject)}) kept`,
      ),
    ];
  }
  if (tag.object === rel.tagObject) return [];
  return [
    finding(
      "tag-moved",
      { ...where, commit: tag.commit },
      `${rel.tag} now names ${tag.annotated ? "tag object" : "commit"} ${short(tag.object)} (on ${short(tag.commit)}), but ${recordText(entry)} released tag object ${short(rel.tagObject)}: the tag was moved or made again`,
      `${rel.tag} naming tag object ${rel.tagObject}, on ${short(r.source)}`,
    ),
  ];
};

/** deregistered-released: a release of a version after its deregistration (its record, or its tag). */
export const deregisteredNotReleased: EntryRule = (facts, { view, entry, index }) => {
  const r = entry.record;
  if (!r.release || (r.action !== "release" && r.action !== "rollback")) return [];
  const recorded = view.entries
    .slice(0, index)
    .find((e) => e.record.action === "deregister" && e.record.model.version === r.model.version);
  if (recorded) {
    return [
      finding(
        "deregistered-released",
        { model: view.model, entry, tag: recorded.record.stageTag },
        `${recordText(entry)} at ${r.at} released version ${r.model.version}, deregistered before it by ${recordText(recorded)} at ${recorded.record.at} (${recorded.record.stageTag})`,
        "a deregistered version is never released again",
      ),
    ];
  }
  const dereg = facts.tags.get(deregisterTag(view.model, r.model.version));
  if (!dereg?.tagger || !(Date.parse(dereg.tagger.date) <= Date.parse(r.at))) return [];
  return [
    finding(
      "deregistered-released",
      { model: view.model, entry, tag: dereg.name },
      `${recordText(entry)} at ${r.at} released version ${r.model.version}, deregistered at ${dereg.tagger.date} (${dereg.name})`,
      "a deregistered version is never released again",
    ),
  ];
};

/**
 * registry-record: a deregistration or an unassignment that does not follow from the ledger before it: it names the
 * version's publish record and the version's commit, and withdraws nothing that was running (a deregistered version
 * runs in no environment after the first; an unassigned one not in its environment).
 */
export const registryOfPublished: EntryRule = (facts, { view, entry, index }) => {
  const r = entry.record;
  if (r.action !== "deregister" && r.action !== "unassign") return [];
  const wrong: string[] = [];
  const before = view.entries.slice(0, index);
  const reg = r.registry;
  if (!reg) wrong.push("it has no registry block (the version's publish record, who asked for it)");
  else {
    const pub = before.find((b) => b.digest === reg.publishRecord);
    if (pub?.record.action !== "publish")
      wrong.push(
        `it names the publish record ${reg.publishRecord}, which is not an earlier publish entry of the ledger`,
      );
    else {
      const p = pub.record;
      if (p.model.version !== r.model.version) wrong.push(`the publish record is of version ${p.model.version}`);
      if (p.image.digest !== r.image.digest || p.model.sha256 !== r.model.sha256)
        wrong.push("its artifact or image differs from the publish record's");
      const pubAdd = addedBy(view, pub);
      if (pubAdd && pubAdd.commit !== r.source)
        wrong.push(
          `it names source ${short(r.source)}, but version ${p.model.version} was published by commit ${short(pubAdd.commit)}`,
        );
    }
  }
  const runs = (env: string) => currentIn(before, env)?.record.model.version === r.model.version;
  const running =
    r.action === "unassign"
      ? [r.environment].filter(runs)
      : facts.snap.config.environments
          .slice(1)
          .map((e) => e.name)
          .filter(runs);
  if (running.length) wrong.push(`${running.join(", ")} ran ${r.model.version} then, by the ledger before it`);
  if (!wrong.length) return [];
  return [
    finding(
      "registry-record",
      { model: view.model, entry },
      `${recordText(entry)}: ${wrong.join("; ")}`,
      "a deregistration or unassignment of a published version, on its commit, of a version that no longer runs there",
    ),
  ];
};
