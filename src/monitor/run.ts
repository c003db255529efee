import { readFileSync, statSync } from "node:fs";
import { extname, join } from "node:path";
import { sha256File } from "../data/hash.ts";
import { CheckFailed, UserError } from "../errors.ts";
import { keyOf } from "../evaluate/collect.ts";
import { ModelRunner } from "../evaluate/runner.ts";
import { defaultScoringWorkers } from "../evaluate/prestarted.ts";
import { branchTip } from "../git/branch-tip.ts";
import { blobText } from "../git/blob-text.ts";
import { isRepository } from "../git/remote.ts";
import { remoteRefs } from "../git/remote-refs.ts";
import { parseLedger, promotionsPath } from "../ledger/ledger.ts";
import { remoteDefaultBranch as defaultBranch } from "../git/plumbing.ts";
import { CONFIG_FILE } from "../manifest/basics.ts";
import { findModel } from "../manifest/repo.ts";
import { monitoringSchema } from "../manifest/schema.ts";
import type { MonitoringRecord } from "../records/monitoring.ts";
import { defaultEnvironment } from "../release/default-environment.ts";
import { VERSION } from "../version.ts";
import type { Workspace } from "../workspace/workspace.ts";
import { estimatedPerformance } from "./cbpe.ts";
import { Feeder, type FeedSpec } from "./feed.ts";
import { servedDuring } from "./history.ts";
import type { EventCounts, PayloadSpec } from "./events.ts";
import { eventBatches, expandPaths, logKind, readLabels, shown, tableBatches } from "./logs.ts";
import { type MonitoringFacts, type MonitoringPlan, planMonitoring } from "./plan.ts";
import { compareEstimate, operations, realizedPerformance } from "./performance.ts";
import { modelIoOf } from "../evaluate/spec.ts";
import { loadVersion, scratchFolder, type VersionFacts } from "./versions.ts";
import {
  earlyPositives,
  type Positive,
  profileReferences,
  referenceJob,
  type ScoredReferenceFacts,
  scoredReferences,
} from "./references.ts";
import { WindowAccumulator } from "./window.ts";
import type { FeedPool } from "./workers.ts";
import type { Applied } from "./apply.ts";
import type { RollbackResult } from "./rollback.ts";
import type { Gathered, MonitorOptions, MonitorSession } from "./session.ts";

export type { Gathered, MonitorOptions, MonitorSession } from "./session.ts";
export { numericReference } from "./references.ts";

/**
 * The monitor service: what production received in a window (its logs), against what the version that served it
 * was evaluated on. `openMonitor` settles the model, environment and window and reads from the GitOps history which
 * versions served the window (`audit --at`); `gatherFacts` loads those versions as their records name them, streams
 * the logs through the window (scoring rows that carry no prediction with the version that served them) and computes
 * the performance; `planMonitoring` (./plan.ts, pure) decides the record, its commit and the alerts; `applyMonitoring`
 * (./apply.ts) commits the record with the GitOps writer and acts on an alert (sticky issue, retraining pull request,
 * rollback request). `dryRun` stops after the plan.
 */

export interface MonitorResult extends Partial<Applied> {
  plan: MonitoringPlan;
  dryRun: boolean;
  /** With `rollback`: the promotion pull request proposed, or why not (`refused`: a check of release said no). */
  rollback?: RollbackResult & { refused?: string };
}

const DURATION_MS: Record<string, number> = { m: 60_000, h: 3_600_000, d: 86_400_000, w: 604_800_000 };
const iso = (t: number) => new Date(t).toISOString().replace(/\.\d{3}Z$/, "Z");

export async function runMonitor(ws: Workspace, opts: MonitorOptions): Promise<MonitorResult> {
  const s = await openMonitor(ws, opts);
  const scratch = await scratchFolder();
  try {
    const g = await gatherFacts(s, scratch.dir);
    const plan = planMonitoring(g.facts);
    if (opts.dryRun) return { plan, dryRun: true };
    // the GitOps writer and GitHub's client load where the record is written
    const { applyMonitoring } = await import("./apply.ts");
    return { plan, dryRun: false, ...(await applyMonitoring(s, plan, g)) };
  } finally {
    await scratch.remove();
  }
}

/**
 * A monitoring run, then on an alert with `rollback` the rollback's promotion pull request (./rollback.ts), proposed
 * in-process with release's checks: the releaser, and the environment's approval of the run (`release.runId`, or a
 * facts file). A refusal proposes nothing and is reported, not thrown: the alert stands either way.
 */
export async function runMonitorWithRollback(ws: Workspace, opts: MonitorOptions): Promise<MonitorResult> {
  const r = await runMonitor(ws, opts);
  if (r.dryRun || !opts.rollback || r.plan.record.verdict !== "alert") return r;
  // loaded on an alert only: the release's code (its checks, signing, registries) is not read otherwise
  const { proposeRollback } = await import("./rollback.ts");
  try {
    const rollback = await proposeRollback(ws, {
      model: r.plan.record.model.name,
      environment: r.plan.record.environment,
      record: r.plan.digest,
      ...opts.release,
      ...(opts.log ? { log: opts.log } : {}),
    });
    return { ...r, rollback };
  } catch (err) {
    if (!(err instanceof CheckFailed)) throw err;
    return { ...r, rollback: { monitoringRecord: r.plan.digest, refused: err.message } };
  }
}

/** The model, its monitoring plan, the environment, the window, the GitOps tip and what served the window. */
export async function openMonitor(ws: Workspace, opts: MonitorOptions): Promise<MonitorSession> {
  // git lists the GitOps remote's branches while the manifests load, when modelgate.yaml cannot name another remote
  // than origin (its default): the read the branch and its tip take below (../git/remote-refs.ts keeps it)
  if (!namesRemote(ws.root)) remoteRefs(ws.git, "origin").catch(() => undefined);
  const repo = ws.repo;
  const config = repo.config;
  const manifest = findModel(repo, opts.model).value;
  const monitoring = manifest.spec.monitoring ?? monitoringSchema.parse({});
  const environment = opts.environment ?? monitoring.environment ?? defaultEnvironment(config);
  const envs = config.spec.environments.map((e) => e.name);
  if (!envs.includes(environment))
    throw new UserError(
      `--env ${environment}: no such environment in modelgate.yaml (environments: ${envs.join(", ")})`,
    );
  const until = opts.until ?? ws.now().getTime();
  const m = /^(\d+)([mhdw])$/.exec(monitoring.window);
  const since = opts.since ?? until - Number(m?.[1] ?? 7) * DURATION_MS[m?.[2] ?? "d"];
  if (!(since < until))
    throw new UserError(`the window is empty: --since ${iso(since)} is not before --until ${iso(until)}`);
  const remote = config.spec.gitops.remote ?? "origin";
  const branch = config.spec.gitops.branch ?? (await defaultBranch(ws.git, remote));
  // outside a repository the remote cannot be read either: asked only then, for the error's words
  const tip = await branchTip(ws.git, remote, branch, "refs/modelgate/monitor/tip");
  if (!tip) {
    if (!(await isRepository(ws.git)))
      throw new UserError(`${ws.root} is not in a git repository; monitor reads the GitOps history of a clone`);
    throw new UserError(
      `cannot read the GitOps branch ${branch} of ${remote}: monitor reads what ran from its history and commits its record there (add the remote, or set spec.gitops in modelgate.yaml)`,
    );
  }
  const segments = await servedDuring(ws.root, tip, manifest.metadata.name, environment, since, until);
  if (segments.length === 0) {
    throw new UserError(
      `no version of ${manifest.metadata.name} ran in ${environment} between ${iso(since)} and ${iso(until)} (by the GitOps history: \`modelgate audit --at\`); nothing to monitor there`,
    );
  }
  return {
    ws,
    opts,
    config,
    manifest,
    monitoring,
    environment,
    since,
    until,
    gitops: { remote, branch, tip },
    segments,
  };
}

/** Whether modelgate.yaml may name a GitOps remote (the word "remote" anywhere in it), or cannot be read. */
function namesRemote(root: string): boolean {
  try {
    return /remote/i.test(readFileSync(join(root, CONFIG_FILE), "utf8"));
  } catch {
    return true;
  }
}

/** Loads the versions, the references, the labels; streams the logs through the window; computes the performance. */
export async function gatherFacts(s: MonitorSession, scratch: string): Promise<Gathered> {
  const { ws, config, manifest } = s;
  const name = manifest.metadata.name;
  const ledgerPath = promotionsPath(config.spec.paths.records, name);
  const { entries } = parseLedger((await blobText(ws.git, s.gitops.tip, ledgerPath)) ?? "");
  const versions: VersionFacts[] = [];
  for (const [i, seg] of s.segments.entries()) {
    const entry = entries.find((e) => e.digest === seg.placement.record?.digest);
    if (!entry)
      throw new CheckFailed(`${name}: the promotion record ${seg.placement.record?.digest} is not in ${ledgerPath}`);
    versions.push(await loadVersion(ws.git, s.gitops.tip, ws.repo, i, seg, entry, scratch));
  }
  const task = versions[versions.length - 1].manifest.spec.task;
  for (const v of versions)
    if (v.manifest.spec.task !== task)
      throw new CheckFailed(
        `${name}: versions of different tasks served the window (${v.manifest.spec.version} is a ${v.manifest.spec.task}); monitor one task per window`,
      );
  const runners: ModelRunner[] = [];
  const logs = await expandPaths(ws.io.cwd, s.opts.logs, "--logs");
  // the workers start (their code, onnxruntime, the models) while this thread prepares the window
  const starting = startFeedPool(s, versions, logs);
  let pool: FeedPool | undefined;
  let poolClosed = false;
  // the references are scored in a thread of their own (onnxruntime loaded there) while this one reads the logs;
  // loaded apart (its own bundle chunk), as the thread loads it
  const scoring = import("./reference-worker.ts").then(({ scoreReferencesInWorker }) =>
    scoreReferencesInWorker(versions.map(referenceJob)),
  );
  scoring.catch(() => undefined); // awaited below, possibly after the logs are read
  try {
    // the models' inputs and outputs, from their graphs: this thread scores only where it reads the logs itself
    for (const v of versions)
      runners.push(ModelRunner.planned(v.bytes, `${name}@${v.manifest.spec.version}`, task, modelIoOf(v.manifest)));
    const profiled = profileReferences(s, versions);
    const early = earlyPositives(versions, runners);
    // what the window takes of the references (calibration, positive class, the prediction's reference), worked out
    // as soon as their scores arrive: this thread mostly waits on the feed workers meanwhile
    const referenced = scoring.then((scored) => ({
      scored,
      late: scoredReferences(s, versions, runners, scored.scores),
    }));
    referenced.catch(() => undefined); // awaited below, possibly after the logs are read
    // a reference's failure is the run's error, as when the references were scored before the logs were read
    const refsFirst = async (err: unknown): Promise<never> => {
      let failed: unknown;
      try {
        await referenced;
      } catch (e) {
        failed = e;
      }
      throw failed ?? err;
    };
    const before = early ? undefined : await referenced;
    let w = await prepareWindow(s, versions, runners, profiled, before?.late.positive ?? early!).catch(refsFirst);
    const up = await starting;
    pool = up.pool;
    if (up.error)
      ws.io.err(
        `warning: monitoring worker threads could not start; the logs are read in the main thread (same record, slower): ${up.error}\n`,
      );
    const feedPool = () => (w.feed.capture ? undefined : pool);
    let streamed = await streamLogs(s, w, logs, feedPool()).catch(refsFirst);
    const { scored, late } = before ?? (await referenced);
    // a positive class the reference's own labels name otherwise (spelled unlike the model's classes): the logs were
    // fed with another column of the scores, and are read again with the reference's
    if (!before && late.positive.some((p, i) => p?.column !== early?.[i]?.column)) {
      w = await prepareWindow(s, versions, runners, profiled, late.positive);
      streamed = await streamLogs(s, w, logs, feedPool());
    }
    w.notes.push(...late.perfNotes);
    const facts = await factsOf(s, versions, w, streamed, { ...late, onnxruntime: scored.onnxruntime }, pool);
    await pool?.close();
    poolClosed = true;
    return {
      facts,
      versions,
      ledger: entries,
      ...(w.feed.capture ? { captured: { columns: w.feed.capture, rows: w.feeder.captured } } : {}),
    };
  } finally {
    pool ??= (await starting).pool; // started, though this thread failed before it took them
    if (!poolClosed) await pool?.close();
    for (const r of runners) await r.close();
  }
}

/** CSV logs of more bytes than this are fed by worker threads (unless `workers` says otherwise): about 4 batches. */
const FEED_POOL_MIN_BYTES = 16 * 1024 * 1024;

/**
 * Worker threads that feed the CSV logs, when they pay off (CSV logs of more than a few batches, or as many as
 * `workers` says) and no retraining keeps the labelled rows' cells (those are captured in this thread).
 */
async function startFeedPool(
  s: MonitorSession,
  versions: VersionFacts[],
  logs: string[],
): Promise<{ pool?: FeedPool; error?: string }> {
  const csv = logs.filter((f) => extname(f).toLowerCase() === ".csv");
  if (csv.length === 0 || retrainingSets(s)) return {};
  const bytes = csv.reduce((a, f) => a + statSync(f).size, 0);
  const workers = s.opts.workers ?? (bytes >= FEED_POOL_MIN_BYTES ? defaultScoringWorkers() : 0);
  if (workers === 0) return {};
  const name = s.manifest.metadata.name;
  // loaded apart (its own bundle chunk): a worker thread loads that module and what it imports, not the CLI's monitor
  const { FeedPool } = await import("./workers.ts");
  return FeedPool.start(
    versions.map((v) => ({ bytes: v.bytes, file: `${name}@${v.manifest.spec.version}`, io: modelIoOf(v.manifest) })),
    versions[versions.length - 1].manifest.spec.task,
    workers,
  );
}

/** With a retraining possible: the training and evaluation Datasets whose columns the window's labelled rows keep. */
function retrainingSets(s: MonitorSession) {
  const { ws, monitoring } = s;
  const retraining = s.opts.retrain || (s.opts.github !== undefined && monitoring.onAlert.includes("retrain"));
  if (!retraining) return undefined;
  const named = [s.manifest.spec.training?.datasets[0], s.manifest.spec.evaluation.datasets[0]];
  const sets = named.map((n) => ws.repo.datasets.find((d) => d.value.metadata.name === n)?.value);
  return sets[0] ? sets : undefined;
}

/** What the window is fed with and how: the references, the labels, the columns to read, the accumulator. */
interface PreparedWindow {
  feed: FeedSpec;
  feeder: Feeder;
  acc: WindowAccumulator;
  refs: ReturnType<typeof profileReferences>;
  /** Columns read as numbers, and the others. */
  numeric: Set<string>;
  other: string[];
  payload: PayloadSpec;
  idColumn?: string;
  classes?: string[];
  notes: string[];
  labelSources: MonitoringRecord["sources"];
}

async function prepareWindow(
  s: MonitorSession,
  versions: VersionFacts[],
  runners: ModelRunner[],
  refs: ReturnType<typeof profileReferences>,
  positives: Positive[],
): Promise<PreparedWindow> {
  const { ws } = s;
  const pm = versions[versions.length - 1].manifest;
  const task = pm.spec.task;
  const last = runners[runners.length - 1];
  const width = task === "multiclass-classification" ? last.output.width : 1;
  const classes =
    task === "multiclass-classification"
      ? (last.classLabels ?? pm.spec.label.classes?.map((c) => keyOf(c) ?? String(c)))
      : undefined;
  const notes: string[] = versions.flatMap((v) => v.notes);
  const positive = positives.map((p) => p?.column ?? 0);
  const dataset = versions[versions.length - 1].dataset?.value;
  const idColumn = dataset?.spec.columns.find((c) => c.role === "id")?.name;
  const labels = new Map<string, string>();
  const labelSources: MonitoringRecord["sources"] = [];
  for (const f of await expandPaths(ws.io.cwd, s.opts.labels ?? [], "--labels", true)) {
    const where = shown(ws.io.cwd, f);
    const rows = await readLabels(f, where, { id: idColumn, label: pm.spec.label.column }, labels, (c) => keyOf(c));
    labelSources.push({ path: where, sha256: await sha256File(f), kind: "labels", rows });
  }
  const watched = refs.columns.map((c) => ({
    name: c.feature,
    kind: c.ref.kind,
    column: dataset?.spec.columns.find((x) => x.name === c.feature),
  }));
  const slices = pm.spec.evaluation.slices;
  // a retraining takes the window's labelled rows in the columns of the training and evaluation Datasets
  const sets = retrainingSets(s);
  const capture = sets ? [...new Set(sets.flatMap((d) => d?.spec.columns.map((c) => c.name) ?? []))] : undefined;
  const feed: FeedSpec = {
    since: s.since,
    until: s.until,
    segments: versions.map((v) => ({ from: v.segment.from, until: v.segment.until })),
    versions: versions.map((_, i) => ({ runner: runners[i], positive: positive[i] })),
    task,
    width,
    watched,
    slices,
    labelColumn: pm.spec.label.column,
    labels,
    ...(capture ? { capture } : {}),
    ...(idColumn ? { idColumn } : {}),
  };
  const acc = new WindowAccumulator({
    // the prediction's counts are taken from the window's scores at the end (its reference is scored meanwhile)
    columns: refs.columns.map((c) => ({ name: c.feature, ref: c.ref })),
    width,
    ...(classes ? { classes } : {}),
    slices: slices.map((x) => x.column),
    versions: versions.length,
  });
  const stringInputs = new Set(runners.flatMap((r) => r.stringColumns()));
  const numeric = new Set([
    ...runners.flatMap((r) => r.columns).filter((c) => !stringInputs.has(c)),
    ...watched.filter((w) => w.kind === "numeric").map((w) => w.name),
  ]);
  const other = [
    ...new Set([
      ...watched.filter((w) => w.kind === "categorical").map((w) => w.name),
      ...slices.map((x) => x.column),
      pm.spec.label.column,
      ...(capture ?? []),
      ...stringInputs,
    ]),
  ].filter((c) => !numeric.has(c));
  const payload: PayloadSpec = {
    features: pm.spec.inputs.features,
    mode: pm.spec.inputs.mode,
    ...(pm.spec.inputs.tensor ? { tensor: pm.spec.inputs.tensor } : {}),
    outputs: pm.spec.outputs,
    columns: new Set([...(dataset?.spec.columns.map((c) => c.name) ?? []), ...numeric, ...other]),
    ...(idColumn ? { idColumn } : {}),
  };
  return {
    feed,
    feeder: new Feeder(feed, acc),
    acc,
    refs,
    numeric,
    other,
    payload,
    ...(idColumn ? { idColumn } : {}),
    ...(classes ? { classes } : {}),
    notes,
    labelSources,
  };
}

/** Every log file through the window: tables by their columns, CloudEvents joined by id. */
async function streamLogs(
  s: MonitorSession,
  w: PreparedWindow,
  logs: string[],
  pool: FeedPool | undefined,
): Promise<{ sources: MonitoringRecord["sources"]; skipped: Record<string, number> }> {
  const cwd = s.ws.io.cwd;
  const sources: MonitoringRecord["sources"] = [];
  const skipped: Record<string, number> = {};
  for (const f of logs) {
    const display = shown(cwd, f);
    const kind = await logKind(f);
    let rows = 0;
    // each file is hashed as it is read (the one read of it)
    let sha256 = "";
    const verify = { onDigest: (d: string) => (sha256 = d) };
    const batchSize = s.opts.batchSize;
    if (kind === "table") {
      // the id is read where labels are joined by it, or kept for a retraining
      const id = w.idColumn && (w.feed.labels.size > 0 || w.feed.capture) ? { idColumn: w.idColumn } : {};
      const want = { numeric: [...w.numeric], other: w.other, ...id };
      if (pool && extname(f).toLowerCase() === ".csv") {
        const { feedTableInWorkers } = await import("./workers.ts");
        const fed = await feedTableInWorkers(pool, f, display, want, { ...w, ...(batchSize ? { batchSize } : {}) });
        rows = fed.rows;
        sha256 = fed.sha256;
      } else
        for await (const { batch } of tableBatches(f, display, want, verify, batchSize)) {
          rows += batch.length;
          await w.feeder.add(batch);
        }
    } else {
      let counts: EventCounts | undefined;
      for await (const { batch, joiner } of eventBatches(f, display, w.payload, w.numeric, batchSize, verify)) {
        counts = joiner.counts;
        await w.feeder.add(batch);
      }
      rows = counts?.requests ?? 0;
      const orphans = counts?.orphanResponses ?? 0;
      if (orphans)
        skipped["responses without their request"] = (skipped["responses without their request"] ?? 0) + orphans;
    }
    sources.push({ path: display, sha256, kind, rows });
  }
  for (const [k, n] of Object.entries(w.feeder.skipped)) skipped[k] = (skipped[k] ?? 0) + n;
  return { sources, skipped };
}

/** The facts the plan decides from: the window's counts, the performance, what served the window. */
async function factsOf(
  s: MonitorSession,
  versions: VersionFacts[],
  w: PreparedWindow,
  streamed: { sources: MonitoringRecord["sources"]; skipped: Record<string, number> },
  refs: ScoredReferenceFacts & { onnxruntime: string },
  /** The feed workers, idle after the pass (ended here). */
  pool?: FeedPool,
): Promise<MonitoringFacts> {
  const primary = versions[versions.length - 1];
  const pm = primary.manifest;
  const r = primary.entry.record;
  const binary = pm.spec.task === "binary-classification";
  const cal = refs.calibrators;
  // CBPE's estimate in a thread of its own, on the window's rows in shared memory, while this thread computes the
  // realized metrics (the two cores sort the scores at once); where the logs were read here, after them
  const inWorker = binary && pool !== undefined && cal.some((c) => c !== undefined);
  const summary = w.acc.summary({ shared: inWorker, ...(refs.prediction ? { prediction: refs.prediction } : {}) });
  // its module loads while the feed workers end
  const estimator = inWorker ? import("./estimate-worker.ts").catch(() => undefined) : undefined;
  // the feed workers' memory (their heaps, their models) is given back before the window's metrics sort its rows
  await pool?.close();
  // the thread starts before this one computes the realized metrics (which hold it until they end)
  const start = (await estimator)?.estimateInWorker;
  const estimating = start
    ? start({ preds: summary.preds, versions: summary.versions, calibrators: cal, threshold: pm.spec.threshold }).then(
        (e) => ({ e }),
        () => undefined,
      )
    : undefined;
  const driftNotes = [...w.refs.notes, ...refs.notes];
  const columns = summary.columns
    .filter((c) => {
      const seen = c.cur.kind === "numeric" ? c.cur.counts.some((x) => x > 0) : c.cur.counts.size > 0;
      if (c.present && seen) return true;
      driftNotes.push(`${c.name}: not in the logs (no value in the window)`);
      return false;
    })
    .map((c) => ({ feature: c.name, ref: c.ref, cur: c.cur }));
  if (summary.prediction)
    columns.push({ feature: "prediction", ref: summary.prediction.ref, cur: summary.prediction.cur });
  const perfNotes = [...w.notes];
  const realized =
    summary.labeled > 0
      ? await realizedPerformance(summary, {
          name: pm.metadata.name,
          version: pm.spec.version,
          task: pm.spec.task,
          label: pm.spec.label,
          threshold: pm.spec.threshold,
          slices: pm.spec.evaluation.slices,
          minSliceSupport: pm.spec.evaluation.minSliceSupport,
          bootstrap: pm.spec.evaluation.bootstrap,
          width: w.feed.width,
          ...(w.classes ? { classes: w.classes } : {}),
        })
      : undefined;
  if (!realized) perfNotes.push("no labels for the window's rows yet: the realized metrics wait for them (--labels)");
  // CBPE's estimate: from the worker (the same function on the same rows), else here after the realized metrics
  const estimate = (preds: Float64Array, versions: Int32Array) =>
    estimatedPerformance(preds, versions, cal, pm.spec.threshold);
  const fromWorker = estimating ? await estimating : undefined;
  const estimated = fromWorker ? fromWorker.e : binary ? estimate(summary.preds, summary.versions) : undefined;
  // every row labelled: the estimate on the labelled rows is the estimate
  const L = summary.labeledRows;
  const onLabelled =
    binary && summary.labeled === summary.rows ? estimated : binary ? estimate(L.preds, L.versions) : undefined;
  const comparison = compareEstimate(onLabelled, realized);
  const ops = operations(summary);
  const cited = r.data.find((d) => d.name === primary.dataset?.name) ?? r.data[0];
  return {
    model: { name: pm.metadata.name, version: pm.spec.version, sha256: r.model.sha256, task: pm.spec.task },
    environment: s.environment,
    promotion: {
      record: primary.entry.digest,
      sequence: r.sequence,
      ledger: promotionsPath(s.config.spec.paths.records, pm.metadata.name),
      stageTag: r.stageTag,
    },
    versions: versions.map((v, i) => ({
      version: v.manifest.spec.version,
      sha256: v.entry.record.model.sha256,
      promotion: v.entry.digest,
      sequence: v.entry.record.sequence,
      stageTag: v.entry.record.stageTag,
      from: iso(Math.max(v.segment.from, s.since)),
      until: iso(Math.min(v.segment.until, s.until)),
      rows: summary.perVersion[i].rows,
      scored: summary.perVersion[i].scored,
    })),
    window: {
      since: iso(s.since),
      until: iso(s.until),
      rows: summary.rows,
      labeled: summary.labeled,
      skipped: streamed.skipped,
    },
    sources: [...streamed.sources, ...w.labelSources],
    reference: {
      dataset: primary.dataset?.name ?? cited?.name ?? "(none)",
      sha256: cited?.sha256 ?? "0".repeat(64),
      ...(primary.dataset?.value.spec.rows !== undefined ? { rows: primary.dataset.value.spec.rows } : {}),
      evaluation: r.evaluation.record,
    },
    monitoring: s.monitoring,
    columns,
    driftNotes,
    performance: {
      ...(realized ? { realized } : {}),
      ...(estimated ? { estimated } : {}),
      ...(comparison ? { comparison } : {}),
      ...(ops ? { operations: ops } : {}),
      notes: perfNotes,
    },
    evaluation: primary.evaluation.candidate.metrics,
    recordsDir: s.config.spec.paths.records,
    runtime: { modelgate: VERSION, onnxruntime: refs.onnxruntime },
  };
}
