import { UserError } from "../errors.ts";
import { join } from "node:path";
import { type HistoryReads, topLevel } from "../git/history.ts";
import { type Git, openGit } from "../git/index.ts";
import { isShallow } from "../git/shallow.ts";
import { sha256Of } from "../ledger/canonical.ts";
import { type LedgerEntry, parseLedger, promotionsPath } from "../ledger/read.ts";
import { SchemaNotLoaded } from "../records/promotion-read.ts";
import { API_VERSION } from "../manifest/basics.ts";
import type { Model } from "../manifest/schema.ts";
import { trainingRecordPath } from "../records/training-path.ts";
import type { LoadedTrust } from "../attest/trust.ts";
import { hashAhead } from "./digests.ts";
import { type Head, readHead, readHistory, readObjects, type Snapshot, treeFolders } from "./history.ts";
import { addedBy, entryLine, indexLedger, type LedgerView, modelsOf, planLedger, prefixIndex } from "./ledgers.ts";
import type { AuditReport, Finding } from "./schema.ts";
import { atReads, atTime, modelTimeline, placements, timelineReads } from "./timeline.ts";
import type { EvaluationJudge } from "./judge-worker.ts";
/** The exact reading's modules (./exact.ts), loaded only when the history is read exactly. */
type Exact = typeof import("./exact.ts");

/**
 * `modelgate audit` as a library: reads the history once (./history.ts), in bulk, and reconstructs what was asked —
 * the timeline, what ran at a time, the verification, the files an evidence folder copies — from those values.
 */

export interface AuditOptions {
  /** The repository (any folder inside it). */
  cwd: string;
  /** The GitOps ref to audit (default HEAD). */
  ref?: string;
  /** Only these models (default: every model the history knows). */
  models?: string[];
  timeline?: boolean;
  /** What ran in an environment at a time (ms since the epoch). */
  at?: { time: number; environment?: string };
  verify?: boolean;
  /**
   * With verify: HEAD every image in its registry (or the local OCI layout for registry.invalid images; default
   * .modelgate/images at the top of the repository, whichever folder `cwd` is).
   */
  registry?: { env: NodeJS.ProcessEnv; layout?: string; log?: (line: string) => void };
  /** With verify: every record must be attested by a key or identity this trust policy allows (`--trust FILE`). */
  trust?: LoadedTrust;
  /** Also gather the files an evidence folder copies (`copies`). */
  evidence?: boolean;
  /** Also write the evidence folder here (new or empty: ./evidence.ts); implies `evidence`. */
  evidenceDir?: string;
  /** The command the evidence folder's README says made it (default "modelgate audit"). */
  command?: string;
  /**
   * git's reads of the history started early (../git/history.ts startHistoryReads, of HEAD): used when `ref` is HEAD
   * and the configuration names the paths they read.
   */
  started?: HistoryReads;
  /** Phase timings (benchmarks). */
  trace?: (phase: string, ms: number) => void;
}

export interface AuditOutcome {
  report: AuditReport;
  snap: Snapshot;
  /** Evidence files by their path in the folder, with the git object they came from. */
  copies?: { path: string; source: string; bytes: Buffer }[];
  /** With evidenceDir: the folder written, and each file's digest (as its SHA256SUMS lists them). */
  evidence?: { dir: string; files: { path: string; sha256: string }[] };
}

/** The evidence files: ledgers, evaluation and training records, manifests, cards and dataset manifests cited. */
function evidenceReads(x: Exact, snap: Snapshot, views: LedgerView[]): { path: string; name: string }[] {
  const out: { path: string; name: string }[] = [];
  const seen = new Set<string>();
  const add = (path: string, name: string) => {
    if (seen.has(path)) return;
    seen.add(path);
    out.push({ path, name });
  };
  for (const v of views) {
    if (v.text !== undefined) add(v.path, `${snap.tip}:${v.path}`);
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

/** The ledgers at the tip, parsed, with everything they alone name read while git reads the history. */
async function readLedgers(
  git: Git,
  head: Head & { recordsTree?: Buffer },
  opts: AuditOptions,
  exact: Exact | undefined,
  wantTimeline: boolean,
  judge: EvaluationJudge | undefined,
) {
  const [tree] =
    head.config.records === "records"
      ? [head.recordsTree]
      : (await readObjects(git, [`${head.tip}:${head.config.records}`])).values();
  const names = treeFolders(tree, head.objectFormat).filter((m) => !opts.models?.length || opts.models.includes(m));
  const paths = names.map((m) => `${head.tip}:${promotionsPath(head.config.records, m)}`);
  const tips = await readObjects(git, paths);
  const texts = new Map(names.map((m, i) => [m, tips.get(paths[i])?.toString("utf8")]));
  const parsed = new Map<string, ReturnType<typeof parseLedger>>();
  const reads: Promise<Map<string, Buffer | undefined>>[] = [];
  // verify's evaluation records are hashed on libuv's threads as they arrive (./digests.ts)
  const hashing: Promise<void>[] = [];
  // with a judge (./judge-worker.ts), each publish record's evaluation record goes to it as it arrives, with the
  // manifest at its source commit (read here, once: the rules read the same map)
  const manifests = new Map<string, Model | undefined>();
  // Each ledger's objects are asked for as soon as it is parsed, and git's answers are taken in between ledgers: git
  // finds them while the next ledgers are parsed, instead of after all of them.
  const prefixes: Promise<[string, Map<string, number>]>[] = [];
  // verify alone (no evidence folder, which copies them): the worker reads the evaluation records itself, with its own
  // `git cat-file --batch`, while this thread's reads the rest
  const workerReads = exact && !opts.evidence && !opts.evidenceDir ? judge : undefined;
  const byWorker = new Set<string>();
  for (const m of names) {
    const p = await readLedger(texts.get(m) ?? "");
    parsed.set(m, p);
    if (exact && judge)
      prefixes.push(judge.prefixIndex(m, texts.get(m), head.objectFormat).then((index) => [m, index]));
    const ledger = [{ model: m, entries: p.entries }];
    const evaluations = exact ? exact.evaluationReads(head, ledger) : [];
    if (workerReads) {
      const items = toRead(exact!, head, p.entries);
      for (const it of items) byWorker.add(it.name);
      workerReads.read(git.dir, items);
    }
    reads.push(
      readObjects(git, [
        ...(wantTimeline ? timelineReads(ledger) : []),
        ...(exact ? exact.verifyEarlyReads(head, ledger).filter((n) => !byWorker.has(n)) : []),
      ]).then(async (got) => {
        // the worker hashes what it reads or is given; without it, libuv's threads do (the manifests read first: a
        // manifest that needs yaml loads it, and they are read again, ./parsers.ts)
        if (workerReads) {
          const judged = await exact!.withParsers(() => judgeManifests(exact!, head, p.entries, got, manifests));
          workerReads.manifests(judged);
        } else if (judge)
          judge.add(await exact!.withParsers(() => judgeItems(exact!, head, p.entries, got, manifests)));
        else hashing.push(hashAhead(evaluations.map((n) => got.get(n))));
        return got;
      }),
    );
    await new Promise((r) => setImmediate(r));
  }
  const indexes = new Map(
    !exact
      ? []
      : judge
        ? await Promise.all(prefixes)
        : names.map((m) => [m, prefixIndex(texts.get(m), head.objectFormat)]),
  );
  const early = new Map((await Promise.all(reads)).flatMap((got) => [...got]));
  return { texts, parsed, indexes, early, hashed: Promise.all(hashing), manifests, byWorker };
}

/**
 * A ledger's text parsed without zod (../ledger/read.ts), unless a record needs zod's schema to say what is wrong with
 * it: then the schema is loaded, and the text read again.
 */
async function readLedger(text: string): Promise<ReturnType<typeof parseLedger>> {
  try {
    return parseLedger(text);
  } catch (err) {
    if (!(err instanceof SchemaNotLoaded)) throw err;
    await import("../ledger/ledger.ts");
    return parseLedger(text);
  }
}

/** The publish records of a ledger whose evaluation records the worker reads itself (./judge-worker.ts). */
function toRead(x: Exact, head: Head, entries: LedgerEntry[]) {
  return entries
    .filter((e) => e.record.action === "publish")
    .map((e) => ({
      digest: e.digest,
      name: `${head.tip}:${e.record.evaluation.path}`,
      record: x.boundRecord(e.record),
    }));
}

/** The manifest at each publish record's source commit, by the record's digest (kept in `manifests` too). */
function judgeManifests(
  x: Exact,
  head: Head,
  entries: LedgerEntry[],
  got: Map<string, Buffer | undefined>,
  manifests: Map<string, Model | undefined>,
): [string, Model | undefined][] {
  const out: [string, Model | undefined][] = [];
  for (const e of entries) {
    if (e.record.action !== "publish") continue;
    const manifest = x.manifestOf(head, got, e.record);
    manifests.set(e.digest, manifest);
    out.push([e.digest, manifest]);
  }
  return out;
}

/** The judge's items of one ledger's publish records whose evaluation record git has (./judge-worker.ts). */
function judgeItems(
  x: Exact,
  head: Head,
  entries: LedgerEntry[],
  got: Map<string, Buffer | undefined>,
  manifests: Map<string, Model | undefined>,
) {
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

/** The models asked for (default: every model the history knows); an unknown one is a usage error. */
function selectModels(snap: Snapshot, inLedgers: Iterable<string>, asked: string[] | undefined, ref: string): string[] {
  const known = [...new Set([...modelsOf(snap), ...inLedgers])].sort();
  const models = asked?.length ? [...new Set(asked)] : known;
  for (const m of models) {
    if (!known.includes(m)) {
      throw new UserError(
        `no promotion record or registry tag of "${m}" in ${ref}${known.length ? ` (models: ${known.join(", ")})` : ": nothing has been published yet"}`,
      );
    }
  }
  return models;
}

/** The environment --at asks about (default: the last in modelgate.yaml); an unknown one is a usage error. */
function atEnvironment(snap: Snapshot, opts: AuditOptions, ref: string): string | undefined {
  if (!opts.at) return undefined;
  const env = opts.at.environment ?? snap.config.environments.at(-1)?.name ?? "production";
  if (!snap.config.environments.some((e) => e.name === env)) {
    const names = snap.config.environments.map((e) => e.name);
    throw new UserError(
      `--env ${env}: no such environment in modelgate.yaml at ${ref} (environments: ${names.join(", ")})`,
    );
  }
  return env;
}

/**
 * The evidence files read, by their path in the folder. The evaluation records are content-addressed: only the bytes
 * whose digest their name says are copied as such.
 */
function evidenceCopies(evidence: { path: string; name: string }[], blobs: Map<string, Buffer | undefined>) {
  const copies = evidence
    .filter((x) => blobs.get(x.name) !== undefined)
    .map((x) => ({ path: x.path, source: x.name, bytes: blobs.get(x.name) as Buffer }));
  for (const c of copies) {
    const m = /\/([0-9a-f]{64})\.json$/.exec(c.path);
    if (m && sha256Of(c.bytes) !== `sha256:${m[1]}`) c.path = c.path.replace(/\.json$/, ".json.DIGEST-MISMATCH");
  }
  return copies;
}

export async function runAudit(opts: AuditOptions): Promise<AuditOutcome> {
  // verify's evaluation records are read and judged on a worker thread, started now (./judge-worker.ts)
  const exact = Boolean(opts.verify || opts.evidence || opts.evidenceDir);
  // the exact reading's modules load while the worker starts and git reads the audited commit
  const modules = exact ? import("./exact.ts") : undefined;
  const judge = exact ? (await import("./judge-worker.ts")).startEvaluationJudge() : undefined;
  try {
    return await audit(opts, judge, modules);
  } finally {
    judge?.end();
  }
}

async function audit(
  opts: AuditOptions,
  judge: EvaluationJudge | undefined,
  modules: Promise<Exact> | undefined,
): Promise<AuditOutcome> {
  const trace = opts.trace ?? (() => {});
  let t = performance.now();
  const lap = (phase: string) => {
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
  // Two chains at once: git reads the history (log, tags) while the ledgers at the tip, and everything they alone
  // name (evaluation and training records, manifests, pull-request heads), are read and parsed.
  const [snap, led] = await Promise.all([
    readHistory(git, head, { reachable: Boolean(exact), started: ref === "HEAD" ? opts.started : undefined }),
    readLedgers(git, head, opts, exact, wantTimeline, judge),
  ]);
  lap("history and ledgers");
  const models = selectModels(snap, led.texts.keys(), opts.models, ref);
  const texts = models.map((m) => led.texts.get(m));
  const parsed = models.map((m) => led.parsed.get(m) ?? parseLedger(""));
  const plans = models.map((m, i) =>
    planLedger(snap, m, texts[i], { exact: Boolean(exact), parsed: parsed[i], index: led.indexes.get(m) }),
  );
  // A first reading of the ledgers (rewritten versions not yet read) says which objects the rest needs (a record only
  // history holds that zod must word loads it, and the reading runs again: ./parsers.ts).
  const draftOf = () => models.map((m, i) => indexLedger(snap, m, texts[i], plans[i], new Map(), parsed[i]));
  const draft = exact ? await exact.withParsers(draftOf) : draftOf();
  const env = atEnvironment(snap, opts, ref);
  const cited = exact && evidence ? evidenceReads(exact, snap, draft) : [];
  const overlays = exact ? exact.overlayWrites(snap, draft) : [];
  const late = [
    ...plans.flatMap((p) => p.read),
    ...(wantTimeline ? timelineReads(draft) : []),
    ...(exact
      ? [
          ...exact.verifyEarlyReads(snap, draft),
          ...exact.verifyLateReads(snap, draft),
          ...exact.firstOverlays(overlays),
        ]
      : []),
    ...(opts.at && env ? atReads(snap, draft, env, opts.at.time) : []),
    ...cited.map((x) => x.name),
  ].filter((n) => !led.early.has(n) && !led.byWorker.has(n));
  const blobs = new Map([...led.early, ...(await readObjects(git, late))]);
  if (overlays.length) {
    // the overlays written from the same template as the first of their model and environment: known, not read
    const known = await exact!.withParsers(() => exact!.knownOverlays(overlays, blobs, snap.objectFormat));
    const rest = overlays.map((w) => w.oid).filter((oid) => !blobs.has(oid) && !known.has(oid));
    for (const [oid, bytes] of [...known, ...(await readObjects(git, rest))])
      if (!blobs.has(oid)) blobs.set(oid, bytes);
  }
  lap("objects");
  const viewsOf = () =>
    models.map((m, i) =>
      plans[i].read.length ? indexLedger(snap, m, texts[i], plans[i], blobs, parsed[i]) : draft[i],
    );
  const views = exact ? await exact.withParsers(viewsOf) : viewsOf();
  const report: AuditReport = {
    apiVersion: API_VERSION,
    kind: "AuditReport",
    repository: { ref, commit: snap.tip, committedAt: snap.tipDate },
    models: views.map((v) => ({
      name: v.model,
      environments: placements(snap, v),
      ...(wantTimeline ? { events: modelTimeline(snap, v, blobs) } : {}),
    })),
  };
  if (opts.at && env) {
    const { readOverlayPin } = await import("../deploy/render.ts");
    report.at = atTime(snap, views, blobs, env, opts.at.time, readOverlayPin);
  }
  lap("timeline");
  if (exact) {
    const registry = opts.registry && {
      ...opts.registry,
      layout: opts.registry.layout ?? join((await topLevel(git)) ?? opts.cwd, ".modelgate/images"),
    };
    await led.hashed;
    // the rules that do not read the worker's answers run while it judges (./verify.ts)
    const answers = judge?.answers();
    // the worker failed: the evaluation records it was to read are read here, and the rules judge them
    const unanswered = async () => {
      if (led.byWorker.size) for (const [n, bytes] of await readObjects(git, led.byWorker)) blobs.set(n, bytes);
    };
    report.verification = await exact.verifyHistory(
      snap,
      views,
      blobs,
      registry,
      opts.trust,
      judge && answers ? { manifests: led.manifests, later: { answers, unanswered } } : undefined,
    );
    lap("verify");
  }
  const copies = evidence ? evidenceCopies(cited, blobs) : undefined;
  if (!opts.evidenceDir) return { report, snap, copies };
  const files = exact!.writeEvidence(opts.evidenceDir, {
    report,
    snap,
    copies: copies ?? [],
    config: snap.configBytes,
    command: opts.command ?? "modelgate audit",
  });
  return { report, snap, copies, evidence: { dir: opts.evidenceDir, files } };
}

/**
 * Whether one model's ledger at `ref` may be extended (publish asks before it writes anything): the ledger rules of
 * `audit verify` (./rules/table.ts LEDGER_INTEGRITY: every line readable, the chain whole, only ever appended to)
 * on the ledger's history as git holds it. The ledger may be extended when its lines are readable and chained, and are
 * exactly the records modelgate's commits appended — none changed since it was written, none removed. A rewrite whose
 * effect was undone (an edit reverted) stays in the history that audit verify reports, but refuses nothing. In a
 * shallow clone the history is not all there: only the tip's lines are checked, and `shallow` says so.
 */
export async function ledgerAppendFindings(
  git: Git,
  ref: string,
  model: string,
): Promise<{ findings: Finding[]; shallow: boolean }> {
  // the exact reading's modules load while git reads (zod's promotion schema, ../ledger/ledger.ts, which words what is
  // wrong with a record of the ledger's history, loads when one needs it: ./parsers.ts)
  const modules = import("./exact.ts");
  const head = await readHead(git, ref);
  const path = promotionsPath(head.config.records, model);
  const [snap, tip, shallow, { LEDGER_INTEGRITY, readFacts, withParsers }] = await Promise.all([
    readHistory(git, head, { reachable: false }),
    readObjects(git, [`${head.tip}:${path}`]),
    isShallow(git),
    modules,
  ]);
  const text = tip.get(`${head.tip}:${path}`)?.toString("utf8");
  const parsed = await withParsers(() => parseLedger(text ?? ""));
  const plan = planLedger(snap, model, text, { exact: !shallow, parsed });
  const blobs = await readObjects(git, plan.read);
  const view = await withParsers(() => indexLedger(snap, model, text, plan, blobs, parsed));
  const findings = await withParsers(() =>
    LEDGER_INTEGRITY.flatMap((rule) => rule(readFacts(snap, [view], blobs), view)),
  );
  // the records as appended, each once: are they exactly the tip's?
  const appended = new Set([...view.added.values()].filter((a) => !a.tampered).map((a) => a.line));
  const atTip = view.entries.map((e) => entryLine(view, e));
  const genuine = atTip.length === appended.size && atTip.every((l) => appended.has(l));
  return { findings: findings.filter((f) => f.check !== "ledger-rewritten" || !genuine), shallow };
}
