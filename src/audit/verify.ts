import { parse as parseYaml } from "yaml";
import { readOverlayPin } from "../deploy/render.ts";
import { sha256Of } from "../ledger/canonical.ts";
import { evaluationCopyPath, type LedgerEntry } from "../ledger/ledger.ts";
import { deregisterTag, looksLikeRegistryTag, parseTag, versionTag } from "../ledger/tags.ts";
import { promotionTrailers } from "../ledger/trailers.ts";
import { type Model, modelSchema } from "../manifest/schema.ts";
import type { EvaluationRecord } from "../records/evaluation.ts";
import type { PromotionRecord } from "../records/promotion.ts";
import { judge } from "../report/gates.ts";
import {
  type AuditConfig,
  type CommitInfo,
  configFrom,
  deployPathOf,
  overlayOf,
  short,
  type Snapshot,
  type TagInfo,
} from "./history.ts";
import { type Addition, addedBy, type LedgerView } from "./ledgers.ts";
import type { Check, Finding } from "./schema.ts";

/**
 * `audit verify`: every rule a history made by modelgate keeps, checked on values read from git (./history.ts).
 * Pure. Each gap is one finding naming what, where (commit, tag, record, path) and what was expected.
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
    for (const e of v.entries) {
      const r = e.record;
      if (r.action !== "publish") continue;
      names.add(`${head.tip}:${r.evaluation.path}`);
      for (const p of manifestPaths(head, r)) names.add(`${r.source}:${p}`);
    }
  }
  return [...names];
}

/** The objects verify reads that the history names: each overlay written, the configuration of each release. */
export function verifyLateReads(snap: Snapshot, views: LedgerView[]): string[] {
  const names = new Set<string>();
  const models = new Set(views.map((v) => v.model));
  for (const v of views) {
    for (const e of v.entries) {
      if (e.record.action === "publish") continue;
      const add = addedBy(v, e);
      if (add) names.add(`${add.commit}:modelgate.yaml`);
    }
  }
  for (const c of snap.commits) {
    for (const ch of c.changes) {
      const o = overlayOf(snap, ch.path);
      if (o && models.has(o.model) && !/^0+$/.test(ch.newOid)) names.add(ch.newOid);
    }
  }
  return [...names];
}

/** Where a record's model manifest is at its source commit: next to the artifact, or under the models folder. */
export function manifestPaths(snap: Pick<Snapshot, "config">, r: PromotionRecord): string[] {
  const dir = r.model.path.includes("/") ? r.model.path.slice(0, r.model.path.lastIndexOf("/")) : "";
  return [...new Set([`${dir ? `${dir}/` : ""}model.yaml`, `${snap.config.models}/${r.model.name}/model.yaml`])];
}

const hex = (d: string) => d.replace(/^sha256:/, "");

interface Ctx {
  snap: Snapshot;
  blobs: Map<string, Buffer | undefined>;
  tags: Map<string, TagInfo>;
  out: Finding[];
  /** modelgate.yaml as read at each release commit, by its text (it seldom changes). */
  configs: Map<string, AuditConfig>;
  /** Per model and environment, the last overlay confirmed by parsing, with its pinned values as placeholders. */
  pinTemplates: Map<string, string>;
}

function find(
  ctx: Ctx,
  check: Check,
  f: { model?: string; commit?: string; tag?: string; entry?: LedgerEntry; path?: string },
  message: string,
  expected: string,
): void {
  ctx.out.push({
    check,
    model: f.model ?? null,
    commit: f.commit ?? null,
    tag: f.tag ?? null,
    record: f.entry ? { sequence: f.entry.record.sequence, digest: f.entry.digest } : null,
    path: f.path ?? null,
    message,
    expected,
  });
}

const rec = (e: LedgerEntry) =>
  `record #${e.record.sequence} (${e.record.action} ${e.record.model.version} to ${e.record.environment})`;
const who = (c: CommitInfo) => `${c.author.name} <${c.author.email}>`;
const commitText = (c: CommitInfo) => `commit ${short(c.oid)} ("${c.subject}", ${who(c)}, ${c.committer.date})`;

/** Who a record says approved it: reviewers of the pull request (publish), the environment's reviewers (release). */
function approversOf(r: PromotionRecord): string[] {
  if (r.action === "publish") return r.approvals.map((a) => a.reviewer);
  return (r.release?.environmentApprovals ?? []).filter((a) => a.state === "approved").map((a) => a.user);
}

function checkTrailers(ctx: Ctx, view: LedgerView, e: LedgerEntry, c: CommitInfo): void {
  const wrong: string[] = [];
  for (const [k, v] of promotionTrailers(e.record, e.digest)) {
    const got = c.trailers.get(k) ?? [];
    if (!got.includes(v)) wrong.push(`${k}: ${got.length ? got.join(", ") : "(missing)"}, expected ${v}`);
  }
  const named = (c.trailers.get("Approved-by") ?? []).map((v) => v.replace(/\s*\(.*$/, "").trim()).sort();
  const recorded = approversOf(e.record).sort();
  if (named.join(",") !== recorded.join(",")) {
    wrong.push(
      `Approved-by names ${named.length ? named.join(", ") : "nobody"}, but the record holds approvals by ${recorded.length ? recorded.join(", ") : "nobody"}`,
    );
  }
  if (wrong.length) {
    find(
      ctx,
      "record-trailers",
      { model: view.model, commit: c.oid, entry: e },
      `${commitText(c)} appended ${rec(e)}, but its trailers do not describe it: ${wrong.join("; ")}`,
      "the commit that appends a record carries trailers naming exactly that record, its image, stage tag and approvals",
    );
  }
}

/**
 * An evaluation record's fields that verify reads. Its bytes are those whose digest the (chained, checked) promotion
 * record cites, and publish validated them against the schema before it cited them, so only their shape is checked
 * here (the records are the largest files verify reads; a full schema pass doubled its time).
 */
function readEvaluation(buf: Buffer): { record?: EvaluationRecord; error?: string } {
  let json: EvaluationRecord;
  try {
    json = JSON.parse(buf.toString("utf8"));
  } catch (err) {
    return { error: `not JSON: ${(err as Error).message}` };
  }
  const ok =
    json?.kind === "EvaluationRecord" &&
    typeof json.model?.name === "string" &&
    typeof json.candidate?.sha256 === "string" &&
    typeof json.candidate.metrics === "object" &&
    typeof json.dataset?.sha256 === "string" &&
    Array.isArray(json.slices ?? []);
  return ok ? { record: json } : { error: "not an evaluation record (kind, model, candidate or dataset missing)" };
}

function readManifest(ctx: Ctx, r: PromotionRecord): Model | undefined {
  for (const p of manifestPaths(ctx.snap, r)) {
    const buf = ctx.blobs.get(`${r.source}:${p}`);
    if (!buf) continue;
    try {
      const m = modelSchema.safeParse(parseYaml(buf.toString("utf8")));
      if (m.success && m.data.metadata.name === r.model.name) return m.data;
    } catch {}
  }
  return undefined;
}

function checkEvaluation(ctx: Ctx, view: LedgerView, e: LedgerEntry): boolean {
  const r = e.record;
  const model = view.model;
  const where = { model, entry: e, path: r.evaluation.path };
  const want = evaluationCopyPath(ctx.snap.config.records, model, hex(r.evaluation.record));
  if (r.evaluation.path !== want) {
    find(
      ctx,
      "evaluation-missing",
      where,
      `${rec(e)} keeps its evaluation record at ${r.evaluation.path}, not at its content address ${want}`,
      `the evaluation record at ${want}`,
    );
  }
  const buf = ctx.blobs.get(`${ctx.snap.tip}:${r.evaluation.path}`);
  if (!buf) {
    find(
      ctx,
      "evaluation-missing",
      where,
      `${rec(e)} cites the evaluation record ${r.evaluation.record}, but ${r.evaluation.path} is not in git at ${ctx.snap.ref} (${short(ctx.snap.tip)})`,
      "the evaluation record kept in git at the path the record names, with the digest it names",
    );
    return false;
  }
  const got = sha256Of(buf);
  if (got !== r.evaluation.record) {
    find(
      ctx,
      "evaluation-binding",
      where,
      `${r.evaluation.path} has digest ${got}, but ${rec(e)} cites ${r.evaluation.record}: the evaluation record was changed after it was published`,
      `the bytes whose sha256 is ${r.evaluation.record}`,
    );
    return false;
  }
  const parsed = readEvaluation(buf);
  if (!parsed.record) {
    find(ctx, "evaluation-missing", where, `${r.evaluation.path}: ${parsed.error}`, "a valid evaluation record");
    return false;
  }
  const ev = parsed.record;
  const wrong: string[] = [];
  if (ev.candidate.sha256 !== r.model.sha256)
    wrong.push(
      `it evaluated the artifact sha256:${ev.candidate.sha256}, but the record published sha256:${r.model.sha256}`,
    );
  if (ev.model.name !== r.model.name) wrong.push(`it evaluated model ${ev.model.name}, not ${r.model.name}`);
  if (ev.model.version !== undefined && ev.model.version !== r.model.version)
    wrong.push(`it evaluated version ${ev.model.version}, but the record published ${r.model.version}`);
  if (r.data.length > 0 && !r.data.some((d) => d.sha256 === ev.dataset.sha256))
    wrong.push(
      `it evaluated data sha256:${ev.dataset.sha256}, but the record names ${r.data.map((d) => `${d.name} sha256:${d.sha256}`).join(", ")}`,
    );
  for (const [k, v] of Object.entries(r.evaluation.metrics)) {
    if (ev.candidate.metrics[k] !== v)
      wrong.push(`metric ${k} is ${ev.candidate.metrics[k]} there, ${v} in the record`);
  }
  const manifest = readManifest(ctx, r);
  if (manifest?.spec.artifact.sha256 && manifest.spec.artifact.sha256 !== r.model.sha256)
    wrong.push(
      `the manifest at the source commit ${short(r.source)} declares artifact sha256:${manifest.spec.artifact.sha256}`,
    );
  if (wrong.length) {
    find(
      ctx,
      "evaluation-binding",
      where,
      `${rec(e)} and its evaluation record ${r.evaluation.record} disagree: ${wrong.join("; ")}`,
      "the evaluation record evaluated exactly the artifact, version and data that were published",
    );
  }
  if (manifest) {
    let verdict: ReturnType<typeof judge>;
    try {
      verdict = judge({
        model: manifest,
        record: { ...ev, slices: ev.slices ?? [], fairness: ev.fairness ?? [], deltas: ev.deltas ?? {} },
      });
    } catch (err) {
      find(
        ctx,
        "evaluation-verdict",
        where,
        `${rec(e)}: its evaluation record cannot be judged against the manifest at ${short(r.source)}: ${(err as Error).message}`,
        "an evaluation record its gates can be judged on",
      );
      return true;
    }
    const failing = verdict.results.filter((g) => g.status === "fail");
    const claimed = new Map(r.evaluation.gates.map((g) => [g.gate, g.status]));
    const differs = verdict.results.filter(
      (g) => g.index >= 0 && claimed.has(g.label) && claimed.get(g.label) !== g.status,
    );
    if (failing.length || differs.length) {
      find(
        ctx,
        "evaluation-verdict",
        where,
        `${rec(e)} published ${r.model.version} with verdict ${r.evaluation.verdict}, but its evaluation record judged against the manifest at ${short(r.source)} gives ${[
          ...failing.map((g) => `${g.label}: fail (${g.reason})`),
          ...differs
            .filter((g) => g.status !== "fail")
            .map((g) => `${g.label}: ${g.status}, the record says ${claimed.get(g.label)}`),
        ].join("; ")}`,
        "every gate passed (or warned, where the policy allows) on the evaluation record that was published",
      );
    }
  }
  return true;
}

function checkApproval(ctx: Ctx, view: LedgerView, e: LedgerEntry): void {
  const r = e.record;
  const where = { model: view.model, entry: e, commit: r.pullRequest?.head };
  if (!r.pullRequest) {
    find(
      ctx,
      "approval",
      where,
      `${rec(e)} names no pull request, so nothing records a review of what was published`,
      "the pull request, its evaluated head commit, and approvals of that commit",
    );
    return;
  }
  const pr = r.pullRequest;
  const onHead = r.approvals.filter((a) => a.commit === pr.head && a.reviewer !== pr.author);
  if (onHead.length === 0) {
    find(
      ctx,
      "approval",
      where,
      `${rec(e)}: no approval of the evaluated head ${short(pr.head)} of pull request #${pr.number} is recorded${
        r.approvals.length
          ? ` (recorded: ${r.approvals.map((a) => `${a.reviewer} on ${short(a.commit)}`).join(", ")})`
          : " (the record holds no approval at all)"
      }`,
      `an approval by a reviewer other than the author (${pr.author}) of commit ${short(pr.head)}`,
    );
  }
  for (const a of r.approvals) {
    if (a.commit !== pr.head) {
      find(
        ctx,
        "approval",
        where,
        `${rec(e)}: the approval by ${a.reviewer} (review ${a.reviewId}) is of commit ${short(a.commit)}, not of the evaluated head ${short(pr.head)}`,
        "approvals only of the exact commit that was evaluated",
      );
    } else if (a.reviewer === pr.author) {
      find(
        ctx,
        "approval",
        where,
        `${rec(e)}: ${a.reviewer} approved their own pull request #${pr.number}`,
        "approvals by reviewers other than the author",
      );
    }
  }
}

function checkRelease(ctx: Ctx, view: LedgerView, e: LedgerEntry, before: LedgerEntry[]): void {
  const r = e.record;
  const model = view.model;
  const rel = r.release;
  const where = { model, entry: e };
  if (!rel) {
    find(
      ctx,
      "release",
      where,
      `${rec(e)} has no release block (the version tag, who pushed it, the environment's approvals, the publish record)`,
      "a release record naming its tag, tag object, pusher, approvals and publish record",
    );
    return;
  }
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
  if (rel.tag !== versionTag(model, r.model.version))
    wrong.push(`its tag ${rel.tag} is not ${versionTag(model, r.model.version)}`);
  let held: LedgerEntry | undefined;
  for (const b of before) if (b.record.environment === r.environment) held = b;
  const sup = held ? { version: held.record.model.version, image: held.record.image.digest } : null;
  if (JSON.stringify(sup) !== JSON.stringify(rel.supersedes ?? null))
    wrong.push(
      `it says it supersedes ${rel.supersedes ? `${rel.supersedes.version} (${rel.supersedes.image})` : "nothing"}, but ${r.environment} ran ${sup ? `${sup.version} (${sup.image}) by record #${held?.record.sequence}` : "nothing"}`,
    );
  const add = addedBy(view, e);
  const cfgText = add ? ctx.blobs.get(`${add.commit}:modelgate.yaml`)?.toString("utf8") : undefined;
  let cfg = ctx.snap.config;
  if (cfgText !== undefined) {
    cfg = ctx.configs.get(cfgText) ?? configFrom(cfgText, "modelgate.yaml");
    ctx.configs.set(cfgText, cfg);
  }
  const needs = cfg.environments.find((x) => x.name === r.environment)?.requiresApproval;
  if (needs && !rel.environmentApprovals.some((a) => a.state === "approved")) {
    wrong.push(
      `modelgate.yaml requires an approval by the ${r.environment} environment's reviewers, and none is recorded`,
    );
  }
  if (wrong.length) {
    find(
      ctx,
      "release",
      where,
      `${rec(e)}: ${wrong.join("; ")}`,
      "a release of a published version, by its annotated version tag, with the approvals its environment requires",
    );
  }
  const tag = ctx.tags.get(rel.tag);
  if (!tag) {
    find(
      ctx,
      "tag-missing",
      { ...where, tag: rel.tag },
      `${rec(e)} released ${rel.tag}, which is not in the repository`,
      `the annotated tag ${rel.tag} (tag object ${short(rel.tagObject)}) kept`,
    );
  } else if (tag.object !== rel.tagObject) {
    find(
      ctx,
      "tag-moved",
      { ...where, tag: rel.tag, commit: tag.commit },
      `${rel.tag} now names ${tag.annotated ? "tag object" : "commit"} ${short(tag.object)} (on ${short(tag.commit)}), but ${rec(e)} released tag object ${short(rel.tagObject)}: the tag was moved or made again`,
      `${rel.tag} naming tag object ${rel.tagObject}, on ${short(r.source)}`,
    );
  }
  const dereg = ctx.tags.get(deregisterTag(model, r.model.version));
  if (dereg?.tagger && Date.parse(dereg.tagger.date) <= Date.parse(r.at)) {
    find(
      ctx,
      "deregistered-released",
      { ...where, tag: dereg.name },
      `${rec(e)} at ${r.at} released version ${r.model.version}, deregistered at ${dereg.tagger.date} (${dereg.name})`,
      "a deregistered version is never released again",
    );
  }
}

function checkStageTag(ctx: Ctx, view: LedgerView, e: LedgerEntry, expectedCommit: string | undefined): void {
  const r = e.record;
  const p = parseTag(r.stageTag);
  const where = { model: view.model, entry: e, tag: r.stageTag };
  if (p?.kind !== "stage" || p.unassigned || p.name !== view.model || p.stage !== r.environment) {
    find(
      ctx,
      "tag-grammar",
      where,
      `${rec(e)} names the stage tag "${r.stageTag}", which is not ${view.model}#${r.environment}#N`,
      `${view.model}#${r.environment}#N (GTO's grammar)`,
    );
    return;
  }
  const t = ctx.tags.get(r.stageTag);
  if (!t) {
    find(
      ctx,
      "tag-missing",
      where,
      `${rec(e)} assigned ${r.stageTag}, which is not in the repository`,
      `the annotated tag ${r.stageTag} on ${short(expectedCommit)}`,
    );
    return;
  }
  if (expectedCommit && t.commit !== expectedCommit) {
    const gone = t.commit && ctx.snap.reachable && !ctx.snap.reachable.has(t.commit);
    find(
      ctx,
      "tag-moved",
      { ...where, commit: t.commit },
      `${r.stageTag} points at ${short(t.commit)}${gone ? `, which is not in the history of ${ctx.snap.ref}` : ""}, but ${rec(e)} made it on ${short(expectedCommit)}${gone ? " (the history was rewritten under the tag)" : ": the tag was moved"}`,
      `${r.stageTag} on ${short(expectedCommit)}, the version's commit`,
    );
  }
}

function checkRecord(ctx: Ctx, view: LedgerView, e: LedgerEntry, index: number, stages: Map<string, number>): void {
  const r = e.record;
  const model = view.model;
  if (r.model.name !== model) {
    find(
      ctx,
      "record-model",
      { model, entry: e, path: view.path },
      `${rec(e)} in ${view.path} is a record of model ${r.model.name}`,
      `only records of ${model} in ${view.path}`,
    );
  }
  const add: Addition | undefined = addedBy(view, e);
  const commit = add ? ctx.snap.byOid.get(add.commit) : undefined;
  if (!add) {
    find(
      ctx,
      "record-commit",
      { model, entry: e, path: view.path },
      `${rec(e)} is in ${view.path} at ${ctx.snap.ref}, but no commit of its history appended it`,
      "each record appended by the modelgate commit that made the promotion",
    );
  } else if (commit && !add.tampered) {
    const identity = ctx.snap.config.identity;
    if (commit.author.email !== identity.email) {
      find(
        ctx,
        "record-commit",
        { model, entry: e, commit: commit.oid },
        `${rec(e)} was appended by ${commitText(commit)}, not by modelgate's identity ${identity.name} <${identity.email}>`,
        `records appended by ${identity.name} <${identity.email}> (modelgate.yaml spec.identity)`,
      );
    }
    checkTrailers(ctx, view, e, commit);
  }
  if (ctx.snap.reachable && !ctx.snap.reachable.has(r.source)) {
    find(
      ctx,
      "source-missing",
      { model, entry: e, commit: r.source },
      `${rec(e)} ${r.action === "publish" ? "published the merged commit" : "released the version's commit"} ${short(r.source)}, which is not in the history of ${ctx.snap.ref}: the history was rewritten under the record`,
      `commit ${r.source} in the history of ${ctx.snap.ref}`,
    );
  }
  if (r.action === "publish") {
    checkEvaluation(ctx, view, e);
    checkApproval(ctx, view, e);
    checkStageTag(ctx, view, e, add?.commit);
  } else {
    checkRelease(ctx, view, e, view.entries.slice(0, index));
    checkStageTag(ctx, view, e, r.source);
  }
  const p = parseTag(r.stageTag);
  if (p?.kind === "stage") {
    const last = stages.get(r.environment);
    if (last !== undefined && p.number <= last) {
      find(
        ctx,
        "stage-counter",
        { model, entry: e, tag: r.stageTag },
        `${rec(e)} assigned ${r.stageTag}, but an earlier record already assigned number ${last} for ${r.environment}`,
        `a number above ${last}: stage counters only increase`,
      );
    }
    stages.set(r.environment, Math.max(last ?? 0, p.number));
  }
}

function checkCommits(ctx: Ctx, views: Map<string, LedgerView>): void {
  const { snap } = ctx;
  for (const c of snap.commits) {
    const adds = [...views.values()].flatMap((v) => (v.byCommit.get(c.oid) ?? []).map((a) => ({ v, a })));
    const named = c.trailers.get("Promotion-Record") ?? [];
    const touched = new Set(c.changes.map((ch) => deployPathOf(snap, ch.path)?.model).filter(Boolean));
    for (const d of named) {
      if (
        !adds.some(({ a }) => a.digest === d) &&
        [...touched, ...(c.trailers.get("Model") ?? [])].some((m) => views.has(m as string))
      ) {
        find(
          ctx,
          "trailers-without-record",
          { model: (c.trailers.get("Model") ?? [])[0], commit: c.oid },
          `${commitText(c)} carries modelgate's trailers (Promotion-Record ${d}${
            c.trailers.get("Approved-by")?.length ? `, Approved-by ${c.trailers.get("Approved-by")?.join("; ")}` : ""
          }), but appends no such record to a ledger: the trailers claim a promotion, review and approval that nothing records`,
          "modelgate's trailers only on the commit that appends the record they name",
        );
      }
    }
    for (const ch of c.changes) {
      const d = deployPathOf(snap, ch.path);
      if (!d) continue;
      const view = views.get(d.model);
      if (!view) continue;
      const mine = (view.byCommit.get(c.oid) ?? []).filter((a) => a.record);
      const text = ch.newOid && !/^0+$/.test(ch.newOid) ? ctx.blobs.get(ch.newOid)?.toString("utf8") : undefined;
      let parsedPin: ReturnType<typeof readOverlayPin> | null = null;
      const pinOf = () => {
        if (parsedPin === null) parsedPin = d.env && text !== undefined ? readOverlayPin(text) : undefined;
        return parsedPin;
      };
      const where = { model: d.model, commit: c.oid, path: ch.path };
      if (mine.length === 0) {
        find(
          ctx,
          "deploy-edit",
          where,
          `${commitText(c)} ${ch.status.startsWith("D") ? "deleted" : ch.status.startsWith("A") ? "added" : "changed"} ${ch.path}${
            pinOf()
              ? ` (it pins ${pinOf()?.image}${pinOf()?.record ? `, claiming record ${pinOf()?.record}` : ""})`
              : ""
          } without a promotion record: a change made outside modelgate`,
          `every change to ${snap.config.deploy}/${d.model}/ made by the modelgate commit that appends the record behind it`,
        );
        continue;
      }
      if (d.base) {
        if (!mine.some((a) => a.record?.action === "publish")) {
          find(
            ctx,
            "deploy-edit",
            where,
            `${commitText(c)} changed ${ch.path}, but it appends no publish record (only publish writes the base)`,
            "the base changed only by publish",
          );
        }
        continue;
      }
      if (!d.env || d.file !== "kustomization.yaml") {
        find(
          ctx,
          "deploy-edit",
          where,
          `${commitText(c)} wrote ${ch.path}, a file modelgate never writes`,
          `only ${snap.config.deploy}/${d.model}/base/ and overlays/<environment>/kustomization.yaml, written by modelgate`,
        );
        continue;
      }
      const own = mine.find((a) => a.record?.environment === d.env);
      if (!own?.record) {
        if (!ch.status.startsWith("A") || pinOf()) {
          find(
            ctx,
            "deploy-edit",
            where,
            `${commitText(c)} changed the ${d.env} overlay${pinOf() ? ` to ${pinOf()?.image}` : ""}, but its record promotes to ${mine.map((a) => a.record?.environment).join(", ")}`,
            `the ${d.env} overlay changed only by a promotion to ${d.env}`,
          );
        }
        continue;
      }
      const r = own.record;
      const want = { image: r.image.reference, version: r.model.version, record: own.digest as string };
      const wrong: string[] = [];
      const pin = text !== undefined && pinsExactly(ctx, `${d.model}/${d.env}`, text, want) ? want : pinOf();
      if (ch.status.startsWith("D")) wrong.push("it deleted the overlay");
      else if (!pin) wrong.push("the overlay pins no image");
      else {
        if (pin.image !== r.image.reference) wrong.push(`it pins ${pin.image}, the record ${r.image.reference}`);
        if (pin.record !== own.digest) wrong.push(`it names record ${pin.record ?? "(none)"}, not ${own.digest}`);
        if (pin.version !== r.model.version)
          wrong.push(`it names version ${pin.version ?? "(none)"}, not ${r.model.version}`);
      }
      if (wrong.length) {
        find(
          ctx,
          "overlay-pin",
          where,
          `${commitText(c)} appended record #${r.sequence}, but the ${d.env} overlay it wrote does not match it: ${wrong.join("; ")}`,
          `the overlay pinned to ${r.image.reference}, version ${r.model.version}, record ${own.digest}`,
        );
      }
    }
  }
}

const SAFE_TOKEN = /^[A-Za-z0-9][A-Za-z0-9._:/@+-]*$/;

/**
 * Whether an overlay's text pins exactly `want`, without parsing YAML when it can be known from text alone: modelgate
 * writes each overlay of a model and environment from the same template, so an overlay is the last one readOverlayPin
 * confirmed, with that one's image, record and version replaced by these. The replacement is by placeholders, only
 * of plain tokens (no space, quote, # or YAML indicator: the document's structure cannot change) that are not
 * substrings of one another (each pinned field held exactly one of them); anything else is parsed.
 */
function pinsExactly(
  ctx: Ctx,
  key: string,
  text: string,
  want: { image: string; version: string; record: string },
): boolean {
  const vals = (p: { image: string; version: string; record: string }) => [p.image, p.record, p.version];
  const ref = ctx.pinTemplates.get(key);
  if (ref && vals(want).every((x) => SAFE_TOKEN.test(x))) {
    const holes = ["\u0000image\u0000", "\u0000record\u0000", "\u0000version\u0000"];
    const fill = vals(want);
    if (ref.replace(/\u0000(image|record|version)\u0000/g, (h) => fill[holes.indexOf(h)]) === text) return true;
  }
  const pin = readOverlayPin(text);
  if (pin?.image !== want.image || pin.record !== want.record || pin.version !== want.version) return false;
  const v = vals(want);
  const distinct = v.every((x, i) => SAFE_TOKEN.test(x) && v.every((y, j) => i === j || !y.includes(x)));
  if (distinct && !text.includes("\u0000")) {
    ctx.pinTemplates.set(
      key,
      text
        .replaceAll(want.image, "\u0000image\u0000")
        .replaceAll(want.record, "\u0000record\u0000")
        .replaceAll(want.version, "\u0000version\u0000"),
    );
  }
  return true;
}

function checkTags(ctx: Ctx, views: Map<string, LedgerView>): void {
  const cited = new Set<string>();
  const publishedBy = new Map<string, Set<string>>();
  const versionCommits = new Set<string>();
  for (const v of views.values()) {
    for (const e of v.entries) {
      cited.add(e.record.stageTag);
      if (e.record.action === "publish") {
        const a = addedBy(v, e);
        if (!a) continue;
        const key = `${v.model}@${e.record.model.version}`;
        const set = publishedBy.get(key) ?? new Set();
        set.add(a.commit);
        publishedBy.set(key, set);
        versionCommits.add(a.commit);
      }
    }
  }
  const stageOrder = new Map<string, TagInfo[]>();
  for (const t of ctx.snap.tags) {
    const owner = /^([a-z0-9][a-z0-9-]*)[@#]/.exec(t.name)?.[1];
    if (looksLikeRegistryTag(t.name)) {
      if (owner && views.has(owner))
        find(
          ctx,
          "tag-grammar",
          { model: owner, tag: t.name, commit: t.commit },
          `the tag "${t.name}" looks like a registry tag but does not follow GTO's grammar`,
          "NAME@vX.Y.Z, NAME@vX.Y.Z!, NAME#STAGE#N or NAME#STAGE!#N",
        );
      continue;
    }
    const p = parseTag(t.name);
    if (!p || !views.has(p.name)) continue;
    const where = { model: p.name, tag: t.name, commit: t.commit };
    if (!t.annotated) {
      find(
        ctx,
        "tag-lightweight",
        where,
        `${t.name} is a lightweight tag (it names commit ${short(t.object)} directly, with no tagger and no date)`,
        `an annotated tag: git tag -a ${t.name} …`,
      );
    }
    if (p.kind === "version" && !p.deregistered) {
      const commits = publishedBy.get(`${p.name}@${p.version}`);
      if (!commits) {
        find(
          ctx,
          "version-tag",
          where,
          `${t.name} tags version ${p.version}, which no publish record of ${p.name} published`,
          `a version tag only on the commit that published ${p.name} ${p.version}`,
        );
      } else if (!t.commit || !commits.has(t.commit)) {
        find(
          ctx,
          "version-tag",
          where,
          `${t.name} points at ${short(t.commit)}, but ${p.name} ${p.version} was published by commit ${[...commits].map(short).join(", ")}`,
          `${t.name} on ${[...commits].map(short).join(", ")}`,
        );
      }
    }
    if (p.kind === "stage") {
      if (!p.unassigned && !cited.has(t.name)) {
        find(
          ctx,
          "tag-without-record",
          where,
          `${t.name} (on ${short(t.commit)}${t.tagger ? `, by ${t.tagger.name} <${t.tagger.email}> at ${t.tagger.date}` : ""}) is cited by no promotion record: a stage assignment made by hand`,
          `each stage assignment made by modelgate, with the promotion record that assigns it`,
        );
      }
      if (p.unassigned && (!t.commit || !versionCommits.has(t.commit))) {
        find(
          ctx,
          "tag-without-record",
          where,
          `${t.name} unassigns ${p.stage} on ${short(t.commit)}, a commit that published no version of ${p.name}`,
          "an unassignment on the commit of the version it unassigns",
        );
      }
      if (t.tagger) {
        const key = `${p.name}#${p.stage}`;
        const list = stageOrder.get(key) ?? [];
        list.push(t);
        stageOrder.set(key, list);
      }
    }
  }
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
        find(
          ctx,
          "stage-counter",
          { model: p.name, tag: t.name, commit: t.commit },
          `${t.name} (tagged ${t.tagger?.date}) comes after ${prev.t.name} (tagged ${prev.t.tagger?.date}) with a number not above it`,
          "stage numbers that only increase with time",
        );
      }
      if (!prev || p.number > prev.n) prev = { t, n: p.number };
    }
  }
}

export interface VerifyResult {
  findings: Finding[];
  checked: { records: number; commits: number; tags: number; evaluations: number };
}

/** Every check on the selected models' ledgers, the commits that changed their files, and their tags. */
export function verifyHistory(
  snap: Snapshot,
  views: LedgerView[],
  blobs: Map<string, Buffer | undefined>,
): VerifyResult {
  const ctx: Ctx = {
    snap,
    blobs,
    tags: new Map(snap.tags.map((t) => [t.name, t])),
    out: [],
    configs: new Map(),
    pinTemplates: new Map(),
  };
  const byModel = new Map(views.map((v) => [v.model, v]));
  let records = 0;
  let evaluations = 0;
  for (const v of views) {
    for (const p of v.problems) {
      find(
        ctx,
        "ledger-unreadable",
        { model: v.model, path: `${v.path}:${p.line}` },
        `${v.path} line ${p.line}: ${p.message}`,
        "one promotion record per line, valid against schemas/promotion-record.schema.json, in canonical JSON (RFC 8785)",
      );
    }
    for (const p of v.chain) {
      const e = v.entries.find((x) => x.line === p.line);
      find(
        ctx,
        "ledger-chain",
        { model: v.model, path: `${v.path}:${p.line}`, entry: e },
        `${v.path} line ${p.line}: the hash chain is broken: ${p.message}`,
        "each record's sequence one above the last, and its previous the digest of the record before it",
      );
    }
    for (const w of v.rewrites) {
      const c = snap.byOid.get(w.commit);
      find(
        ctx,
        "ledger-rewritten",
        { model: v.model, commit: w.commit, path: v.path },
        `${c ? commitText(c) : `commit ${short(w.commit)}`}: ${w.message}`,
        w.expected,
      );
    }
    const stages = new Map<string, number>();
    v.entries.forEach((e, i) => {
      records++;
      if (e.record.action === "publish") evaluations++;
      checkRecord(ctx, v, e, i, stages);
    });
  }
  checkCommits(ctx, byModel);
  checkTags(ctx, byModel);
  const commits = snap.commits.filter((c) =>
    c.changes.some((ch) => {
      const d = deployPathOf(snap, ch.path)?.model;
      return (d && byModel.has(d)) || views.some((v) => v.path === ch.path);
    }),
  ).length;
  const tags = snap.tags.filter((t) => {
    const p = parseTag(t.name);
    return p ? byModel.has(p.name) : looksLikeRegistryTag(t.name);
  }).length;
  return { findings: ctx.out, checked: { records, commits, tags, evaluations } };
}
