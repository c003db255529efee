import { createRequire } from 'node:module';
import { s as sortFloat32Labeled, v as valueOfKey, a as sortFloat32, b as argsortAscending } from './chunk-2EP4N2N2-TUQsqfkI.js';
import { q as sha256Bytes, u as resolveSource, e as formatOf, B as BINARY_METRICS, M as MULTICLASS_METRICS, w as REGRESSION_METRICS, x as sortKeys, l as labelKey, c as columnClasses, d as declaredPositive } from './hot-validate-Cbhe7qur.js';
import { g as readManifestAt, s as startModuleWorker } from './hot-validate-verify-COnm42W2.js';
import { U as UserError, C as CheckFailed, V as VERSION } from './hot-help-validate-plan-audit-verify-CiDATK95.js';
import { s as storageContext, l as localFile } from './chunk-OYQDDGAU-Dpe-Jqkv.js';
import { m as worktreePrefix, i as isGitRepository, o as findModel, c as repoRelative, n as findDataset, p as missingDataset } from './hot-validate-plan-DjS3M9MR.js';
import { m as contentName, A as API_VERSION } from './hot-validate-plan-audit-verify-DglurztO.js';
import { existsSync, statSync, readFileSync } from 'node:fs';
import { posix, dirname, resolve, relative } from 'node:path';
import { availableParallelism } from 'node:os';
import { isMainThread, workerData, parentPort } from 'node:worker_threads';

const require$1 = createRequire(import.meta.url);
async function modelAtRef(git, manifestFile, ref) {
  const file = posix.join(await worktreePrefix(git), manifestFile);
  let at;
  try {
    at = await readManifestAt(git, ref, file, "Model");
  } catch {
    return void 0;
  }
  if (!at.found) return void 0;
  if (!at.value) {
    throw new UserError(
      `the model manifest at ${ref} (${posix.basename(file)}) is not valid (${at.findings.map((f) => f.message).join("; ")}); choose another --baseline`
    );
  }
  const manifest = at.value;
  const artifact = posix.normalize(manifest.spec.artifact.path);
  const path = posix.join(posix.dirname(file), artifact);
  const bytes = await git.showBytes(ref, path);
  if (!bytes) {
    throw new UserError(
      `the model manifest at ${ref} names ${artifact}, but that file is not in ${ref}'s tree (is it stored with git LFS or produced by training?); pass --baseline FILE`
    );
  }
  return { ref, manifest, bytes: new Uint8Array(bytes), source: `git:${ref}:${path}` };
}
function defaultBaselineRefs(productionTags, env) {
  const tags = productionTags.filter((t) => /#production#\d+$/.test(t)).sort((a, b) => Number(b.split("#")[2]) - Number(a.split("#")[2]));
  const base = env.GITHUB_BASE_REF;
  return [...tags.length ? [tags[0]] : [], ...base ? [`origin/${base}`, base] : ["main", "origin/main"]];
}
async function findDefaultBaseline(git, manifestFile, name, candidate, env) {
  if (!await isGitRepository(git)) return { why: "not inside a git repository" };
  const tags = await git.refs(`refs/tags/${name}#production#*`, { tag: "%(refname:strip=2)" });
  const candidates = defaultBaselineRefs(
    tags.map((r) => r.tag),
    env
  );
  const tried = [];
  const mine = sha256Bytes(candidate);
  for (const ref of candidates) {
    if (await git.revParse(ref) === void 0) continue;
    tried.push(ref);
    const b = await modelAtRef(git, manifestFile, ref);
    if (!b) continue;
    if (sha256Bytes(b.bytes) === mine) return { why: `the model at ${ref} is the same file as the candidate` };
    return { baseline: b, why: `baseline: ${name} at ${ref}` };
  }
  return {
    why: tried.length ? `model ${name} does not exist at ${tried.join(" or ")}` : `none of ${candidates.join(", ")} exists in this repository`
  };
}

// src/evaluate/spec.ts
function readModelFile(path, what) {
  if (!existsSync(path) || !statSync(path).isFile())
    throw new UserError(`${what} ${path} does not exist; check the path`);
  return new Uint8Array(readFileSync(path));
}
async function specFromManifests(ws, opts) {
  const repo = ws.repo;
  const storage = storageContext(ws);
  const loaded = findModel(repo, opts.model);
  const m = loaded.value;
  const art = resolveSource(repo.root, loaded.dir, m.spec.artifact.path);
  if (art.kind === "file" && art.error) throw new UserError(`${loaded.file}: spec.artifact.path ${art.error}`);
  if (!opts.candidate && art.kind === "file" && !existsSync(art.abs)) {
    throw new UserError(
      `${loaded.file}: the artifact ${repoRelative(repo.root, art.abs)} does not exist; train the model first (\`modelgate train ${m.metadata.name}\`)`
    );
  }
  const artifactPin = { sha256: m.spec.artifact.sha256, size: m.spec.artifact.sizeBytes };
  const bytes = opts.candidate?.bytes ?? new Uint8Array(readFileSync((await localFile(storage, art, artifactPin)).file));
  const dsName = m.spec.evaluation.datasets[0];
  const ds = findDataset(repo, dsName);
  if (!ds)
    throw new UserError(
      `${loaded.file}: spec.evaluation.datasets names "${dsName}", but ${missingDataset(repo, dsName)}`
    );
  const dsSpec = ds.value.spec;
  const source = resolveSource(repo.root, ds.dir, dsSpec.path);
  if (source.kind === "file" && source.error) throw new UserError(`${ds.file}: spec.path ${source.error}`);
  const format = dsSpec.format ?? (source.kind === "remote" ? formatOf(contentName(dsSpec.path)) : void 0);
  const stream = source.kind === "remote" && (format === "parquet" ? "footer-first" : true);
  const part = opts.shard && format !== "jsonl" ? { blocks: dsSpec.blocks } : void 0;
  const data = await localFile(storage, source, { sha256: dsSpec.sha256, size: dsSpec.sizeBytes }, { stream, part });
  const dataDisplay = source.kind === "file" ? repoRelative(repo.root, source.abs) : dsSpec.path;
  const candidate = {
    bytes,
    // Bytes handed in (a fork's artifact) have no folder of their own, nor has a remote artifact: external data is
    // not read for them.
    ...opts.candidate || art.kind !== "file" ? {} : { dir: dirname(art.abs) },
    source: opts.candidate?.source ?? (art.kind === "file" ? repoRelative(repo.root, art.abs) : art.path),
    version: opts.candidate ? opts.candidate.version ?? m.spec.version : m.spec.version,
    io: modelIoOf(m)
  };
  const chosen = await chooseBaseline(ws, loaded, bytes, opts.baseline);
  let note = chosen.note;
  if (!opts.candidate && sha256Bytes(bytes) !== m.spec.artifact.sha256 && m.spec.artifact.sha256) {
    note += `; note: ${candidate.source} differs from spec.artifact.sha256 (run \`modelgate lock\`)`;
  }
  const ev = m.spec.evaluation;
  const spec = {
    name: m.metadata.name,
    version: candidate.version,
    task: m.spec.task,
    data: {
      path: data.file,
      display: dataDisplay,
      format,
      name: dsName
    },
    arriving: data.arriving,
    label: { ...m.spec.label },
    threshold: m.spec.threshold,
    slices: ev.slices,
    minSliceSupport: ev.minSliceSupport,
    nanPolicy: ev.nanPolicy,
    bootstrap: { resamples: opts.resamples ?? ev.bootstrap.resamples, seed: opts.seed ?? ev.bootstrap.seed },
    fairnessMetrics: m.spec.gates.flatMap((g) => "sliceGap" in g ? [g.sliceGap] : []),
    candidate,
    baseline: chosen.baseline,
    shard: opts.shard,
    latency: opts.latency
  };
  if (ds.value.spec.csv) spec.data.delimiter = ds.value.spec.csv.delimiter;
  return { spec, root: repo.root, note };
}
async function chooseBaseline(ws, loaded, candidate, b) {
  const m = loaded.value;
  const cwd = ws.io.cwd;
  if (b === "none") return { note: "no baseline (--baseline none)" };
  if (b && (b.endsWith(".onnx") || existsSync(resolve(cwd, b)))) {
    const path = resolve(cwd, b);
    const source = relative(cwd, path) || path;
    return {
      baseline: { bytes: readModelFile(path, "baseline"), source, io: modelIoOf(m), dir: dirname(path) },
      note: `baseline: ${source}`
    };
  }
  if (b) {
    const g = await modelAtRef(ws.git, loaded.file, b);
    if (!g)
      throw new UserError(
        `--baseline ${b}: no such git ref, or no ${loaded.file} at it; give a ref (branch, tag, commit) or an ONNX file`
      );
    return { baseline: gitSource(g), note: `baseline: ${m.metadata.name} at ${b}` };
  }
  const found = await findDefaultBaseline(ws.git, loaded.file, m.metadata.name, candidate, ws.env);
  if (!found.baseline) return { note: `no baseline: ${found.why}` };
  return { baseline: gitSource(found.baseline), note: found.why };
}
function gitSource(g) {
  return { bytes: g.bytes, source: g.source, version: g.manifest.spec.version, io: modelIoOf(g.manifest) };
}
function modelIoOf(m) {
  return {
    mode: m.spec.inputs.mode,
    tensor: m.spec.inputs.tensor,
    features: m.spec.inputs.features,
    outputs: m.spec.outputs,
    signature: m.spec.signature
  };
}

// src/evaluate/metrics.ts
function alignResampleOrder(sets) {
  const first = sets[0];
  if (!(first instanceof BinaryMetricSet)) return;
  first.resampleIndex = null;
  if (sets.length === 1) return;
  const rank = first.rank();
  for (const s of sets.slice(1)) {
    if (s instanceof BinaryMetricSet) s.resampleIndex = s.mapOrder(rank);
  }
}
var EPS = 2220446049250313e-31;
var ECE_BINS = 10;
var ECE_EDGES = Array.from({ length: ECE_BINS - 1 }, (_, i) => (i + 1) * (1 / ECE_BINS));
function eceBin(p) {
  let b = 0;
  while (b < ECE_EDGES.length && ECE_EDGES[b] < p) b++;
  return b;
}
function logLossTerm(yi, p) {
  const pc = p < EPS ? EPS : p > 1 - EPS ? 1 - EPS : p;
  const q2 = 1 - pc;
  const s = q2 + pc;
  return -Math.log((yi ? pc : q2) / s);
}
var CURVE_POINTS = 101;
var r6 = (x) => Math.round(x * 1e6) / 1e6;
var CurvePoints = class {
  constructor(pos, neg, max) {
    this.pos = pos;
    this.neg = neg;
    this.steps = max - 1;
  }
  pos;
  neg;
  roc = [[0, 0]];
  pr = [];
  steps;
  lastTp = -1;
  lastFp = -1;
  first = true;
  /** At a distinct score, with `tp` positives and `fp` negatives at or above it; `end`: the walk's last row. */
  at(tp, fp, end) {
    const bt = Math.floor(tp * this.steps / this.pos);
    const bf = Math.floor(fp * this.steps / this.neg);
    if (this.first || bt !== this.lastTp || bf !== this.lastFp || end) {
      this.roc.push([r6(fp / this.neg), r6(tp / this.pos)]);
      this.pr.push([r6(tp / this.pos), r6(tp / (tp + fp))]);
      this.lastTp = bt;
      this.lastFp = bf;
      this.first = false;
    }
  }
};
function f1of(p, r) {
  const d = p + r;
  return d === 0 ? 0 : 2 * p * r / d;
}
var BinaryMetricSet = class {
  /**
   * `y`: 1 for the positive class, 0 otherwise; `score`: the positive class's probability or score. With
   * `orderOnDemand`, float32 scores are sorted with their labels only, and the rows' order (which weighted walks,
   * `rank` and `mapOrder` need) is sorted when first asked for: the point metrics alone need no order, and the
   * labels moved with the keys cost a byte where a row index costs four. The same order and values either way.
   */
  constructor(y, score, threshold, orderOnDemand = false) {
    this.threshold = threshold;
    const n = y.length;
    this.n = n;
    const labeled = orderOnDemand ? sortFloat32Labeled(score, y) : void 0;
    let yS;
    let sS;
    if (labeled) {
      this.unordered = score;
      yS = labeled.labels;
      sS = new Float64Array(n);
      const keys = labeled.keys;
      for (let k = 0; k < n; k++) sS[k] = valueOfKey(keys[k]);
    } else {
      const sorted = sortFloat32(score);
      const order = sorted?.order ?? argsortAscending(score);
      this.orderOf = order;
      yS = new Uint8Array(n);
      for (let k = 0; k < n; k++) yS[k] = y[order[k]];
      if (sorted) sS = sorted.sorted;
      else {
        sS = new Float64Array(n);
        for (let k = 0; k < n; k++) sS[k] = score[order[k]];
      }
    }
    this.yS = yS;
    this.sS = sS;
    const flags = new Uint8Array(n);
    let kThr = n;
    let positives = 0;
    for (let k = 0; k < n; k++) {
      const groupEnd = k === 0 || sS[k - 1] !== sS[k];
      flags[k] = yS[k] | (groupEnd ? 2 : 0);
      positives += yS[k];
      if (kThr === n && sS[k] >= threshold) kThr = k;
    }
    this.flags = flags;
    this.kThr = kThr;
    this.positives = positives;
  }
  threshold;
  names = BINARY_METRICS;
  n;
  orderOf;
  /** The scores, kept to sort the rows' order by when it is first asked for (an order made on demand). */
  unordered;
  // per-row terms, permuted into ascending score order
  yS;
  sS;
  /** bit 0: the row is positive; bit 1: the row ends a tie group when walking down from the highest score. */
  flags;
  /** The first sorted position predicted positive (score >= threshold); n when none. */
  kThr;
  // each row's log-loss term, its label minus its score, its calibration bin: made when a weighted walk first needs
  // them (the point estimate computes them as it walks)
  llS;
  dS;
  binS;
  binAcc = new Float64Array(ECE_BINS);
  /** Rows of the positive class. */
  positives;
  /** What the point walk found on its way: the confusion matrix and the curves (`confusion()`, `curves()`), once. */
  walked;
  /** The rows in ascending score order (stable): sorted when first asked for, with `orderOnDemand`. */
  get order() {
    this.orderOf ??= argsortAscending(this.unordered);
    return this.orderOf;
  }
  /** Where each sorted position's bootstrap weight is in the resampling order; null: the position itself. */
  weightIndex = null;
  weightIndexSet = false;
  /** rank[row] = the row's position in ascending score order. */
  rank() {
    const r = new Uint32Array(this.n);
    for (let k = 0; k < this.n; k++) r[this.order[k]] = k;
    return r;
  }
  /** For each of this set's sorted positions, the position of its row in another order (given as row → position). */
  mapOrder(rowToPos) {
    const m = new Uint32Array(this.n);
    for (let k = 0; k < this.n; k++) m[k] = rowToPos[this.order[k]];
    return m;
  }
  compute(w, out) {
    if (w === null && !this.llS) this.pointWalk(out);
    else this.run(w, this.order, out);
  }
  computeResample(w, out) {
    this.run(w, this.weightIndexSet || this.weightIndex !== null ? this.weightIndex : this.order, out);
  }
  /** The per-row terms in sorted order, made once. */
  terms() {
    if (!this.llS || !this.dS || !this.binS) {
      const { n, yS, sS } = this;
      const llS = new Float64Array(n);
      const dS = new Float64Array(n);
      const binS = new Uint8Array(n);
      for (let k = 0; k < n; k++) {
        const yi = yS[k];
        const p = sS[k];
        llS[k] = logLossTerm(yi, p);
        dS[k] = yi - p;
        binS[k] = eceBin(p);
      }
      this.llS = llS;
      this.dS = dS;
      this.binS = binS;
    }
    return { llS: this.llS, dS: this.dS, binS: this.binS };
  }
  /**
   * run() with every weight 1, each row's terms computed as it is walked rather than kept: the same operations in the
   * same order (a weight of 1 multiplies exactly), so the same values, without 17 bytes per row of terms. On the way,
   * what `confusion()` and `curves()` walk the rows for: each row's prediction at the threshold counted, and the
   * curves' points taken, by the same operations in the same order as theirs (counts of whole rows, exact).
   */
  pointWalk(out) {
    const { flags, sS, kThr, threshold } = this;
    const pos = this.positives;
    const neg = this.n - pos;
    const points = pos > 0 && neg > 0 ? new CurvePoints(pos, neg, CURVE_POINTS) : void 0;
    let predTp = 0;
    let predFp = 0;
    const bins = this.binAcc;
    bins.fill(0);
    let tp = 0;
    let fp = 0;
    let prevTp = 0;
    let prevFp = 0;
    let auc = 0;
    let ap = 0;
    let tpAt = 0;
    let fpAt = 0;
    let ll = 0;
    let sq = 0;
    let bin = ECE_BINS - 1;
    for (let k = this.n - 1; k >= 0; k--) {
      const f = flags[k];
      const yi = f & 1;
      tp += yi;
      fp += 1 - yi;
      const p = sS[k];
      ll += logLossTerm(yi, p);
      const d = yi - p;
      sq += d * d;
      if (!Number.isNaN(p)) {
        while (bin > 0 && !(ECE_EDGES[bin - 1] < p)) bin--;
        bins[bin] += d;
      } else bins[0] += d;
      if (p >= threshold) {
        predTp += yi;
        predFp += 1 - yi;
      }
      if (f & 2) {
        auc += (fp - prevFp) * (tp + prevTp);
        if (tp !== prevTp) ap += (tp - prevTp) * (tp / (tp + fp));
        prevTp = tp;
        prevFp = fp;
        if (k === kThr) {
          tpAt = tp;
          fpAt = fp;
        }
        if (points) points.at(tp, fp, k === 0);
      }
    }
    this.walked = {
      confusion: [
        [neg - predFp, predFp],
        [pos - predTp, predTp]
      ],
      curves: points ? { roc: points.roc, pr: points.pr } : { roc: [], pr: [] }
    };
    this.finish(out, tp, fp, tpAt, fpAt, auc, ap, ll, sq);
  }
  set resampleIndex(v) {
    this.weightIndex = v;
    this.weightIndexSet = true;
  }
  run(w, widx, out) {
    const { flags, kThr } = this;
    const { llS, dS, binS } = this.terms();
    const bins = this.binAcc;
    bins.fill(0);
    let tp = 0;
    let fp = 0;
    let prevTp = 0;
    let prevFp = 0;
    let auc = 0;
    let ap = 0;
    let tpAt = 0;
    let fpAt = 0;
    let ll = 0;
    let sq = 0;
    for (let k = this.n - 1; k >= 0; k--) {
      const wi = w === null ? 1 : widx === null ? w[k] : w[widx[k]];
      const f = flags[k];
      const wy = wi * (f & 1);
      tp += wy;
      fp += wi - wy;
      const d = dS[k];
      ll += wi * llS[k];
      sq += wi * d * d;
      bins[binS[k]] += wi * d;
      if (f & 2) {
        auc += (fp - prevFp) * (tp + prevTp);
        if (tp !== prevTp) ap += (tp - prevTp) * (tp / (tp + fp));
        prevTp = tp;
        prevFp = fp;
        if (k === kThr) {
          tpAt = tp;
          fpAt = fp;
        }
      }
    }
    this.finish(out, tp, fp, tpAt, fpAt, auc, ap, ll, sq);
  }
  /** The metrics from a walk's sums (binAcc holds its calibration bins). */
  finish(out, tp, fp, tpAt, fpAt, aucSum, ap, ll, sq) {
    const bins = this.binAcc;
    const auc = aucSum / 2;
    const pos = tp;
    const neg = fp;
    const total = pos + neg;
    const fnAt = pos - tpAt;
    const tnAt = neg - fpAt;
    const precision = tpAt + fpAt === 0 ? 0 : tpAt / (tpAt + fpAt);
    const recall = pos === 0 ? 0 : tpAt / pos;
    let ece = 0;
    for (let b = 0; b < ECE_BINS; b++) ece += Math.abs(bins[b]);
    out[0] = total === 0 ? Number.NaN : (tpAt + tnAt) / total;
    out[1] = precision;
    out[2] = recall;
    out[3] = f1of(precision, recall);
    out[4] = neg === 0 ? 0 : tnAt / neg;
    out[5] = total === 0 ? Number.NaN : (tpAt + fpAt) / total;
    out[6] = pos === 0 || neg === 0 ? Number.NaN : auc / (pos * neg);
    out[7] = pos === 0 ? Number.NaN : ap / pos;
    out[8] = total === 0 ? Number.NaN : ll / total;
    out[9] = total === 0 ? Number.NaN : sq / total;
    out[10] = total === 0 ? Number.NaN : ece / total;
    void fnAt;
  }
  /** [[TN, FP], [FN, TP]] at the threshold: rows actual (negative, positive), columns predicted. */
  confusion(w = null) {
    const walked = w === null ? this.walked?.confusion : void 0;
    if (walked) {
      this.walked.confusion = void 0;
      return walked;
    }
    let tp = 0;
    let fp = 0;
    let fn = 0;
    let tn = 0;
    for (let k = 0; k < this.n; k++) {
      const wi = w === null ? 1 : w[this.order[k]];
      const predPos = this.sS[k] >= this.threshold;
      if (this.yS[k]) predPos ? tp += wi : fn += wi;
      else predPos ? fp += wi : tn += wi;
    }
    return [
      [tn, fp],
      [fn, tp]
    ];
  }
  /**
   * ROC (fpr, tpr) and PR (recall, precision) points at distinct scores, thinned to those where the false-positive
   * rate or the true-positive rate has moved on by 1/(max − 1) since the last point kept (the first and last always
   * kept): at most 2·max points, spread along the curve rather than over the rows, so that where positives are rare
   * the steep low-FPR part keeps its points. Memory stays O(max) for any row count.
   */
  curves(max = CURVE_POINTS) {
    const walked = max === CURVE_POINTS ? this.walked?.curves : void 0;
    if (walked) {
      this.walked.curves = void 0;
      return walked;
    }
    const pos = this.positives;
    const neg = this.n - pos;
    if (pos === 0 || neg === 0) return { roc: [], pr: [] };
    const points = new CurvePoints(pos, neg, max);
    let tp = 0;
    let fp = 0;
    for (let k = this.n - 1; k >= 0; k--) {
      const f = this.flags[k];
      if (f & 1) tp++;
      else fp++;
      if (f & 2) points.at(tp, fp, k === 0);
    }
    return { roc: points.roc, pr: points.pr };
  }
};
var MulticlassMetricSet = class {
  /**
   * `y`: class index per row (0..k-1); `proba`: row-major n × k probabilities, column j for class j.
   * The predicted class is the first argmax (numpy's). top_k_accuracy uses k = topK (scikit-learn's default 2).
   */
  constructor(y, proba, k, topK = 2) {
    this.y = y;
    this.k = k;
    this.topK = topK;
    const n = y.length;
    this.n = n;
    this.pred = new Uint32Array(n);
    this.ll = new Float64Array(n);
    this.hit = new Uint8Array(n);
    this.cm = new Float64Array(k * k);
    for (let i = 0; i < n; i++) {
      const row = i * k;
      let best = 0;
      let sum = 0;
      for (let j = 0; j < k; j++) {
        const p = proba[row + j];
        if (p > proba[row + best]) best = j;
        sum += p < EPS ? EPS : p > 1 - EPS ? 1 - EPS : p;
      }
      this.pred[i] = best;
      const yi = y[i];
      const pyRaw = proba[row + yi];
      const py = pyRaw < EPS ? EPS : pyRaw > 1 - EPS ? 1 - EPS : pyRaw;
      this.ll[i] = -Math.log(py / sum);
      let ahead = 0;
      for (let j = 0; j < k; j++) {
        const p = proba[row + j];
        if (p > pyRaw || p === pyRaw && j > yi) ahead++;
      }
      this.hit[i] = ahead < topK ? 1 : 0;
    }
  }
  y;
  k;
  topK;
  names = MULTICLASS_METRICS;
  n;
  pred;
  ll;
  hit;
  cm;
  compute(w, out) {
    const { k, cm, y, pred, ll, hit } = this;
    cm.fill(0);
    let total = 0;
    let llSum = 0;
    let hits = 0;
    for (let i = 0; i < this.n; i++) {
      const wi = w === null ? 1 : w[i];
      if (wi === 0) continue;
      cm[y[i] * k + pred[i]] += wi;
      total += wi;
      llSum += wi * ll[i];
      hits += wi * hit[i];
    }
    let correct = 0;
    let labels = 0;
    let pSum = 0;
    let rSum = 0;
    let fSum = 0;
    let pW = 0;
    let rW = 0;
    let fW = 0;
    let support = 0;
    for (let c = 0; c < k; c++) {
      const tp = cm[c * k + c];
      correct += tp;
      let trueC = 0;
      let predC = 0;
      for (let j = 0; j < k; j++) {
        trueC += cm[c * k + j];
        predC += cm[j * k + c];
      }
      if (trueC === 0 && predC === 0) continue;
      labels++;
      const p = predC === 0 ? 0 : tp / predC;
      const r = trueC === 0 ? 0 : tp / trueC;
      const f = f1of(p, r);
      pSum += p;
      rSum += r;
      fSum += f;
      pW += trueC * p;
      rW += trueC * r;
      fW += trueC * f;
      support += trueC;
    }
    out[0] = total === 0 ? Number.NaN : correct / total;
    out[1] = labels === 0 ? Number.NaN : pSum / labels;
    out[2] = labels === 0 ? Number.NaN : rSum / labels;
    out[3] = labels === 0 ? Number.NaN : fSum / labels;
    out[4] = support === 0 ? 0 : pW / support;
    out[5] = support === 0 ? 0 : rW / support;
    out[6] = support === 0 ? 0 : fW / support;
    out[7] = total === 0 ? Number.NaN : llSum / total;
    out[8] = total === 0 ? Number.NaN : hits / total;
  }
  confusion(w = null) {
    const { k } = this;
    const m = Array.from({ length: k }, () => new Array(k).fill(0));
    for (let i = 0; i < this.n; i++) m[this.y[i]][this.pred[i]] += w === null ? 1 : w[i];
    return m;
  }
};
var RegressionMetricSet = class {
  constructor(y, pred) {
    this.y = y;
    this.pred = pred;
    const n = y.length;
    this.n = n;
    this.ae = new Float64Array(n);
    let zeros = 0;
    for (let i = 0; i < n; i++) {
      this.ae[i] = Math.abs(y[i] - pred[i]);
      if (y[i] === 0) zeros++;
    }
    this.zeroTargets = zeros;
    this.aeOrder = argsortAscending(this.ae);
    this.aeSorted = new Float64Array(n);
    for (let k = 0; k < n; k++) this.aeSorted[k] = this.ae[this.aeOrder[k]];
  }
  y;
  pred;
  names = REGRESSION_METRICS;
  n;
  ae;
  aeOrder;
  aeSorted;
  /** Rows whose target is 0: skipped by mape (and counted in the record). */
  zeroTargets;
  compute(w, out) {
    const { y, pred, ae, n } = this;
    let total = 0;
    let sumAe = 0;
    let sumSe = 0;
    let sumY = 0;
    let maxErr = Number.NEGATIVE_INFINITY;
    let apeSum = 0;
    let apeW = 0;
    for (let i = 0; i < n; i++) {
      const wi = w === null ? 1 : w[i];
      if (wi === 0) continue;
      const e = ae[i];
      total += wi;
      sumAe += wi * e;
      const d = y[i] - pred[i];
      sumSe += wi * d * d;
      sumY += wi * y[i];
      if (e > maxErr) maxErr = e;
      if (y[i] !== 0) {
        apeSum += wi * e / Math.abs(y[i]);
        apeW += wi;
      }
    }
    if (total === 0) {
      out.fill(Number.NaN);
      return;
    }
    const mean = sumY / total;
    let sst = 0;
    for (let i = 0; i < n; i++) {
      const wi = w === null ? 1 : w[i];
      if (wi === 0) continue;
      const d = y[i] - mean;
      sst += wi * d * d;
    }
    out[0] = sumAe / total;
    out[1] = Math.sqrt(sumSe / total);
    out[2] = sst === 0 ? sumSe === 0 ? 1 : 0 : 1 - sumSe / sst;
    out[3] = apeW === 0 ? Number.NaN : apeSum / apeW;
    out[4] = this.weightedMedian(w, total);
    out[5] = maxErr;
  }
  /** The median of the absolute errors of the rows repeated by their weights (np.median of the repeated rows). */
  weightedMedian(w, total) {
    const { aeOrder, aeSorted, n } = this;
    const lo = Math.floor((total - 1) / 2);
    const hi = Math.floor(total / 2);
    let cum = 0;
    let loVal = Number.NaN;
    for (let k = 0; k < n; k++) {
      const wi = w === null ? 1 : w[aeOrder[k]];
      if (wi === 0) continue;
      const next = cum + wi;
      if (Number.isNaN(loVal) && lo < next) loVal = aeSorted[k];
      if (hi < next) return (loVal + aeSorted[k]) / 2;
      cum = next;
    }
    return loVal;
  }
};
function percentile(sorted, q2) {
  const n = sorted.length;
  if (n === 0) return Number.NaN;
  const pos = q2 / 100 * (n - 1);
  const lo = Math.floor(pos);
  const hi = Math.ceil(pos);
  return sorted[lo] + (sorted[hi] - sorted[lo]) * (pos - lo);
}

// src/evaluate/bootstrap.ts
var POISSON_T = (() => {
  const t = new Float64Array(16);
  let p = Math.exp(-1);
  let cdf = 0;
  for (let k = 0; k < 16; k++) {
    cdf += p;
    p /= k + 1;
    t[k] = Math.min(Math.floor(cdf * 4294967296), 4294967295);
  }
  t[15] = 4294967296;
  return t;
})();
var POISSON_HI = (() => {
  const lut = new Uint8Array(65536);
  let k = 0;
  for (let h = 0; h < 65536; h++) {
    const lo = h * 65536;
    const hi = lo + 65535;
    while (POISSON_T[k] <= lo) k++;
    lut[h] = POISSON_T[k] > hi ? k : 255;
  }
  return lut;
})();
function splitmix32(x) {
  x = x + 2654435769 | 0;
  let z = x;
  z = Math.imul(z ^ z >>> 16, 2246822507);
  z = Math.imul(z ^ z >>> 13, 3266489909);
  return (z ^ z >>> 16) >>> 0;
}
function poissonWeights(w, seed, b) {
  let a = splitmix32(seed ^ 1540483477);
  let bb = splitmix32(a ^ b);
  let c = splitmix32(bb ^ 668265261);
  let d = 1;
  const lut = POISSON_HI;
  const T = POISSON_T;
  for (let i = -12, n = w.length; i < n; i++) {
    const t = (a + bb | 0) + d | 0;
    d = d + 1 | 0;
    a = bb ^ bb >>> 9;
    bb = c + (c << 3) | 0;
    c = c << 21 | c >>> 11;
    c = c + t | 0;
    if (i < 0) continue;
    const k = lut[t >>> 16];
    if (k !== 255) w[i] = k;
    else {
      const u = t >>> 0;
      let j = 0;
      while (u >= T[j]) j++;
      w[i] = j;
    }
  }
}
function buildSets(specs, orderOnDemand = false) {
  const sets = specs.map(
    (spec) => spec.kind === "binary" ? new BinaryMetricSet(spec.y, spec.score, spec.threshold, orderOnDemand) : buildSet(spec)
  );
  alignResampleOrder(sets);
  return sets;
}
function buildSet(spec) {
  if (spec.kind === "binary") return new BinaryMetricSet(spec.y, spec.score, spec.threshold);
  if (spec.kind === "multiclass") return new MulticlassMetricSet(spec.y, spec.proba, spec.k);
  return new RegressionMetricSet(spec.y, spec.pred);
}
function runResamples(sets, seed, b0, b1, onResample) {
  const m = sets[0].names.length;
  const samples = sets.map(() => new Float64Array((b1 - b0) * m));
  const w = new Uint8Array(sets[0].n);
  const out = new Float64Array(m);
  for (let b = b0; b < b1; b++) {
    poissonWeights(w, seed, b);
    for (let s = 0; s < sets.length; s++) {
      const set = sets[s];
      if (set.computeResample) set.computeResample(w, out);
      else set.compute(w, out);
      samples[s].set(out, (b - b0) * m);
    }
    onResample?.(b - b0 + 1);
  }
  return samples;
}
function summarizeSamples(names, samples, B, confidence = 0.95) {
  const m = names.length;
  const alpha = (1 - confidence) / 2;
  const interval = (pick) => {
    const vals = [];
    for (let b = 0; b < B; b++) {
      const v = pick(b);
      if (Number.isFinite(v)) vals.push(v);
    }
    const sorted = Float64Array.from(vals).sort();
    return { lo: percentile(sorted, alpha * 100), hi: percentile(sorted, (1 - alpha) * 100) };
  };
  const intervals = samples.map(
    (arr) => Object.fromEntries(names.map((name, j) => [name, interval((b) => arr[b * m + j])]))
  );
  const deltas = {};
  if (samples.length === 2) {
    for (let j = 0; j < m; j++) deltas[names[j]] = interval((b) => samples[0][b * m + j] - samples[1][b * m + j]);
  }
  return { intervals, deltas };
}
function pairedBootstrap(sets, opts) {
  alignResampleOrder(sets);
  const samples = runResamples(sets, opts.seed, 0, opts.resamples, opts.onResample);
  return summarizeSamples(sets[0].names, samples, opts.resamples, opts.confidence);
}
async function pairedBootstrapParallel(specs, sets, opts) {
  const B = opts.resamples;
  const n = sets[0].n;
  const threads = Math.max(1, Math.min(opts.workers ?? availableParallelism(), 8, B));
  if (threads === 1 || n * B < 2e7)
    return { ...pairedBootstrap(sets, opts), threads: { used: 1, fallbacks: [] } };
  const start = opts.startWorker ?? startWorker;
  const fallbacks = [];
  const m = sets[0].names.length;
  const ranges = Array.from({ length: threads }, (_, i) => [
    Math.floor(i * B / threads),
    Math.floor((i + 1) * B / threads)
  ]);
  const done = new Array(threads).fill(0);
  const report = () => opts.onResample?.(done.reduce((a, c) => a + c, 0));
  const pending = ranges.slice(1).map(
    ([b0, b1], j) => new Promise((resolve2) => {
      const i = j + 1;
      let settled = false;
      const fallback = (why) => {
        if (settled) return;
        settled = true;
        fallbacks[i - 1] = `resamples ${b0}-${b1 - 1}: ${why instanceof Error ? why.message : String(why)}`;
        resolve2(runResamples(sets, opts.seed, b0, b1));
      };
      let w;
      try {
        w = start({ modelgateBootstrap: { specs, seed: opts.seed, b0, b1 } });
      } catch (err) {
        fallback(err);
        return;
      }
      w.on("message", (msg) => {
        if (msg.samples) {
          settled = true;
          resolve2(msg.samples);
        } else if (msg.progress !== void 0) {
          done[i] = msg.progress;
          report();
        }
      });
      w.on("error", fallback);
      w.on("exit", (code) => fallback(`the worker exited (code ${code}) without its resamples`));
    })
  );
  const first = runResamples(sets, opts.seed, ranges[0][0], ranges[0][1], (d) => {
    done[0] = d;
    if (d % 10 === 0) report();
  });
  const parts = [first, ...await Promise.all(pending)];
  done.fill(0);
  done[0] = B;
  report();
  const samples = sets.map((_, s) => {
    const all = new Float64Array(B * m);
    ranges.forEach(([b0], i) => {
      all.set(parts[i][s], b0 * m);
    });
    return all;
  });
  const failed = fallbacks.filter((f) => f !== void 0);
  return {
    ...summarizeSamples(sets[0].names, samples, B, opts.confidence),
    threads: { used: threads - failed.length, fallbacks: failed }
  };
}
function startWorker(data) {
  return startModuleWorker(import.meta.url, data);
}
if (!isMainThread && workerData?.modelgateBootstrap) {
  const { specs, seed, b0, b1 } = workerData.modelgateBootstrap;
  const sets = buildSets(specs);
  const samples = runResamples(sets, seed, b0, b1, (d) => {
    if (d % 10 === 0) parentPort?.postMessage({ progress: d });
  });
  parentPort?.postMessage(
    { samples },
    samples.map((x) => x.buffer)
  );
}

// src/evaluate/warnings.ts
var NEAR_CHANCE = 0.05;
var f4 = (x) => x.toFixed(4);
var q = (s) => JSON.stringify(s);
function readText(r, positive) {
  if (!r.of)
    return `the score is output ${q(r.output)} (one value per row), taken as the probability of ${q(positive)}`;
  const of = r.of;
  const mapped = r.classes?.some((c, j) => c !== of[j]);
  const pairs = () => of.map((l, j) => `${l}: ${r.classes[j]}`).join(", ");
  const why = r.source === "graph" ? `the model's graph names its columns' classes [${(r.classes ?? of).join(", ")}]${mapped ? ` and spec.label.labels maps them {${pairs()}}` : ""}` : r.source === "declared" ? `spec.label.classes lists [${of.join(", ")}] in the model's column order` : mapped ? `spec.label.labels maps the labels to the model's columns {${pairs()}}` : `the labels are the column numbers [${of.join(", ")}]`;
  return `the score is column ${r.column} of output ${q(r.output)}, taken as the probability of ${q(positive)} because ${why}`;
}
function chanceWarnings(models, ctx) {
  const out = [];
  for (const m of models) {
    if (typeof m.auc !== "number") continue;
    const iv = m.interval ? ` (95% interval [${f4(m.interval[0])}, ${f4(m.interval[1])}])` : "";
    const read = readText(m.read, ctx.positive);
    const labelColumn = `the label column (spec.label.column is ${q(ctx.label)})`;
    const featureOrder = ctx.features.length > 1 ? "the features in another order than the model was trained on (spec.inputs.features must list them in training order; a tensor input has no column names to check them by)" : void 0;
    const below = m.interval ? m.interval[1] < 0.5 : m.auc < 0.5 - NEAR_CHANCE;
    if (below) {
      out.push({
        code: "roc_auc_below_chance",
        role: m.role,
        message: `${m.role}: roc_auc ${f4(m.auc)}${iv} is below 0.5: the model scores ${q(ctx.positive)} rows lower than the others, the wrong way round. Are the classes swapped? ${capital(read)}; check spec.label.classes, spec.label.labels and spec.label.positive against the classes the model was trained on. Other causes: ${[labelColumn, featureOrder].filter(Boolean).join("; ")}.`
      });
      continue;
    }
    const near = m.auc < 0.5 || (m.interval ? m.interval[0] <= 0.5 : m.auc < 0.5 + NEAR_CHANCE);
    if (!near) continue;
    const causes = [featureOrder, `the class mapping (${read})`, labelColumn].filter(Boolean);
    out.push({
      code: "roc_auc_near_chance",
      role: m.role,
      message: `${m.role}: roc_auc ${f4(m.auc)}${iv} is ${m.interval ? "not told apart from" : "near"} chance (0.5) on these ${ctx.rows.toLocaleString("en-US")} rows: the scores hardly tell ${q(ctx.positive)} from the other class. Likely causes: ${causes.join("; ")}.`
    });
  }
  return out;
}
var capital = (s) => s.charAt(0).toUpperCase() + s.slice(1);

// src/evaluate/finalize.ts
function labelValue(k) {
  return k !== "" && Number.isFinite(Number(k)) && String(Number(k)) === k ? Number(k) : k;
}
function clean(v) {
  return Number.isFinite(v) ? v : null;
}
function metricsOf(set, w) {
  const out = new Float64Array(set.names.length);
  set.compute(w, out);
  return Object.fromEntries(set.names.map((n, i) => [n, clean(out[i])]));
}
function labelCounts(keys, codes) {
  const perCode = new Float64Array(keys.length);
  for (let i = 0; i < codes.length; i++) perCode[codes[i]]++;
  let present = 0;
  for (const x of perCode) if (x > 0) present++;
  const seen = new Uint8Array(keys.length);
  const order = [];
  for (let i = 0; i < codes.length && order.length < present; i++) {
    if (!seen[codes[i]]) {
      seen[codes[i]] = 1;
      order.push(codes[i]);
    }
  }
  const counts = /* @__PURE__ */ new Map();
  for (const code of order) counts.set(keys[code], (counts.get(keys[code]) ?? 0) + perCode[code]);
  return counts;
}
function prepare(c) {
  const s = c.settings;
  const display = c.dataset.path;
  const skipped = {};
  if (s.task === "regression") {
    const specs2 = c.models.map((m) => {
      if (m.output.width !== 1) {
        throw new CheckFailed(
          `${m.source}: output "${m.output.name}" has ${m.output.width} values per row; a regression model gives one`
        );
      }
      return { kind: "regression", y: c.target, pred: Float64Array.from(m.preds) };
    });
    let zeros = 0;
    for (let i = 0; i < c.target.length; i++) if (c.target[i] === 0) zeros++;
    if (zeros > 0) skipped.mape_zero_targets = zeros;
    return { specs: specs2, skipped };
  }
  const counts = labelCounts(c.labelKeys, c.labelCodes);
  const observed = sortKeys([...counts.keys()]);
  const label = s.label;
  const declared = label.classes?.map(labelKey);
  if (declared) {
    const outside = observed.filter((k2) => !declared.includes(k2));
    if (outside.length > 0) {
      throw new CheckFailed(
        `${display}: label "${label.column}" has values outside the classes [${declared.join(", ")}]: ${outside.slice(0, 5).map((k2) => `"${k2}" (${counts.get(k2)} rows)`).join(", ")}; fix the data or spec.label.classes`
      );
    }
  }
  const classSet = declared ?? observed;
  if (s.task === "binary-classification" && classSet.length > 2) {
    throw new CheckFailed(
      `${display}: the task is binary-classification but label "${label.column}" has ${classSet.length} classes (${classSet.slice(0, 6).join(", ")}); use multiclass-classification or fix the labels`
    );
  }
  const mapped = c.models.map(
    (m) => m.output.width > 1 || s.task === "multiclass-classification" ? columnClasses(m.source, m.output.width, m.classLabels, label, counts, display) : void 0
  );
  const columns = mapped.map((x) => x?.labels);
  if (s.task === "binary-classification") {
    const twoColumns = columns.find((cols) => cols !== void 0);
    const classes2 = declared ?? twoColumns ?? observed;
    const pos = declaredPositive(label, classes2, twoColumns === void 0) ?? sortKeys(classes2)[classes2.length - 1] ?? "1";
    if (classes2.length === 2 && !classes2.includes(pos)) {
      throw new UserError(
        `the positive label "${pos}" (spec.label.positive) is not one of the classes [${classes2.join(", ")}]`
      );
    }
    const isPos = Uint8Array.from(c.labelKeys, (k2) => k2 === pos ? 1 : 0);
    const y2 = new Uint8Array(c.labelCodes.length);
    for (let i = 0; i < y2.length; i++) y2[i] = isPos[c.labelCodes[i]];
    const specs2 = c.models.map((m, i) => {
      const cols = columns[i];
      const col = cols ? cols.indexOf(pos) : 0;
      if (m.output.width > 2 || col < 0) {
        throw new CheckFailed(
          `${m.source}: cannot find the positive class "${pos}" among the model's ${m.output.width} probability columns (classes [${cols?.join(", ") ?? "unknown"}]); a binary classifier gives 1 or 2 columns, and spec.label.positive must be one of its classes`
        );
      }
      const w = m.output.width;
      const score = new Float64Array(y2.length);
      for (let r = 0; r < score.length; r++) score[r] = m.preds[r * w + col];
      return { kind: "binary", y: y2, score, threshold: s.threshold };
    });
    const reads = c.models.map((m, i) => {
      const cols = mapped[i];
      return cols ? {
        output: m.output.name,
        column: cols.labels.indexOf(pos),
        of: cols.labels,
        classes: cols.classes,
        source: cols.source
      } : { output: m.output.name, column: 0 };
    });
    return {
      specs: specs2,
      classes: sortKeys(classes2.length === 2 ? classes2 : [.../* @__PURE__ */ new Set([...classes2, pos])]),
      positive: pos,
      reads,
      skipped
    };
  }
  const classes = declared ?? columns[0];
  const k = classes.length;
  const index = new Map(classes.map((key, j) => [key, j]));
  const y = new Uint32Array(c.labelCodes.length);
  for (let i = 0; i < y.length; i++) y[i] = index.get(c.labelKeys[c.labelCodes[i]]);
  const specs = c.models.map((m, i) => {
    const order = columns[i];
    const colOf = classes.map((key) => order.indexOf(key));
    if (m.output.width !== order.length || colOf.some((j) => j < 0)) {
      throw new CheckFailed(
        `${m.source}: ${m.output.width} probability columns for classes [${classes.join(", ")}]${m.classLabels ? ` (the model's classes: ${m.classLabels.join(", ")})` : ""}; declare spec.label.classes in the model's order`
      );
    }
    const w = m.output.width;
    const proba = new Float64Array(y.length * k);
    for (let r = 0; r < y.length; r++) for (let j = 0; j < k; j++) proba[r * k + j] = m.preds[r * w + colOf[j]];
    return { kind: "multiclass", y, proba, k };
  });
  return { specs, classes, skipped };
}
var SLICE_RESAMPLES = 200;
function subSpec(spec, mask, count) {
  const pick = (src, stride = 1) => {
    const out = new src.constructor(count * stride);
    for (let i = 0, j = 0; i < mask.length; i++) {
      if (!mask[i]) continue;
      for (let k = 0; k < stride; k++) out[j * stride + k] = src[i * stride + k];
      j++;
    }
    return out;
  };
  if (spec.kind === "binary")
    return { kind: "binary", y: pick(spec.y), score: pick(spec.score), threshold: spec.threshold };
  if (spec.kind === "multiclass")
    return { kind: "multiclass", y: pick(spec.y), proba: pick(spec.proba, spec.k), k: spec.k };
  return { kind: "regression", y: pick(spec.y), pred: pick(spec.pred) };
}
var finite = (iv) => !!iv && Number.isFinite(iv.lo) && Number.isFinite(iv.hi);
var finiteInterval = (iv) => finite(iv) ? [iv.lo, iv.hi] : void 0;
async function finalize(c, opts = {}) {
  const t0 = performance.now();
  const s = c.settings;
  const { specs, classes, positive, reads, skipped } = prepare(c);
  const sets = buildSets(specs, s.bootstrap.resamples === 0 && c.slices.length === 0 && specs.length === 1);
  const boot = s.bootstrap.resamples > 0 && c.rows > 0 ? await pairedBootstrapParallel(specs, sets, {
    resamples: s.bootstrap.resamples,
    seed: s.bootstrap.seed,
    onResample: opts.onResample,
    workers: opts.workers
  }) : void 0;
  for (const why of boot?.threads.fallbacks ?? [])
    opts.onWarning?.(
      `a bootstrap worker thread failed; its resamples ran in the main thread (same result, slower): ${why}`
    );
  const points = sets.map((set) => metricsOf(set, null));
  const sliceResamples = boot ? Math.min(s.bootstrap.resamples, SLICE_RESAMPLES) : 0;
  const slices = sliceResults(c, specs, sets, sliceResamples);
  const result = (i) => modelResult(c.models[i], sets[i], points[i], boot?.intervals[i], classes, positive);
  const warnings = reads ? chanceWarnings(
    c.models.map((m, i) => ({
      role: m.role,
      auc: points[i].roc_auc,
      interval: boot ? finiteInterval(boot.intervals[i].roc_auc) : void 0,
      read: reads[i]
    })),
    { positive, label: s.label.column, rows: c.rows, features: c.models[0].features }
  ) : [];
  for (const w of warnings) opts.onWarning?.(w.message);
  const cand = c.models[0];
  const candLatency = latencyOf(cand, s.batchSize);
  const baseLatency = c.models[1] ? latencyOf(c.models[1], s.batchSize) : void 0;
  const durationMs = c.durationMs + (performance.now() - t0);
  const record = {
    apiVersion: API_VERSION,
    kind: "EvaluationRecord",
    model: {
      name: s.name,
      ...s.version ? { version: s.version } : {},
      task: s.task,
      ...s.task === "binary-classification" ? { threshold: s.threshold, positiveLabel: labelValue(positive) } : {},
      ...classes ? { classes: classes.map(labelValue) } : {}
    },
    dataset: {
      ...s.data.name ? { name: s.data.name } : {},
      path: c.dataset.path,
      sha256: c.dataset.sha256,
      format: c.dataset.format,
      rows: c.rows,
      label: s.label.column,
      features: cand.features,
      skipped: { ...c.skipped, ...skipped }
    },
    bootstrap: {
      method: "paired-poisson",
      resamples: s.bootstrap.resamples,
      seed: s.bootstrap.seed,
      confidence: 0.95,
      ...c.slices.length > 0 && sliceResamples > 0 ? { sliceResamples } : {}
    },
    candidate: result(0),
    ...c.models[1] ? { baseline: result(1) } : {},
    deltas: deltasOf(sets.length === 2 ? sets[0].names : [], points, boot?.deltas),
    slices,
    fairness: fairnessGaps(s.task, s.fairnessMetrics ?? [], sets[0].names, c.slices, slices),
    ...warnings.length > 0 ? { warnings } : {},
    runtime: {
      onnxruntime: opts.onnxruntime ?? "unknown",
      node: process.versions.node,
      modelgate: VERSION,
      threads: { intraOp: cand.threads.intraOp, interOp: cand.threads.interOp }
    },
    timings: {
      durationMs: Math.round(durationMs),
      rowsPerSecond: Math.round(c.rows / Math.max(durationMs / 1e3, 1e-6)),
      ...boot ? { bootstrapThreads: boot.threads } : {},
      scoringWorkers: c.workers,
      ...candLatency ? { latency: { candidate: candLatency, ...baseLatency ? { baseline: baseLatency } : {} } } : {}
    }
  };
  return record;
}
function modelResult(m, set, points, intervalsOf, classes, positive) {
  const intervals = {};
  for (const [name, iv] of Object.entries(intervalsOf ?? {})) {
    if (Number.isFinite(iv.lo) && Number.isFinite(iv.hi)) intervals[name] = [iv.lo, iv.hi];
  }
  const r = {
    role: m.role,
    source: m.source,
    ...m.version ? { version: m.version } : {},
    sha256: m.sha256,
    output: m.output.name,
    metrics: points,
    intervals
  };
  if (set instanceof BinaryMetricSet || set instanceof MulticlassMetricSet) {
    r.confusion = {
      labels: (set instanceof BinaryMetricSet ? [sortKeys(classes).find((k) => k !== positive) ?? "negative", positive] : classes).map(labelValue),
      matrix: set.confusion()
    };
  }
  if (set instanceof BinaryMetricSet) {
    const curves = set.curves();
    if (curves.roc.length > 0) r.curves = curves;
  }
  if (m.notes.length > 0) r.notes = m.notes;
  return r;
}
function deltasOf(names, points, intervals) {
  const deltas = {};
  for (const name of names) {
    const a = points[0][name];
    const b = points[1][name];
    const iv = intervals?.[name];
    if (a === null || b === null) continue;
    const interval = iv && Number.isFinite(iv.lo) && Number.isFinite(iv.hi) ? [iv.lo, iv.hi] : [a - b, a - b];
    deltas[name] = { delta: a - b, interval, excludesZero: intervals ? interval[0] > 0 || interval[1] < 0 : false };
  }
  return deltas;
}
function sliceResults(c, specs, sets, sliceResamples) {
  const s = c.settings;
  const slices = [];
  for (const sl of c.slices) {
    const spec = s.slices.find((x) => x.column === sl.column);
    const order = spec?.buckets ? bucketOrder(sl.keys, spec.buckets) : sortKeys(sl.keys);
    for (const key of order) {
      const code = sl.keys.indexOf(key);
      const mask = new Uint8Array(c.rows);
      let count = 0;
      for (let i = 0; i < c.rows; i++) {
        if (sl.codes[i] === code) {
          mask[i] = 1;
          count++;
        }
      }
      const supported = count >= s.minSliceSupport;
      const candidate = metricsOf(sets[0], mask);
      const baseline = sets[1] ? metricsOf(sets[1], mask) : void 0;
      const slice = {
        column: sl.column,
        value: key,
        count,
        supported,
        candidate,
        ...baseline ? { baseline } : {}
      };
      if (supported && sliceResamples > 0) {
        const r = pairedBootstrap(buildSets(specs.map((sp) => subSpec(sp, mask, count))), {
          resamples: sliceResamples,
          seed: s.bootstrap.seed
        });
        const intervals = {};
        for (const [name, iv] of Object.entries(r.intervals[0])) if (finite(iv)) intervals[name] = [iv.lo, iv.hi];
        slice.intervals = intervals;
        if (baseline) {
          const deltas = {};
          for (const [name, iv] of Object.entries(r.deltas)) {
            const a = candidate[name];
            const b = baseline[name];
            if (a === null || b === null || !finite(iv)) continue;
            deltas[name] = { delta: a - b, interval: [iv.lo, iv.hi], excludesZero: iv.lo > 0 || iv.hi < 0 };
          }
          slice.deltas = deltas;
        }
      }
      slices.push(slice);
    }
  }
  return slices;
}
function fairnessGaps(task, gated, known, columns, slices) {
  const fairness = [];
  const base = task === "binary-classification" ? ["recall", "positive_rate"] : task === "multiclass-classification" ? ["recall_macro"] : [];
  const fairMetrics = [.../* @__PURE__ */ new Set([...base, ...gated])].filter((n) => known.includes(n));
  for (const sl of columns) {
    for (const metric of fairMetrics) {
      for (const role of ["candidate", "baseline"]) {
        const vals = slices.filter((x) => x.column === sl.column && x.supported).map((x) => ({ value: x.value, metric: (role === "candidate" ? x.candidate : x.baseline)?.[metric] })).filter((x) => typeof x.metric === "number");
        if (vals.length < 2) continue;
        let max = vals[0];
        let min = vals[0];
        for (const v of vals) {
          if (v.metric > max.metric) max = v;
          if (v.metric < min.metric) min = v;
        }
        fairness.push({ over: sl.column, metric, role, gap: max.metric - min.metric, max, min });
      }
    }
  }
  return fairness;
}
function latencyOf(m, batchSize) {
  return m.latency ? {
    p50_ms: m.latency.p50,
    p95_ms: m.latency.p95,
    p99_ms: m.latency.p99,
    batch_rows_per_s: m.inferMs > 0 ? m.inferRows / (m.inferMs / 1e3) : 0,
    batch_size: batchSize,
    runs: m.latency.runs,
    intraOpThreads: m.threads.intraOp,
    interOpThreads: m.threads.interOp
  } : void 0;
}
function bucketOrder(keys, edges) {
  const rank = (k) => {
    if (k === "(null)") return Number.POSITIVE_INFINITY;
    if (k.startsWith("(-inf")) return Number.NEGATIVE_INFINITY;
    return Number(k.slice(1, k.indexOf(",")));
  };
  void edges;
  return [...keys].sort((a, b) => rank(a) - rank(b));
}

export { finalize as f, modelIoOf as m, readModelFile as r, specFromManifests as s };
