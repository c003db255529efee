import type { readOverlayPin } from "../deploy/render.ts";
import { currentIn, type LedgerEntry } from "../ledger/read.ts";
import { type ParsedTag, parseTag } from "../ledger/tags.ts";
import type { PromotionRecord } from "../records/promotion.ts";
import { placesVersion } from "../records/promotion-read.ts";
import type { TrainingRecord } from "../records/training.ts";
import { trainingRecordPath } from "../records/training-path.ts";
import { type CommitInfo, overlayOf, parseCommitObject, type Snapshot, type TagInfo, utc, ZERO } from "./history.ts";
import { type Addition, addedBy, type LedgerView } from "./ledgers.ts";
import { describe } from "./render.ts";
import type { AtResult, AuditEvent, Placement } from "./schema.ts";

/**
 * The timeline of each model, and what ran in an environment at a time, reconstructed from the values of
 * ./history.ts: the promotion records (proposed, evaluated, approved, published, released, rolled back), the training
 * record at each published commit (trained), the registry tags in GTO's grammar (registered, unassigned, deregistered,
 * and those GTO writes: assigned with no record, e.g. a stage modelgate does not manage, and deprecated), and the
 * commits and overlays that put each image in place. Pure.
 */

/** The object names the timeline reads: the pull requests' head commits and the training records at each source. */
export function timelineReads(views: Pick<LedgerView, "model" | "entries">[]): string[] {
  const names = new Set<string>();
  for (const v of views) {
    for (const e of v.entries) {
      if (e.record.action !== "publish") continue;
      if (e.record.pullRequest) names.add(e.record.pullRequest.head);
      names.add(`${e.record.source}:${trainingRecordPath(v.model)}`);
    }
  }
  return [...names];
}

const recordRef = (e: LedgerEntry) => ({ sequence: e.record.sequence, digest: e.digest });

function training(
  blobs: Map<string, Buffer | undefined>,
  r: PromotionRecord,
  model: string,
): { record: TrainingRecord; name: string } | undefined {
  const name = `${r.source}:${trainingRecordPath(model)}`;
  const buf = blobs.get(name);
  if (!buf) return undefined;
  // The timeline shows the training record of the artifact that was published; it checks the fields it shows, not
  // the whole schema (a record per version: the schema pass cost more than the rest of the timeline).
  try {
    const t = JSON.parse(buf.toString("utf8")) as TrainingRecord;
    const shaped =
      t?.kind === "TrainingRecord" &&
      typeof t.git === "object" &&
      t.git !== null &&
      typeof t.startedAt === "string" &&
      typeof t.finishedAt === "string" &&
      typeof t.durationSeconds === "number" &&
      Array.isArray(t.datasets) &&
      t.datasets.every((d) => typeof d?.name === "string" && typeof d.sha256 === "string");
    if (shaped && t.output?.sha256 === r.model.sha256) return { record: t, name };
  } catch {}
  return undefined;
}

interface Sortable {
  event: AuditEvent;
  sortAt: number;
  order: number;
}

const ORDER: Record<AuditEvent["kind"], number> = {
  proposed: 0,
  trained: 1,
  evaluated: 2,
  approved: 3,
  published: 4,
  registered: 5,
  released: 6,
  "rolled-back": 6,
  assigned: 6,
  unassigned: 7,
  deregistered: 8,
  deprecated: 9,
  monitored: 10,
};

function base(model: string, kind: AuditEvent["kind"]): AuditEvent {
  return {
    model,
    kind,
    at: null,
    version: null,
    environment: null,
    actor: null,
    commit: null,
    tag: null,
    source: null,
    record: null,
    image: null,
    summary: "",
  };
}

const tagIndex = new WeakMap<Snapshot, Map<string, { t: TagInfo; p: ParsedTag }[]>>();

/** The registry tags of a model, parsed (indexed once per snapshot). */
function tagsOf(snap: Snapshot, model: string): { t: TagInfo; p: ParsedTag }[] {
  let index = tagIndex.get(snap);
  if (!index) {
    index = new Map();
    for (const t of snap.tags) {
      const p = parseTag(t.name);
      if (!p) continue;
      const list = index.get(p.name) ?? [];
      list.push({ t, p });
      index.set(p.name, list);
    }
    tagIndex.set(snap, index);
  }
  return index.get(model) ?? [];
}

const sortable = (event: AuditEvent, sortAt: number): Sortable => ({ event, sortAt, order: ORDER[event.kind] });

/*
 * Each event below is base()'s object with its fields set one by one: a key base() has keeps its place, a new one
 * (pullRequest, training, evaluation, approval, release, monitoring) comes after, in the order set — the keys and order
 * `{ ...base(model, kind), ...fields }` gives, without copying every event's object again (a spread after the first
 * and a spread of a conditional object are generic copies in V8: on the bench, 4,000 events' copies cost more than a
 * tenth of the timeline's instructions).
 */

/** A publish record's events: proposed, trained, evaluated, each approval, published. */
function publishEvents(
  blobs: Map<string, Buffer | undefined>,
  model: string,
  e: LedgerEntry,
  add: Addition | undefined,
): Sortable[] {
  const r = e.record;
  const at = Date.parse(r.at);
  const out: Sortable[] = [];
  const push = (event: AuditEvent, sortAt: number) => out.push(sortable(event, sortAt));
  const version = r.model.version;
  const firstApproval = Math.min(...r.approvals.map((a) => Date.parse(a.submittedAt)).filter(Number.isFinite), at);
  const pr = r.pullRequest;
  if (pr) {
    const headObj = blobs.get(pr.head);
    const head = headObj ? parseCommitObject(headObj.toString("utf8")) : undefined;
    const when = head?.committer?.date ?? null;
    const proposed = base(model, "proposed");
    proposed.version = version;
    proposed.at = when;
    proposed.actor = pr.author;
    proposed.commit = pr.head;
    proposed.pullRequest = { number: pr.number, author: pr.author, head: pr.head, ...(pr.url ? { url: pr.url } : {}) };
    push(proposed, when ? Date.parse(when) : firstApproval);
  }
  const t = training(blobs, r, model);
  if (t) {
    const tr = t.record;
    const trained = base(model, "trained");
    trained.version = version;
    trained.at = utc(tr.finishedAt);
    trained.commit = tr.git.commit;
    trained.training = {
      record: t.name,
      startedAt: utc(tr.startedAt),
      finishedAt: utc(tr.finishedAt),
      durationSeconds: tr.durationSeconds,
      commit: tr.git.commit,
      datasets: tr.datasets.map((d) => ({ name: d.name, sha256: d.sha256 })),
      output: tr.output?.sha256 ?? "",
    };
    push(trained, Date.parse(tr.finishedAt));
  }
  const evaluated = base(model, "evaluated");
  evaluated.version = version;
  evaluated.commit = pr?.head ?? null;
  evaluated.evaluation = {
    record: r.evaluation.record,
    path: r.evaluation.path,
    verdict: r.evaluation.verdict,
    gates: r.evaluation.gates,
    metrics: r.evaluation.metrics,
    data: r.data,
    model: r.model.sha256,
  };
  push(evaluated, firstApproval);
  for (const a of r.approvals) {
    const approved = base(model, "approved");
    approved.version = version;
    approved.at = utc(a.submittedAt);
    approved.actor = a.reviewer;
    approved.commit = a.commit;
    approved.approval = a;
    if (pr) approved.pullRequest = { number: pr.number, author: pr.author, head: pr.head };
    push(approved, Date.parse(a.submittedAt));
  }
  const published = base(model, "published");
  published.version = version;
  published.at = utc(r.at);
  published.environment = r.environment;
  published.actor = r.triggeredBy;
  published.commit = add?.commit ?? null;
  published.tag = r.stageTag;
  published.source = r.source;
  published.record = recordRef(e);
  published.image = r.image.reference;
  push(published, at);
  return out;
}

/** A release or rollback record's event. */
function releaseEvent(model: string, e: LedgerEntry, add: Addition | undefined): Sortable {
  const r = e.record;
  const at = Date.parse(r.at);
  const rel = r.release;
  const approvals = rel?.environmentApprovals ?? [];
  const event = base(model, r.action === "rollback" ? "rolled-back" : "released");
  event.version = r.model.version;
  event.at = utc(r.at);
  event.environment = r.environment;
  event.actor = rel?.pushedBy ?? r.triggeredBy;
  event.commit = add?.commit ?? null;
  event.tag = r.stageTag;
  event.source = r.source;
  event.record = recordRef(e);
  event.image = r.image.reference;
  if (rel) {
    event.release = {
      tag: rel.tag,
      tagObject: rel.tagObject,
      pushedBy: rel.pushedBy,
      ...(rel.tagger ? { tagger: rel.tagger } : {}),
      environmentApprovals: approvals.map((a) => ({
        user: a.user,
        state: a.state,
        at: utc(a.at),
        comment: a.comment,
      })),
      supersedes: rel.supersedes,
      publishRecord: rel.publishRecord,
      ...(rel.runId !== undefined ? { runId: rel.runId } : {}),
    };
  }
  return sortable(event, at);
}

/** A deregistration's or an unassignment's event, from its record (the tag it made may be gone: the record stays). */
function registryEvent(model: string, e: LedgerEntry): Sortable {
  const r = e.record;
  const event = base(model, r.action === "deregister" ? "deregistered" : "unassigned");
  event.version = r.model.version;
  event.at = utc(r.at);
  event.environment = r.action === "unassign" ? r.environment : null;
  event.actor = r.registry?.pushedBy ?? r.triggeredBy;
  // as a tag's event: the version's commit, where the tag is
  event.commit = r.source;
  event.tag = r.stageTag;
  event.source = r.source;
  event.record = recordRef(e);
  event.image = r.image.reference;
  return sortable(event, Date.parse(r.at));
}

/**
 * The registry tags' events that no record holds: registered, deregistered and unassigned (older ones, made before
 * those were records), and what GTO writes besides: assignments no record made and deprecations. The version of a
 * stage event is the one published from its commit, else (GTO's reading) the one a version tag registers there.
 */
function tagEvents(
  snap: Snapshot,
  model: string,
  versionOfCommit: Map<string, string>,
  recorded: Set<string>,
): Sortable[] {
  const out: Sortable[] = [];
  const registered = new Map<string, string>();
  for (const { t, p } of tagsOf(snap, model))
    if (p.kind === "version" && !p.deregistered && t.commit && !registered.has(t.commit))
      registered.set(t.commit, p.version);
  const versionAt = (commit: string | undefined) =>
    (commit && (versionOfCommit.get(commit) ?? registered.get(commit))) || null;
  for (const { t, p } of tagsOf(snap, model)) {
    if (recorded.has(t.name)) continue;
    const when = t.tagger?.date ?? null;
    const sortAt = when ? Date.parse(when) : Number.POSITIVE_INFINITY;
    const by = t.tagger ? `${t.tagger.name} <${t.tagger.email}>` : null;
    let event: AuditEvent;
    if (p.kind === "version") {
      event = base(model, p.deregistered ? "deregistered" : "registered");
      event.version = p.version;
    } else if (p.kind === "stage") {
      event = base(model, p.unassigned ? "unassigned" : "assigned");
      event.version = versionAt(t.commit);
      event.environment = p.stage;
    } else if (p.kind === "deprecated") {
      event = base(model, "deprecated");
    } else continue;
    event.at = when;
    event.actor = by;
    event.commit = t.commit ?? null;
    event.tag = t.name;
    out.push(sortable(event, sortAt));
  }
  return out;
}

/** The monitoring runs of a model: the commits that added a monitoring record (their trailers say what it watched). */
const monitoringCommits = new WeakMap<Snapshot, CommitInfo[]>();

function monitoringEvents(snap: Snapshot, model: string): Sortable[] {
  const out: Sortable[] = [];
  // the commits with a monitoring record, found once per history rather than once per model
  let commits = monitoringCommits.get(snap);
  if (!commits) {
    commits = snap.commits.filter((c) => c.trailers.get("Monitoring-Record")?.[0]);
    monitoringCommits.set(snap, commits);
  }
  for (const c of commits) {
    const record = c.trailers.get("Monitoring-Record")?.[0];
    if (!record || c.trailers.get("Model")?.[0] !== model) continue;
    const prefix = `${snap.config.records}/${model}/monitoring/`;
    const path = c.changes.find((ch) => ch.path.startsWith(prefix))?.path ?? null;
    const event = base(model, "monitored");
    event.at = utc(c.committer.date);
    event.version = c.trailers.get("Model-Version")?.[0] ?? null;
    event.environment = c.trailers.get("Environment")?.[0] ?? null;
    event.actor = c.author.name;
    event.commit = c.oid;
    event.monitoring = { record, verdict: c.trailers.get("Monitoring-Verdict")?.[0] ?? "?", path };
    out.push(sortable(event, Date.parse(c.committer.date)));
  }
  return out;
}

/** Every event of one model, oldest first. */
export function modelTimeline(snap: Snapshot, view: LedgerView, blobs: Map<string, Buffer | undefined>): AuditEvent[] {
  const model = view.model;
  const out: Sortable[] = [];
  const versionOfCommit = new Map<string, string>();
  for (const e of view.entries) {
    const add = addedBy(view, e);
    if (e.record.action === "publish" && add) versionOfCommit.set(add.commit, e.record.model.version);
  }
  // the tags the records made are their events (published, released, rolled back, deregistered, unassigned)
  const recorded = new Set<string>();
  for (const e of view.entries) {
    const add = addedBy(view, e);
    const a = e.record.action;
    recorded.add(e.record.stageTag);
    if (a === "publish") out.push(...publishEvents(blobs, model, e, add));
    else if (a === "release" || a === "rollback") out.push(releaseEvent(model, e, add));
    else out.push(registryEvent(model, e));
  }
  out.push(...tagEvents(snap, model, versionOfCommit, recorded));
  out.push(...monitoringEvents(snap, model));
  out.sort((a, b) => a.sortAt - b.sortAt || a.order - b.order);
  // each event is its own object, made with an empty summary (base): filled in place, its keys keep their order
  const events: AuditEvent[] = [];
  for (const s of out) {
    s.event.summary = describe(s.event, String);
    events.push(s.event);
  }
  return events;
}

/** What each environment runs at the tip, by the ledger's last record for it. */
export function placements(snap: Snapshot, view: LedgerView): Placement[] {
  const out: Placement[] = [];
  for (const env of snap.config.environments) {
    const e = currentIn(view.entries, env.name);
    if (!e) continue;
    out.push({
      environment: env.name,
      version: e.record.model.version,
      image: e.record.image.reference,
      since: utc(e.record.at),
      commit: addedBy(view, e)?.commit ?? null,
      record: recordRef(e),
      action: placement(e.record.action),
      stageTag: e.record.stageTag,
    });
  }
  return out;
}

/** The action of a record that places a version (currentIn and recordOfOverlay find no other). */
const placement = (a: PromotionRecord["action"]): Placement["action"] =>
  a === "publish" || a === "release" || a === "rollback" ? a : null;

/**
 * The last change to a model's overlay for `env` made at or before `time` (by committer date): any commit of the
 * whole history whose overlay differs from a parent's, a merge too (a merge that takes back the tree from before a
 * hand edit ends the edit's time in the environment; the edit itself ran until then).
 */
export function overlayChangeAt(
  snap: Snapshot,
  model: string,
  env: string,
  time: number,
): { commit: CommitInfo; oid: string; path: string } | undefined {
  let found: { commit: CommitInfo; oid: string; path: string } | undefined;
  for (const c of snap.commits) {
    if (Date.parse(c.committer.date) > time) continue;
    for (const ch of c.touched) {
      const o = overlayOf(snap, ch.path);
      if (!o || o.model !== model || o.env !== env) continue;
      if (!found || Date.parse(c.committer.date) >= Date.parse(found.commit.committer.date))
        found = { commit: c, oid: ch.newOid, path: ch.path };
    }
  }
  return found;
}

/**
 * The record behind an overlay's content: the record its pin names, when the commit that appended that record wrote
 * exactly this content to this overlay (a hand edit that names a record, or a record of another environment, is
 * none).
 */
function recordOfOverlay(
  snap: Snapshot,
  view: LedgerView,
  env: string,
  change: { oid: string; path: string },
  digest: string | undefined,
): { entry: LedgerEntry; by: string } | undefined {
  const entry = view.entries.find(
    (e) => e.digest === digest && e.record.environment === env && placesVersion(e.record),
  );
  const by = entry && addedBy(view, entry)?.commit;
  const wrote = by
    ? snap.byOid.get(by)?.touched.some((ch) => ch.path === change.path && ch.newOid === change.oid)
    : false;
  return entry && by && wrote ? { entry, by } : undefined;
}

/** The evidence chain behind a record: its commit, tags, the publish record, evaluation, approvals, pull request. */
export function evidenceChain(snap: Snapshot, view: LedgerView, e: LedgerEntry): { item: string; value: string }[] {
  const out: { item: string; value: string }[] = [];
  const r = e.record;
  const add = addedBy(view, e);
  const tag = (name: string) => snap.tags.find((t) => t.name === name);
  out.push({
    item: "promotion record",
    value: `#${r.sequence} ${r.action} to ${r.environment} (${e.digest}) at ${utc(r.at)}, triggered by ${r.triggeredBy}, in ${view.path}`,
  });
  if (add) {
    const c = snap.byOid.get(add.commit);
    out.push({
      item: "promotion commit",
      value: `${add.commit}${c ? ` by ${c.author.name} <${c.author.email}> at ${c.committer.date}` : ""}`,
    });
  }
  const st = tag(r.stageTag);
  out.push({ item: "stage tag", value: `${r.stageTag}${st ? ` on ${st.commit}` : " (not in the repository)"}` });
  let pub: LedgerEntry | undefined = e;
  if (r.release) {
    const rel = r.release;
    out.push({ item: "version tag", value: `${rel.tag} (tag object ${rel.tagObject}) pushed by ${rel.pushedBy}` });
    for (const a of rel.environmentApprovals)
      out.push({
        item: "environment approval",
        value: `${a.user} ${a.state} for ${a.environments.join(", ")} at ${utc(a.at)}`,
      });
    if (rel.supersedes) out.push({ item: "superseded", value: `${rel.supersedes.version} (${rel.supersedes.image})` });
    pub = view.entries.find((x) => x.digest === rel.publishRecord);
    out.push({
      item: "publish record",
      value: pub
        ? `#${pub.record.sequence} (${pub.digest}) at ${utc(pub.record.at)}`
        : `${rel.publishRecord} (not in the ledger)`,
    });
  }
  const p = (pub ?? e).record;
  out.push({ item: "image", value: p.image.reference });
  out.push({ item: "artifact", value: `${p.model.path} sha256:${p.model.sha256}` });
  for (const d of p.data) out.push({ item: "evaluation data", value: `${d.name} sha256:${d.sha256}` });
  out.push({
    item: "evaluation record",
    value: `${p.evaluation.record} at ${p.evaluation.path}: verdict ${p.evaluation.verdict}; ${p.evaluation.gates.map((g) => `${g.gate} ${g.status}`).join(", ")}`,
  });
  for (const a of p.approvals)
    out.push({
      item: "approval",
      value: `${a.reviewer}, review ${a.reviewId}, of ${a.commit} at ${utc(a.submittedAt)}`,
    });
  if (p.pullRequest)
    out.push({
      item: "pull request",
      value: `#${p.pullRequest.number} by ${p.pullRequest.author}, evaluated head ${p.pullRequest.head}${p.pullRequest.url ? ` (${p.pullRequest.url})` : ""}`,
    });
  out.push({ item: "merged commit", value: p.source });
  return out;
}

/** The overlay blobs `at` reads: the change in effect at `time` for each model. */
export function atReads(snap: Snapshot, views: LedgerView[], env: string, time: number): string[] {
  const out: string[] = [];
  for (const v of views) {
    const c = overlayChangeAt(snap, v.model, env, time);
    if (c && !ZERO.test(c.oid)) out.push(c.oid);
  }
  return out;
}

/**
 * Which version and image each model had in `env` at `time`, since when, and the chain that put it there. `readPin`
 * is ../deploy/render.ts's readOverlayPin, passed in: the caller loads it (and yaml) only for `--at`.
 */
export function atTime(
  snap: Snapshot,
  views: LedgerView[],
  blobs: Map<string, Buffer | undefined>,
  env: string,
  time: number,
  readPin: typeof readOverlayPin,
): AtResult {
  const models: AtResult["models"] = [];
  for (const v of views) {
    const c = overlayChangeAt(snap, v.model, env, time);
    if (!c) {
      models.push({ model: v.model, placement: null, evidence: [] });
      continue;
    }
    const path = c.path;
    const pin = ZERO.test(c.oid) ? undefined : readPin(blobs.get(c.oid)?.toString("utf8") ?? "");
    const overlay = { item: "overlay", value: `${path} as of commit ${c.commit.oid} (${c.commit.committer.date})` };
    if (!pin) {
      models.push({
        model: v.model,
        placement: null,
        evidence: [{ ...overlay, value: `${overlay.value}: it deploys nothing` }],
      });
      continue;
    }
    const behind = recordOfOverlay(snap, v, env, c, pin.record);
    if (!behind) {
      models.push({
        model: v.model,
        placement: {
          environment: env,
          version: pin.version ?? null,
          image: pin.image,
          since: c.commit.committer.date,
          commit: c.commit.oid,
          record: null,
          action: null,
          stageTag: null,
        },
        evidence: [
          overlay,
          {
            item: "no promotion record",
            value: `commit ${c.commit.oid} by ${c.commit.author.name} <${c.commit.author.email}> ("${c.commit.subject}") put this pin there without a promotion record: a change made outside modelgate (\`modelgate audit verify\` reports it)`,
          },
        ],
      });
      continue;
    }
    const { entry, by } = behind;
    // a commit other than the record's put the record's overlay back (a merge, a revert of a hand edit)
    const restored =
      by === c.commit.oid
        ? []
        : [
            {
              item: "restored by",
              value: `commit ${c.commit.oid} by ${c.commit.author.name} <${c.commit.author.email}> ("${c.commit.subject}") put back the overlay record #${entry.record.sequence}'s commit ${by} wrote`,
            },
          ];
    models.push({
      model: v.model,
      placement: {
        environment: env,
        version: entry.record.model.version,
        image: entry.record.image.reference,
        since: c.commit.committer.date,
        commit: c.commit.oid,
        record: recordRef(entry),
        action: placement(entry.record.action),
        stageTag: entry.record.stageTag,
      },
      evidence: [overlay, ...restored, ...evidenceChain(snap, v, entry)],
    });
  }
  return { time: utc(new Date(time).toISOString()), environment: env, models };
}
