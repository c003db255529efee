import { createRequire as __mgCreateRequire } from 'node:module'; const require = __mgCreateRequire(import.meta.url);
import {
  ZERO,
  addedBy,
  entryLine,
  hashAhead,
  indexLedger,
  modelsOf,
  overlayOf,
  parseCommitObject,
  planLedger,
  readHead,
  readHistory,
  readObjects,
  treeFolders,
  utc
} from "./chunk-NBE4FVDL.js";
import {
  topLevel
} from "./chunk-VWVBXSYG.js";
import {
  describe
} from "./chunk-YN67MKMD.js";
import {
  prefixIndex
} from "./chunk-DNC5GW5B.js";
import {
  parseTag
} from "./chunk-NP3OSGPT.js";
import {
  SchemaNotLoaded,
  currentIn,
  parseLedger,
  placesVersion,
  promotionsPath
} from "./chunk-ES2OW2N4.js";
import {
  sha256Of
} from "./chunk-XKBXOX3L.js";
import {
  trainingRecordPath
} from "./chunk-FKCR242C.js";
import {
  openGit
} from "./chunk-AVCTVMN2.js";
import {
  API_VERSION
} from "./chunk-A6WGSW5D.js";
import {
  UserError
} from "./chunk-VPZGVLTG.js";

// src/audit/run.ts
import { join } from "node:path";

// src/git/shallow.ts
async function isShallow(git) {
  return await git.tryRun(["rev-parse", "--is-shallow-repository"]) === "true";
}

// src/audit/timeline.ts
function timelineReads(views) {
  const names = /* @__PURE__ */ new Set();
  for (const v of views) {
    for (const e of v.entries) {
      if (e.record.action !== "publish") continue;
      if (e.record.pullRequest) names.add(e.record.pullRequest.head);
      names.add(`${e.record.source}:${trainingRecordPath(v.model)}`);
    }
  }
  return [...names];
}
var recordRef = (e) => ({ sequence: e.record.sequence, digest: e.digest });
function training(blobs, r, model) {
  const name = `${r.source}:${trainingRecordPath(model)}`;
  const buf = blobs.get(name);
  if (!buf) return void 0;
  try {
    const t = JSON.parse(buf.toString("utf8"));
    const shaped = t?.kind === "TrainingRecord" && typeof t.git === "object" && t.git !== null && typeof t.startedAt === "string" && typeof t.finishedAt === "string" && typeof t.durationSeconds === "number" && Array.isArray(t.datasets) && t.datasets.every((d) => typeof d?.name === "string" && typeof d.sha256 === "string");
    if (shaped && t.output?.sha256 === r.model.sha256) return { record: t, name };
  } catch {
  }
  return void 0;
}
var ORDER = {
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
  monitored: 10
};
function base(model, kind) {
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
    summary: ""
  };
}
var tagIndex = /* @__PURE__ */ new WeakMap();
function tagsOf(snap, model) {
  let index = tagIndex.get(snap);
  if (!index) {
    index = /* @__PURE__ */ new Map();
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
var sortable = (event, sortAt) => ({ event, sortAt, order: ORDER[event.kind] });
function publishEvents(blobs, model, e, add) {
  const r = e.record;
  const at = Date.parse(r.at);
  const out = [];
  const push = (event, sortAt) => out.push(sortable(event, sortAt));
  const version = r.model.version;
  const firstApproval = Math.min(...r.approvals.map((a) => Date.parse(a.submittedAt)).filter(Number.isFinite), at);
  const pr = r.pullRequest;
  if (pr) {
    const headObj = blobs.get(pr.head);
    const head = headObj ? parseCommitObject(headObj.toString("utf8")) : void 0;
    const when = head?.committer?.date ?? null;
    const proposed = base(model, "proposed");
    proposed.version = version;
    proposed.at = when;
    proposed.actor = pr.author;
    proposed.commit = pr.head;
    proposed.pullRequest = { number: pr.number, author: pr.author, head: pr.head, ...pr.url ? { url: pr.url } : {} };
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
      output: tr.output?.sha256 ?? ""
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
    model: r.model.sha256
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
function releaseEvent(model, e, add) {
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
      ...rel.tagger ? { tagger: rel.tagger } : {},
      environmentApprovals: approvals.map((a) => ({
        user: a.user,
        state: a.state,
        at: utc(a.at),
        comment: a.comment
      })),
      supersedes: rel.supersedes,
      publishRecord: rel.publishRecord,
      ...rel.runId !== void 0 ? { runId: rel.runId } : {}
    };
  }
  return sortable(event, at);
}
function registryEvent(model, e) {
  const r = e.record;
  const event = base(model, r.action === "deregister" ? "deregistered" : "unassigned");
  event.version = r.model.version;
  event.at = utc(r.at);
  event.environment = r.action === "unassign" ? r.environment : null;
  event.actor = r.registry?.pushedBy ?? r.triggeredBy;
  event.commit = r.source;
  event.tag = r.stageTag;
  event.source = r.source;
  event.record = recordRef(e);
  event.image = r.image.reference;
  return sortable(event, Date.parse(r.at));
}
function tagEvents(snap, model, versionOfCommit, recorded) {
  const out = [];
  const registered = /* @__PURE__ */ new Map();
  for (const { t, p } of tagsOf(snap, model))
    if (p.kind === "version" && !p.deregistered && t.commit && !registered.has(t.commit))
      registered.set(t.commit, p.version);
  const versionAt = (commit) => commit && (versionOfCommit.get(commit) ?? registered.get(commit)) || null;
  for (const { t, p } of tagsOf(snap, model)) {
    if (recorded.has(t.name)) continue;
    const when = t.tagger?.date ?? null;
    const sortAt = when ? Date.parse(when) : Number.POSITIVE_INFINITY;
    const by = t.tagger ? `${t.tagger.name} <${t.tagger.email}>` : null;
    let event;
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
var monitoringCommits = /* @__PURE__ */ new WeakMap();
function monitoringEvents(snap, model) {
  const out = [];
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
function modelTimeline(snap, view, blobs) {
  const model = view.model;
  const out = [];
  const versionOfCommit = /* @__PURE__ */ new Map();
  for (const e of view.entries) {
    const add = addedBy(view, e);
    if (e.record.action === "publish" && add) versionOfCommit.set(add.commit, e.record.model.version);
  }
  const recorded = /* @__PURE__ */ new Set();
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
  const events = [];
  for (const s of out) {
    s.event.summary = describe(s.event, String);
    events.push(s.event);
  }
  return events;
}
function placements(snap, view) {
  const out = [];
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
      stageTag: e.record.stageTag
    });
  }
  return out;
}
var placement = (a) => a === "publish" || a === "release" || a === "rollback" ? a : null;
function overlayChangeAt(snap, model, env, time) {
  let found;
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
function recordOfOverlay(snap, view, env, change, digest) {
  const entry = view.entries.find(
    (e) => e.digest === digest && e.record.environment === env && placesVersion(e.record)
  );
  const by = entry && addedBy(view, entry)?.commit;
  const wrote = by ? snap.byOid.get(by)?.touched.some((ch) => ch.path === change.path && ch.newOid === change.oid) : false;
  return entry && by && wrote ? { entry, by } : void 0;
}
function evidenceChain(snap, view, e) {
  const out = [];
  const r = e.record;
  const add = addedBy(view, e);
  const tag = (name) => snap.tags.find((t) => t.name === name);
  out.push({
    item: "promotion record",
    value: `#${r.sequence} ${r.action} to ${r.environment} (${e.digest}) at ${utc(r.at)}, triggered by ${r.triggeredBy}, in ${view.path}`
  });
  if (add) {
    const c = snap.byOid.get(add.commit);
    out.push({
      item: "promotion commit",
      value: `${add.commit}${c ? ` by ${c.author.name} <${c.author.email}> at ${c.committer.date}` : ""}`
    });
  }
  const st = tag(r.stageTag);
  out.push({ item: "stage tag", value: `${r.stageTag}${st ? ` on ${st.commit}` : " (not in the repository)"}` });
  let pub = e;
  if (r.release) {
    const rel = r.release;
    out.push({ item: "version tag", value: `${rel.tag} (tag object ${rel.tagObject}) pushed by ${rel.pushedBy}` });
    for (const a of rel.environmentApprovals)
      out.push({
        item: "environment approval",
        value: `${a.user} ${a.state} for ${a.environments.join(", ")} at ${utc(a.at)}`
      });
    if (rel.supersedes) out.push({ item: "superseded", value: `${rel.supersedes.version} (${rel.supersedes.image})` });
    pub = view.entries.find((x) => x.digest === rel.publishRecord);
    out.push({
      item: "publish record",
      value: pub ? `#${pub.record.sequence} (${pub.digest}) at ${utc(pub.record.at)}` : `${rel.publishRecord} (not in the ledger)`
    });
  }
  const p = (pub ?? e).record;
  out.push({ item: "image", value: p.image.reference });
  out.push({ item: "artifact", value: `${p.model.path} sha256:${p.model.sha256}` });
  for (const d of p.data) out.push({ item: "evaluation data", value: `${d.name} sha256:${d.sha256}` });
  out.push({
    item: "evaluation record",
    value: `${p.evaluation.record} at ${p.evaluation.path}: verdict ${p.evaluation.verdict}; ${p.evaluation.gates.map((g) => `${g.gate} ${g.status}`).join(", ")}`
  });
  for (const a of p.approvals)
    out.push({
      item: "approval",
      value: `${a.reviewer}, review ${a.reviewId}, of ${a.commit} at ${utc(a.submittedAt)}`
    });
  if (p.pullRequest)
    out.push({
      item: "pull request",
      value: `#${p.pullRequest.number} by ${p.pullRequest.author}, evaluated head ${p.pullRequest.head}${p.pullRequest.url ? ` (${p.pullRequest.url})` : ""}`
    });
  out.push({ item: "merged commit", value: p.source });
  return out;
}
function atReads(snap, views, env, time) {
  const out = [];
  for (const v of views) {
    const c = overlayChangeAt(snap, v.model, env, time);
    if (c && !ZERO.test(c.oid)) out.push(c.oid);
  }
  return out;
}
function atTime(snap, views, blobs, env, time, readPin) {
  const models = [];
  for (const v of views) {
    const c = overlayChangeAt(snap, v.model, env, time);
    if (!c) {
      models.push({ model: v.model, placement: null, evidence: [] });
      continue;
    }
    const path = c.path;
    const pin = ZERO.test(c.oid) ? void 0 : readPin(blobs.get(c.oid)?.toString("utf8") ?? "");
    const overlay = { item: "overlay", value: `${path} as of commit ${c.commit.oid} (${c.commit.committer.date})` };
    if (!pin) {
      models.push({
        model: v.model,
        placement: null,
        evidence: [{ ...overlay, value: `${overlay.value}: it deploys nothing` }]
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
          stageTag: null
        },
        evidence: [
          overlay,
          {
            item: "no promotion record",
            value: `commit ${c.commit.oid} by ${c.commit.author.name} <${c.commit.author.email}> ("${c.commit.subject}") put this pin there without a promotion record: a change made outside modelgate (\`modelgate audit verify\` reports it)`
          }
        ]
      });
      continue;
    }
    const { entry, by } = behind;
    const restored = by === c.commit.oid ? [] : [
      {
        item: "restored by",
        value: `commit ${c.commit.oid} by ${c.commit.author.name} <${c.commit.author.email}> ("${c.commit.subject}") put back the overlay record #${entry.record.sequence}'s commit ${by} wrote`
      }
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
        stageTag: entry.record.stageTag
      },
      evidence: [overlay, ...restored, ...evidenceChain(snap, v, entry)]
    });
  }
  return { time: utc(new Date(time).toISOString()), environment: env, models };
}

// src/audit/run.ts
function evidenceReads(x, snap, views) {
  const out = [];
  const seen = /* @__PURE__ */ new Set();
  const add = (path, name) => {
    if (seen.has(path)) return;
    seen.add(path);
    out.push({ path, name });
  };
  for (const v of views) {
    if (v.text !== void 0) add(v.path, `${snap.tip}:${v.path}`);
    for (const e of v.entries) {
      for (const p of x.bundlePaths(v.path, e)) add(p, `${snap.tip}:${p}`);
      const r = e.record;
      if (r.action !== "publish") continue;
      add(r.evaluation.path, `${snap.tip}:${r.evaluation.path}`);
      const at = `${v.model}/${r.model.version}`;
      add(`sources/${at}/training-record.json`, `${r.source}:${trainingRecordPath(v.model)}`);
      const [manifest] = x.manifestPaths(snap, r);
      add(`sources/${at}/model.yaml`, `${r.source}:${manifest}`);
      const dir = manifest.includes("/") ? manifest.slice(0, manifest.lastIndexOf("/") + 1) : "";
      const pub = addedBy(v, e);
      if (pub) add(`sources/${at}/MODEL_CARD.md`, `${pub.commit}:${dir}MODEL_CARD.md`);
      for (const d of r.data)
        add(`sources/${at}/data/${d.name}.yaml`, `${r.source}:${snap.config.data}/${d.name}.yaml`);
    }
  }
  for (const p of x.monitoringRecordPaths(snap, views)) add(p, `${snap.tip}:${p}`);
  return out;
}
async function readLedgers(git, head, opts, exact, wantTimeline, judge) {
  const [tree] = head.config.records === "records" ? [head.recordsTree] : (await readObjects(git, [`${head.tip}:${head.config.records}`])).values();
  const names = treeFolders(tree, head.objectFormat).filter((m) => !opts.models?.length || opts.models.includes(m));
  const paths = names.map((m) => `${head.tip}:${promotionsPath(head.config.records, m)}`);
  const tips = await readObjects(git, paths);
  const texts = new Map(names.map((m, i) => [m, tips.get(paths[i])?.toString("utf8")]));
  const parsed = /* @__PURE__ */ new Map();
  const reads = [];
  const hashing = [];
  const manifests = /* @__PURE__ */ new Map();
  const prefixes = [];
  const workerReads = exact && !opts.evidence && !opts.evidenceDir ? judge : void 0;
  const byWorker = /* @__PURE__ */ new Set();
  for (const m of names) {
    const p = await readLedger(texts.get(m) ?? "");
    parsed.set(m, p);
    if (exact && judge)
      prefixes.push(judge.prefixIndex(m, texts.get(m), head.objectFormat).then((index) => [m, index]));
    const ledger = [{ model: m, entries: p.entries }];
    const evaluations = exact ? exact.evaluationReads(head, ledger) : [];
    if (workerReads) {
      const items = toRead(exact, head, p.entries);
      for (const it of items) byWorker.add(it.name);
      workerReads.read(git.dir, items);
    }
    reads.push(
      readObjects(git, [
        ...wantTimeline ? timelineReads(ledger) : [],
        ...exact ? exact.verifyEarlyReads(head, ledger).filter((n) => !byWorker.has(n)) : []
      ]).then(async (got) => {
        if (workerReads) {
          const judged = await exact.withParsers(() => judgeManifests(exact, head, p.entries, got, manifests));
          workerReads.manifests(judged);
        } else if (judge)
          judge.add(await exact.withParsers(() => judgeItems(exact, head, p.entries, got, manifests)));
        else hashing.push(hashAhead(evaluations.map((n) => got.get(n))));
        return got;
      })
    );
    await new Promise((r) => setImmediate(r));
  }
  const indexes = new Map(
    !exact ? [] : judge ? await Promise.all(prefixes) : names.map((m) => [m, prefixIndex(texts.get(m), head.objectFormat)])
  );
  const early = new Map((await Promise.all(reads)).flatMap((got) => [...got]));
  return { texts, parsed, indexes, early, hashed: Promise.all(hashing), manifests, byWorker };
}
async function readLedger(text) {
  try {
    return parseLedger(text);
  } catch (err) {
    if (!(err instanceof SchemaNotLoaded)) throw err;
    await import("./ledger-5GQDLMU3.js");
    return parseLedger(text);
  }
}
function toRead(x, head, entries) {
  return entries.filter((e) => e.record.action === "publish").map((e) => ({
    digest: e.digest,
    name: `${head.tip}:${e.record.evaluation.path}`,
    record: x.boundRecord(e.record)
  }));
}
function judgeManifests(x, head, entries, got, manifests) {
  const out = [];
  for (const e of entries) {
    if (e.record.action !== "publish") continue;
    const manifest = x.manifestOf(head, got, e.record);
    manifests.set(e.digest, manifest);
    out.push([e.digest, manifest]);
  }
  return out;
}
function judgeItems(x, head, entries, got, manifests) {
  const items = [];
  for (const e of entries) {
    const r = e.record;
    if (r.action !== "publish") continue;
    const manifest = x.manifestOf(head, got, r);
    manifests.set(e.digest, manifest);
    const bytes = got.get(`${head.tip}:${r.evaluation.path}`);
    if (bytes) items.push({ digest: e.digest, bytes, record: x.boundRecord(r), manifest });
  }
  return items;
}
function selectModels(snap, inLedgers, asked, ref) {
  const known = [.../* @__PURE__ */ new Set([...modelsOf(snap), ...inLedgers])].sort();
  const models = asked?.length ? [...new Set(asked)] : known;
  for (const m of models) {
    if (!known.includes(m)) {
      throw new UserError(
        `no promotion record or registry tag of "${m}" in ${ref}${known.length ? ` (models: ${known.join(", ")})` : ": nothing has been published yet"}`
      );
    }
  }
  return models;
}
function atEnvironment(snap, opts, ref) {
  if (!opts.at) return void 0;
  const env = opts.at.environment ?? snap.config.environments.at(-1)?.name ?? "production";
  if (!snap.config.environments.some((e) => e.name === env)) {
    const names = snap.config.environments.map((e) => e.name);
    throw new UserError(
      `--env ${env}: no such environment in modelgate.yaml at ${ref} (environments: ${names.join(", ")})`
    );
  }
  return env;
}
function evidenceCopies(evidence, blobs) {
  const copies = evidence.filter((x) => blobs.get(x.name) !== void 0).map((x) => ({ path: x.path, source: x.name, bytes: blobs.get(x.name) }));
  for (const c of copies) {
    const m = /\/([0-9a-f]{64})\.json$/.exec(c.path);
    if (m && sha256Of(c.bytes) !== `sha256:${m[1]}`) c.path = c.path.replace(/\.json$/, ".json.DIGEST-MISMATCH");
  }
  return copies;
}
async function runAudit(opts) {
  const exact = Boolean(opts.verify || opts.evidence || opts.evidenceDir);
  const modules = exact ? import("./exact-26RPNA3W.js") : void 0;
  const judge = exact ? (await import("./judge-worker-XT2WAFBO.js")).startEvaluationJudge() : void 0;
  try {
    return await audit(opts, judge, modules);
  } finally {
    judge?.end();
  }
}
async function audit(opts, judge, modules) {
  const trace = opts.trace ?? (() => {
  });
  let t = performance.now();
  const lap = (phase) => {
    const now = performance.now();
    trace(phase, now - t);
    t = now;
  };
  const git = openGit(opts.cwd);
  const ref = opts.ref ?? "HEAD";
  const head = await readHead(git, ref);
  const evidence = Boolean(opts.evidence || opts.evidenceDir);
  const exact = await modules;
  const wantTimeline = Boolean(opts.timeline || evidence);
  const [snap, led] = await Promise.all([
    readHistory(git, head, { reachable: Boolean(exact), started: ref === "HEAD" ? opts.started : void 0 }),
    readLedgers(git, head, opts, exact, wantTimeline, judge)
  ]);
  lap("history and ledgers");
  const models = selectModels(snap, led.texts.keys(), opts.models, ref);
  const texts = models.map((m) => led.texts.get(m));
  const parsed = models.map((m) => led.parsed.get(m) ?? parseLedger(""));
  const plans = models.map(
    (m, i) => planLedger(snap, m, texts[i], { exact: Boolean(exact), parsed: parsed[i], index: led.indexes.get(m) })
  );
  const draftOf = () => models.map((m, i) => indexLedger(snap, m, texts[i], plans[i], /* @__PURE__ */ new Map(), parsed[i]));
  const draft = exact ? await exact.withParsers(draftOf) : draftOf();
  const env = atEnvironment(snap, opts, ref);
  const cited = exact && evidence ? evidenceReads(exact, snap, draft) : [];
  const overlays = exact ? exact.overlayWrites(snap, draft) : [];
  const late = [
    ...plans.flatMap((p) => p.read),
    ...wantTimeline ? timelineReads(draft) : [],
    ...exact ? [
      ...exact.verifyEarlyReads(snap, draft),
      ...exact.verifyLateReads(snap, draft),
      ...exact.firstOverlays(overlays)
    ] : [],
    ...opts.at && env ? atReads(snap, draft, env, opts.at.time) : [],
    ...cited.map((x) => x.name)
  ].filter((n) => !led.early.has(n) && !led.byWorker.has(n));
  const blobs = new Map([...led.early, ...await readObjects(git, late)]);
  if (overlays.length) {
    const known = await exact.withParsers(() => exact.knownOverlays(overlays, blobs, snap.objectFormat));
    const rest = overlays.map((w) => w.oid).filter((oid) => !blobs.has(oid) && !known.has(oid));
    for (const [oid, bytes] of [...known, ...await readObjects(git, rest)])
      if (!blobs.has(oid)) blobs.set(oid, bytes);
  }
  lap("objects");
  const viewsOf = () => models.map(
    (m, i) => plans[i].read.length ? indexLedger(snap, m, texts[i], plans[i], blobs, parsed[i]) : draft[i]
  );
  const views = exact ? await exact.withParsers(viewsOf) : viewsOf();
  const report = {
    apiVersion: API_VERSION,
    kind: "AuditReport",
    repository: { ref, commit: snap.tip, committedAt: snap.tipDate },
    models: views.map((v) => ({
      name: v.model,
      environments: placements(snap, v),
      ...wantTimeline ? { events: modelTimeline(snap, v, blobs) } : {}
    }))
  };
  if (opts.at && env) {
    const { readOverlayPin } = await import("./render-6TWJVUI2.js");
    report.at = atTime(snap, views, blobs, env, opts.at.time, readOverlayPin);
  }
  lap("timeline");
  if (exact) {
    const registry = opts.registry && {
      ...opts.registry,
      layout: opts.registry.layout ?? join(await topLevel(git) ?? opts.cwd, ".modelgate/images")
    };
    await led.hashed;
    const answers = judge?.answers();
    const unanswered = async () => {
      if (led.byWorker.size) for (const [n, bytes] of await readObjects(git, led.byWorker)) blobs.set(n, bytes);
    };
    report.verification = await exact.verifyHistory(
      snap,
      views,
      blobs,
      registry,
      opts.trust,
      judge && answers ? { manifests: led.manifests, later: { answers, unanswered } } : void 0
    );
    lap("verify");
  }
  const copies = evidence ? evidenceCopies(cited, blobs) : void 0;
  if (!opts.evidenceDir) return { report, snap, copies };
  const files = exact.writeEvidence(opts.evidenceDir, {
    report,
    snap,
    copies: copies ?? [],
    config: snap.configBytes,
    command: opts.command ?? "modelgate audit"
  });
  return { report, snap, copies, evidence: { dir: opts.evidenceDir, files } };
}
async function ledgerAppendFindings(git, ref, model) {
  const modules = import("./exact-26RPNA3W.js");
  const head = await readHead(git, ref);
  const path = promotionsPath(head.config.records, model);
  const [snap, tip, shallow, { LEDGER_INTEGRITY, readFacts, withParsers }] = await Promise.all([
    readHistory(git, head, { reachable: false }),
    readObjects(git, [`${head.tip}:${path}`]),
    isShallow(git),
    modules
  ]);
  const text = tip.get(`${head.tip}:${path}`)?.toString("utf8");
  const parsed = await withParsers(() => parseLedger(text ?? ""));
  const plan = planLedger(snap, model, text, { exact: !shallow, parsed });
  const blobs = await readObjects(git, plan.read);
  const view = await withParsers(() => indexLedger(snap, model, text, plan, blobs, parsed));
  const findings = await withParsers(
    () => LEDGER_INTEGRITY.flatMap((rule) => rule(readFacts(snap, [view], blobs), view))
  );
  const appended = new Set([...view.added.values()].filter((a) => !a.tampered).map((a) => a.line));
  const atTip = view.entries.map((e) => entryLine(view, e));
  const genuine = atTip.length === appended.size && atTip.every((l) => appended.has(l));
  return { findings: findings.filter((f) => f.check !== "ledger-rewritten" || !genuine), shallow };
}

export {
  runAudit,
  ledgerAppendFindings
};
