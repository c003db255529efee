#!/usr/bin/env node
// Trains fraud-detector: gradient-boosted decision trees (binary log-loss, histogram splits, L2-regularised leaves),
// deterministic (no randomness; ties broken by feature order, then threshold), exported to ONNX as skl2onnx and
// onnxmltools export a GradientBoostingClassifier with zipmap=False: one ai.onnx.ml TreeEnsembleClassifier node,
// input `float_input` float32 [N, F], outputs `label` int64 [N] and `probabilities` float32 [N, 2].
//
//   node train.mjs --params PARAMS.json --data TRAIN.csv --out MODEL.onnx
//
// `modelgate train` fills these in from the Model manifest's spec.training (see model.yaml). Node.js only.
import { readFileSync, writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { encodeModel } from "./onnx.mjs";

const DEFAULTS = {
  features: [],
  ignoreFeatures: [],
  label: "is_fraud",
  trees: 40,
  depth: 3,
  learningRate: 0.2,
  l2: 1,
  minChildWeight: 5,
  bins: 32,
  positiveWeight: 1,
  sampleWeights: {},
};

/** Reads a CSV without quoted fields (the generator writes none) into column arrays. */
export function readCsv(path) {
  const lines = readFileSync(path, "utf8").split(/\r?\n/).filter(Boolean);
  const header = lines[0].split(",");
  const rows = lines.slice(1).map((l) => l.split(","));
  const col = (name) => {
    const i = header.indexOf(name);
    if (i < 0) throw new Error(`${path}: no column "${name}" (columns: ${header.join(", ")})`);
    return rows.map((r) => r[i]);
  };
  return { header, length: rows.length, col };
}

/** Candidate thresholds for one feature: midpoints between distinct values at up to `bins` quantiles, as float32. */
function thresholds(values, bins) {
  const sorted = Float64Array.from(values).sort();
  const distinct = [];
  for (let i = 0; i < sorted.length; i++) if (i === 0 || sorted[i] !== sorted[i - 1]) distinct.push(sorted[i]);
  const cuts = new Set();
  if (distinct.length <= bins) {
    for (let i = 0; i + 1 < distinct.length; i++) cuts.add(Math.fround((distinct[i] + distinct[i + 1]) / 2));
  } else {
    for (let b = 1; b < bins; b++) {
      const v = sorted[Math.floor((b * sorted.length) / bins)];
      const k = distinct.indexOf(v);
      if (k > 0) cuts.add(Math.fround((distinct[k - 1] + distinct[k]) / 2));
    }
  }
  return [...cuts].sort((a, b) => a - b);
}

/** Trains the ensemble. X: Float32Array rows (row-major, F columns); y: 0/1; w: sample weights. */
export function trainGbt(X, y, w, F, p) {
  const n = y.length;
  const cuts = [];
  const binOf = new Uint8Array(n * F); // binOf[i*F+f] = number of thresholds strictly below x (x <= cut[b] → bin b)
  for (let f = 0; f < F; f++) {
    const col = new Float32Array(n);
    for (let i = 0; i < n; i++) col[i] = X[i * F + f];
    const c = thresholds(col, p.bins);
    cuts.push(c);
    for (let i = 0; i < n; i++) {
      let b = 0;
      while (b < c.length && col[i] > c[b]) b++;
      binOf[i * F + f] = b;
    }
  }
  let pos = 0;
  let tot = 0;
  for (let i = 0; i < n; i++) {
    pos += w[i] * y[i];
    tot += w[i];
  }
  const base = Math.log(pos / (tot - pos));
  const score = new Float64Array(n).fill(base);
  const g = new Float64Array(n);
  const h = new Float64Array(n);
  const trees = [];
  for (let t = 0; t < p.trees; t++) {
    for (let i = 0; i < n; i++) {
      const q = 1 / (1 + Math.exp(-score[i]));
      g[i] = w[i] * (q - y[i]);
      h[i] = w[i] * Math.max(q * (1 - q), 1e-12);
    }
    const nodes = [];
    const grow = (rows, depth) => {
      let G = 0;
      let H = 0;
      for (const i of rows) {
        G += g[i];
        H += h[i];
      }
      const id = nodes.length;
      const leaf = { id, leaf: true, value: (-G / (H + p.l2)) * p.learningRate };
      nodes.push(leaf);
      if (depth >= p.depth) return { id, rows };
      let best = { gain: 1e-9 };
      for (let f = 0; f < F; f++) {
        if (p.ignoreFeatures.includes(p.features[f])) continue;
        const nb = cuts[f].length + 1;
        const hg = new Float64Array(nb);
        const hh = new Float64Array(nb);
        for (const i of rows) {
          const b = binOf[i * F + f];
          hg[b] += g[i];
          hh[b] += h[i];
        }
        let gl = 0;
        let hl = 0;
        for (let b = 0; b < nb - 1; b++) {
          gl += hg[b];
          hl += hh[b];
          const gr = G - gl;
          const hr = H - hl;
          if (hl < p.minChildWeight || hr < p.minChildWeight) continue;
          const gain = (gl * gl) / (hl + p.l2) + (gr * gr) / (hr + p.l2) - (G * G) / (H + p.l2);
          if (gain > best.gain) best = { gain, f, b };
        }
      }
      if (best.f === undefined) return { id, rows };
      const left = rows.filter((i) => binOf[i * F + best.f] <= best.b);
      const right = rows.filter((i) => binOf[i * F + best.f] > best.b);
      Object.assign(leaf, { leaf: false, feature: best.f, threshold: cuts[best.f][best.b] });
      delete leaf.value;
      leaf.left = grow(left, depth + 1).id;
      leaf.right = grow(right, depth + 1).id;
      return { id, rows };
    };
    grow([...Array(n).keys()], 0);
    // Update scores by walking the tree (the same way the ONNX runtime will).
    for (let i = 0; i < n; i++) score[i] += predictTree(nodes, X, i * F);
    trees.push(nodes);
  }
  return { base, trees };
}

function predictTree(nodes, X, o) {
  let node = nodes[0];
  while (!node.leaf) node = nodes[X[o + node.feature] <= node.threshold ? node.left : node.right];
  return node.value;
}

/** P(fraud) for row i of X, computed as the ONNX graph computes it (float32 inputs, float32 thresholds). */
export function predict(model, X, F, i) {
  let s = model.base;
  for (const nodes of model.trees) s += Math.fround(predictTree(nodes, X, i * F));
  return 1 / (1 + Math.exp(-s));
}

/** The ONNX model: TreeEnsembleClassifier as skl2onnx writes it for a binary GradientBoostingClassifier. */
export function toOnnx(model, F, meta) {
  const a = {
    nodes_treeids: [],
    nodes_nodeids: [],
    nodes_featureids: [],
    nodes_modes: [],
    nodes_values: [],
    nodes_truenodeids: [],
    nodes_falsenodeids: [],
    nodes_missing_value_tracks_true: [],
    class_treeids: [],
    class_nodeids: [],
    class_ids: [],
    class_weights: [],
  };
  model.trees.forEach((nodes, t) => {
    for (const node of nodes) {
      a.nodes_treeids.push(t);
      a.nodes_nodeids.push(node.id);
      a.nodes_featureids.push(node.leaf ? 0 : node.feature);
      a.nodes_modes.push(node.leaf ? "LEAF" : "BRANCH_LEQ");
      a.nodes_values.push(node.leaf ? 0 : node.threshold);
      a.nodes_truenodeids.push(node.leaf ? 0 : node.left);
      a.nodes_falsenodeids.push(node.leaf ? 0 : node.right);
      a.nodes_missing_value_tracks_true.push(0);
      if (node.leaf) {
        a.class_treeids.push(t);
        a.class_nodeids.push(node.id);
        a.class_ids.push(0);
        a.class_weights.push(node.value);
      }
    }
  });
  const ints = (xs) => ({ ints: xs });
  return encodeModel({
    inputs: [{ name: "float_input", type: "float32", shape: ["N", F] }],
    outputs: [
      { name: "label", type: "int64", shape: ["N"] },
      { name: "probabilities", type: "float32", shape: ["N", 2] },
    ],
    nodes: [
      {
        op: "TreeEnsembleClassifier",
        domain: "ai.onnx.ml",
        name: "GradientBoostingClassifier",
        inputs: ["float_input"],
        outputs: ["label", "probabilities"],
        attributes: {
          base_values: [model.base],
          class_ids: ints(a.class_ids),
          class_nodeids: ints(a.class_nodeids),
          class_treeids: ints(a.class_treeids),
          class_weights: a.class_weights,
          classlabels_int64s: ints([0, 1]),
          nodes_falsenodeids: ints(a.nodes_falsenodeids),
          nodes_featureids: ints(a.nodes_featureids),
          nodes_missing_value_tracks_true: ints(a.nodes_missing_value_tracks_true),
          nodes_modes: a.nodes_modes,
          nodes_nodeids: ints(a.nodes_nodeids),
          nodes_treeids: ints(a.nodes_treeids),
          nodes_truenodeids: ints(a.nodes_truenodeids),
          nodes_values: a.nodes_values,
          post_transform: "LOGISTIC",
        },
      },
    ],
    opsets: { "": 17, "ai.onnx.ml": 3 },
    producer: { name: "fraud-detection-example", version: "1" },
    graphName: "fraud_detector",
    docString: meta.docString,
    metadata: meta.metadata,
  });
}

/**
 * Loads the training rows: features as float32, label 0/1, and a weight per row: params.positiveWeight for fraud,
 * times params.sampleWeights[column][value] for each listed column (a weight of 0 leaves the row out).
 */
export function loadRows(path, p) {
  const data = readCsv(path);
  const F = p.features.length;
  const cols = p.features.map((f) => data.col(f).map(Number));
  const label = data.col(p.label).map(Number);
  const weighted = Object.entries(p.sampleWeights).map(([c, byValue]) => [data.col(c), byValue]);
  const rows = [];
  for (let i = 0; i < data.length; i++) {
    let wi = label[i] === 1 ? p.positiveWeight : 1;
    for (const [col, byValue] of weighted) wi *= byValue[col[i]] ?? 1;
    if (wi > 0) rows.push([i, wi]);
  }
  const X = new Float32Array(rows.length * F);
  const y = new Uint8Array(rows.length);
  const w = new Float64Array(rows.length);
  rows.forEach(([i, wi], k) => {
    for (let f = 0; f < F; f++) X[k * F + f] = cols[f][i];
    y[k] = label[i];
    w[k] = wi;
  });
  return { X, y, w, F, n: rows.length, dropped: data.length - rows.length };
}

function main() {
  const { values } = parseArgs({
    options: { params: { type: "string" }, data: { type: "string" }, out: { type: "string" } },
  });
  const paramsPath = values.params ?? process.env.MODELGATE_PARAMS;
  const dataPath = values.data ?? process.env.MODELGATE_DATA_TRANSACTIONS_TRAIN;
  const outPath = values.out ?? process.env.MODELGATE_OUTPUT;
  if (!paramsPath || !dataPath || !outPath) {
    console.error("usage: node train.mjs --params PARAMS.json --data TRAIN.csv --out MODEL.onnx");
    process.exit(2);
  }
  const p = { ...DEFAULTS, ...JSON.parse(readFileSync(paramsPath, "utf8")) };
  if (p.features.length === 0) throw new Error("params.features is empty: list the feature columns, in model order");
  console.log(`params: ${JSON.stringify(p)}`);
  const rows = loadRows(dataPath, p);
  const positives = rows.y.reduce((a, b) => a + b, 0);
  console.log(
    `data: ${rows.n} rows (${positives} fraud), ${rows.F} features${rows.dropped ? `, ${rows.dropped} rows left out by params.sampleWeights` : ""}`,
  );
  const model = trainGbt(rows.X, rows.y, rows.w, rows.F, p);
  let loss = 0;
  for (let i = 0; i < rows.n; i++) {
    const q = Math.min(Math.max(predict(model, rows.X, rows.F, i), 1e-7), 1 - 1e-7);
    loss -= rows.y[i] ? Math.log(q) : Math.log(1 - q);
  }
  const leaves = model.trees.reduce((a, t) => a + t.filter((x) => x.leaf).length, 0);
  console.log(
    `trained: ${model.trees.length} trees, ${leaves} leaves, training log-loss ${(loss / rows.n).toFixed(4)}`,
  );
  const bytes = toOnnx(model, rows.F, {
    docString: `fraud-detector: gradient-boosted trees on ${p.features.join(", ")}`,
    metadata: { features: p.features.join(","), params: JSON.stringify(p) },
  });
  writeFileSync(outPath, bytes);
  console.log(`wrote ${outPath} (${bytes.length} bytes)`);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) main();
