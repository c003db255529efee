/**
 * An audited history built in memory, for the tests of audit verify's rules: no git. It holds what ../../../src/audit
 * reads from git (commits with trailers and changes, tags, the objects read) and the ledgers' views, made the way
 * modelgate makes them (appendToLedger, promotionTrailers, renderOverlay), so that a fresh world verifies with no
 * finding and each test breaks one thing.
 */
import { createHash } from "node:crypto";
import { stringify } from "yaml";
import type { AuditConfig, CommitInfo, Snapshot, TagInfo } from "../../../src/audit/history.ts";
import type { Addition, LedgerView } from "../../../src/audit/ledgers.ts";
import type { EntryFacts, ImageProbe, ReferrerProbe, VerifyFacts } from "../../../src/audit/rules/context.ts";
import { entryFacts, readFacts } from "../../../src/audit/verify.ts";
import { renderBase, renderOverlay } from "../../../src/deploy/render.ts";
import type { PathChange } from "../../../src/git/history.ts";
import { sha256Of } from "../../../src/ledger/canonical.ts";
import {
  appendToLedger,
  chainProblems,
  evaluationCopyPath,
  type NewRecord,
  parseLedger,
  promotionsPath,
} from "../../../src/ledger/ledger.ts";
import { deregisterTag, stageTag, unassignTag, versionTag } from "../../../src/ledger/tags.ts";
import { promotionTrailers, type Trailers } from "../../../src/ledger/trailers.ts";
import { API_VERSION, type Model } from "../../../src/manifest/schema.ts";
import type { EvaluationRecord } from "../../../src/records/evaluation.ts";
import type { PromotionRecord } from "../../../src/records/promotion.ts";
import { makeModel, makeRecord } from "../../report/builder.ts";
import { loadParsers } from "../../../src/audit/parsers.ts";

// the rules read here run without withParsers (src/audit/parsers.ts): the readers with yaml are loaded first, as
// withParsers loads them for a manifest or overlay the plain readers leave to yaml
await loadParsers();

export const BOT = { name: "modelgate[bot]", email: "modelgate-bot@example.com" };
export const MALLORY = { name: "Mallory", email: "mallory@example.com" };

/** A commit or object id from a label (the same label, the same id). */
export const oid = (label: string) => createHash("sha1").update(label).digest("hex");
const hex = (label: string) => createHash("sha256").update(label).digest("hex");

export const CONFIG: AuditConfig = {
  records: "records",
  deploy: "deploy",
  models: "models",
  data: "data",
  identity: BOT,
  environments: [
    { name: "staging", requiresApproval: false },
    { name: "production", requiresApproval: true },
  ],
  gitops: { remote: null, branch: null },
};

interface Ledger {
  text: string;
  added: Map<string, Addition>;
  byCommit: Map<string, Addition[]>;
}

export interface Promotion {
  record: PromotionRecord;
  digest: string;
  commit: CommitInfo;
}

export class World {
  readonly commits: CommitInfo[] = [];
  readonly tags: TagInfo[] = [];
  readonly blobs = new Map<string, Buffer | undefined>();
  readonly ledgers = new Map<string, Ledger>();
  /** Commits of the audited branch besides those in `commits` (the merged commits published). */
  readonly reachable = new Set<string>();
  config: AuditConfig = CONFIG;
  images?: ImageProbe[];
  referrers?: ReferrerProbe[];
  /** The bytes of the evaluation record publish keeps (default: the record as JSON). */
  evaluationBytes = (ev: EvaluationRecord) => Buffer.from(JSON.stringify(ev));
  private clock = Date.parse("2026-03-02T09:00:00Z");

  /** The next time, a minute after the last, RFC 3339 UTC to the second. */
  tick(): string {
    this.clock += 60_000;
    return new Date(this.clock).toISOString().replace(/\.\d{3}Z$/, "Z");
  }

  /** A commit on the audited branch, by modelgate unless `author` says otherwise. */
  commit(o: {
    subject: string;
    author?: { name: string; email: string };
    trailers?: Trailers;
    changes?: PathChange[];
  }) {
    const date = this.tick();
    const c: CommitInfo = {
      oid: oid(`commit ${this.commits.length} ${o.subject}`),
      parents: this.commits.length ? [this.commits[this.commits.length - 1].oid] : [],
      author: { ...(o.author ?? BOT), date },
      committer: { ...(o.author ?? BOT), date },
      subject: o.subject,
      trailers: new Map(),
      changes: o.changes ?? [],
      touched: o.changes ?? [],
    };
    for (const [k, v] of o.trailers ?? []) c.trailers.set(k, [...(c.trailers.get(k) ?? []), v]);
    this.commits.push(c);
    return c;
  }

  /** A change of `path` to these bytes (kept as a blob), or its deletion. */
  change(path: string, text: string | undefined, status = "M"): PathChange {
    if (text === undefined) return { path, status: "D", oldOid: oid(`old ${path}`), newOid: "0".repeat(40) };
    const id = oid(`blob ${text}`);
    this.blobs.set(id, Buffer.from(text));
    return { path, status, oldOid: oid(`old ${path}`), newOid: id };
  }

  /** An annotated tag (lightweight with `annotated: false`) on a commit. */
  tag(name: string, commit: string | undefined, o: { annotated?: boolean; date?: string; object?: string } = {}) {
    const annotated = o.annotated ?? true;
    const t: TagInfo = {
      name,
      annotated,
      object: o.object ?? (annotated ? oid(`tag ${name}`) : (commit ?? "")),
      commit,
      tagger: annotated ? { name: "Dana Release", email: "dana@example.com", date: o.date ?? this.tick() } : undefined,
      subject: name,
    };
    this.tags.push(t);
    return t;
  }

  manifest(model: string, version: string): Model {
    return makeModel(model, { version });
  }

  /**
   * What publish leaves on a merge: the merged commit (source), then ONE modelgate commit appending the publish record
   * (with its trailers), the evaluation record, the base and the staging overlay, and the stage tag on that commit.
   */
  publish(model: string, version: string, edit: (r: NewRecord) => NewRecord = (r) => r): Promotion {
    const source = oid(`merge ${model} ${version}`);
    this.reachable.add(source);
    const artifact = hex(`${model} ${version} onnx`);
    const data = hex("churn-eval data");
    const ev = makeRecord({ name: model, version });
    ev.candidate.sha256 = artifact;
    ev.dataset.sha256 = data;
    const evBytes = this.evaluationBytes(ev);
    const evHex = sha256Of(evBytes).slice(7);
    const evPath = evaluationCopyPath(this.config.records, model, evHex);
    this.blobs.set(`tip:${evPath}`, evBytes);
    const m = this.manifest(model, version);
    this.blobs.set(`${source}:models/${model}/model.yaml`, Buffer.from(stringify(m)));
    const head = oid(`head ${model} ${version}`);
    const imageDigest = `sha256:${hex(`${model} ${version} image`)}`;
    const repository = `registry.example.com/acme/${model}`;
    const n = this.entries(model).filter((e) => e.record.environment === "staging").length + 1;
    const cardPath = `${this.config.models}/${model}/MODEL_CARD.md`;
    const card = Buffer.from(`# ${model} ${version}\n\nImage ${imageDigest}.\n`);
    const record = edit({
      apiVersion: API_VERSION,
      kind: "PromotionRecord",
      action: "publish",
      at: this.tick(),
      model: { name: model, version, sha256: artifact, path: `models/${model}/model.onnx` },
      data: [{ name: "churn-eval", sha256: data }],
      evaluation: {
        record: `sha256:${evHex}`,
        path: evPath,
        verdict: "pass",
        gates: [{ gate: "roc_auc >= 0.85", status: "pass" }],
        metrics: { roc_auc: ev.candidate.metrics.roc_auc },
      },
      pullRequest: { number: 7, author: "alice", head },
      approvals: [{ reviewer: "bob", reviewId: 11, commit: head, submittedAt: this.tick() }],
      image: { reference: `${repository}@${imageDigest}`, digest: imageDigest },
      environment: "staging",
      stageTag: stageTag(model, "staging", n),
      source,
      triggeredBy: "carol",
      card: { path: cardPath, sha256: sha256Of(card).slice(7) },
    });
    const pin = { image: { repository, digest: imageDigest, scheme: "oci" as const }, version, record: "" };
    this.blobs.set(`tip:${cardPath}`, card);
    const made = this.promote(model, record, (digest) => [
      ...Object.entries(renderBase(m, { ...pin, record: digest })).map(([f, text]) =>
        this.change(`${this.config.deploy}/${model}/base/${f}`, text),
      ),
      this.change(
        `${this.config.deploy}/${model}/overlays/staging/kustomization.yaml`,
        renderOverlay(m, "staging", { ...pin, record: digest }),
      ),
      this.change(evPath, evBytes.toString(), "A"),
      this.change(cardPath, card.toString()),
    ]);
    this.blobs.set(`${made.commit.oid}:${cardPath}`, card);
    return made;
  }

  /**
   * What release leaves: a release record of a published version to production (its version tag made first), ONE
   * modelgate commit appending it with the production overlay, and the stage tag on the version's commit.
   */
  release(pub: Promotion, edit: (r: NewRecord) => NewRecord = (r) => r): Promotion {
    const model = pub.record.model.name;
    const version = pub.record.model.version;
    const vtag =
      this.tags.find((t) => t.name === versionTag(model, version)) ??
      this.tag(versionTag(model, version), pub.commit.oid);
    const held = [...this.entries(model)].reverse().find((e) => e.record.environment === "production");
    const n = this.entries(model).filter((e) => e.record.environment === "production").length + 1;
    const { sequence: _s, previous: _p, release: _r, ...rest } = pub.record;
    const record = edit({
      ...rest,
      action: "release",
      at: this.tick(),
      environment: "production",
      stageTag: stageTag(model, "production", n),
      source: pub.commit.oid,
      triggeredBy: "dana",
      release: {
        tag: vtag.name,
        tagObject: vtag.object,
        pushedBy: "dana",
        environmentApprovals: [
          { user: "erin", state: "approved", comment: "", at: this.tick(), environments: ["production"] },
        ],
        publishRecord: pub.digest,
        supersedes: held ? { version: held.record.model.version, image: held.record.image.digest } : null,
      },
    });
    const repository = record.image.reference.replace(/@.*$/, "");
    return this.promote(
      model,
      record,
      (digest) => [
        this.change(
          `${this.config.deploy}/${model}/overlays/production/kustomization.yaml`,
          renderOverlay(this.manifest(model, version), "production", {
            image: { repository, digest: record.image.digest, scheme: "oci" as const },
            version,
            record: digest,
          }),
        ),
      ],
      pub.commit.oid,
    );
  }

  /**
   * What --deregister or --unassign leaves: ONE modelgate commit appending its record (naming the version's publish
   * record), and its tag (MODEL@vX.Y.Z!, MODEL#production!#N) on the version's commit.
   */
  withdraw(pub: Promotion, mode: "deregister" | "unassign", edit: (r: NewRecord) => NewRecord = (r) => r): Promotion {
    const model = pub.record.model.name;
    const version = pub.record.model.version;
    const n = this.entries(model).filter((e) => e.record.environment === "production").length + 1;
    const { sequence: _s, previous: _p, release: _r, ...rest } = pub.record;
    const record = edit({
      ...rest,
      action: mode,
      at: this.tick(),
      environment: mode === "unassign" ? "production" : pub.record.environment,
      stageTag: mode === "deregister" ? deregisterTag(model, version) : unassignTag(model, "production", n),
      source: pub.commit.oid,
      triggeredBy: "dana",
      registry: { publishRecord: pub.digest, pushedBy: "dana" },
    });
    return this.promote(model, record, () => [], pub.commit.oid);
  }

  /** Appends a record to the model's ledger in one modelgate commit with its trailers, and tags its stage. */
  private promote(
    model: string,
    record: NewRecord,
    changes: (digest: string) => PathChange[],
    tagOn?: string,
  ): Promotion {
    const ledger = this.ledgers.get(model) ?? { text: "", added: new Map(), byCommit: new Map() };
    this.ledgers.set(model, ledger);
    const appended = appendToLedger(ledger.text, record);
    const ledgerPath = promotionsPath(this.config.records, model);
    const commit = this.commit({
      subject: `${appended.record.action} ${model} ${appended.record.model.version} to ${appended.record.environment}`,
      trailers: promotionTrailers(appended.record, appended.digest),
      changes: [this.change(ledgerPath, appended.text, ledger.text ? "M" : "A"), ...changes(appended.digest)],
    });
    ledger.text = appended.text;
    const line = appended.text.split("\n").filter(Boolean).at(-1) as string;
    this.addLine(model, line, commit.oid, appended.record, appended.digest);
    this.tag(appended.record.stageTag, tagOn ?? commit.oid);
    return { record: appended.record, digest: appended.digest, commit };
  }

  /** Records that `commit` appended this line to the model's ledger. */
  addLine(model: string, line: string, commit: string, record?: PromotionRecord, digest?: string, tampered = false) {
    const ledger = this.ledgers.get(model) as Ledger;
    const a: Addition = { line, commit, record, digest, tampered };
    ledger.added.set(line, a);
    ledger.byCommit.set(commit, [...(ledger.byCommit.get(commit) ?? []), a]);
  }

  entries(model: string) {
    return parseLedger(this.ledgers.get(model)?.text ?? "").entries;
  }

  snapshot(): Snapshot {
    const tip = this.commits.at(-1)?.oid ?? oid("empty");
    return {
      ref: "HEAD",
      tip,
      tipDate: this.commits.at(-1)?.committer.date ?? "",
      objectFormat: "sha1",
      config: this.config,
      configBytes: undefined,
      commits: this.commits,
      byOid: new Map(this.commits.map((c) => [c.oid, c])),
      reachable: new Set([...this.reachable, ...this.commits.map((c) => c.oid)]),
      tags: this.tags,
    };
  }

  views(): LedgerView[] {
    return [...this.ledgers].map(([model, l]) => {
      const { entries, problems } = parseLedger(l.text);
      return {
        model,
        path: promotionsPath(this.config.records, model),
        text: l.text,
        lines: l.text.split("\n"),
        entries,
        problems,
        chain: chainProblems(entries),
        added: l.added,
        byCommit: l.byCommit,
        rewrites: [],
      };
    });
  }

  /** The facts the rules read, as ../../../src/audit/verify.ts reads them (the tip's objects under "tip:"). */
  facts(views = this.views()): VerifyFacts {
    const snap = this.snapshot();
    const blobs = new Map(
      [...this.blobs].map(([k, v]) => [k.startsWith("tip:") ? `${snap.tip}:${k.slice(4)}` : k, v] as const),
    );
    return readFacts(snap, views, blobs, this.images, undefined, this.referrers);
  }
}

/** The facts of one record, as the runner gives them to an entry rule. */
export function entryAt(facts: VerifyFacts, model: string, sequence: number): EntryFacts {
  const view = facts.views.get(model) as LedgerView;
  return entryFacts(facts, view).find((at) => at.entry.record.sequence === sequence) as EntryFacts;
}
