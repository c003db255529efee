import { createRequire } from 'node:module';
import { U as UserError, i as inGitHubActions } from './hot-help-validate-plan-audit-verify-CiDATK95.js';
import { f as finalize, r as readModelFile, s as specFromManifests } from './chunk-KDNZQSEI-BmEYO2Wc.js';
import { c as collectRows, a as collect } from './chunk-OTHSGMS3-yPQ0aSNM.js';
import { o as ortVersion, l as loadOrt } from './chunk-RUQEVCOP-DcryHeG5.js';
import { e as formatOf, t as readColumns } from './hot-validate-Cbhe7qur.js';
import { e as evaluationRecordSchema, R as RECORDS_DIR, r as recordPath } from './chunk-ZYONVBQU-s7z3Z2Hp.js';
import { l as localFile } from './chunk-OYQDDGAU-Dpe-Jqkv.js';
import { P as Progress } from './chunk-YK35P24K-BysRypHz.js';
import { A as API_VERSION, w as writeFileAtomic, t as toJson, o as openGit, p as parseLocation, m as contentName } from './hot-validate-plan-audit-verify-DglurztO.js';
import { M as MAX_RESAMPLES } from './hot-plan-YWGJn6IT.js';
import { b as resolveInside, c as repoRelative, n as findDataset, o as findModel } from './hot-validate-plan-DjS3M9MR.js';
import { resolve, relative, dirname, basename, extname, join } from 'node:path';
import { readFileSync, existsSync } from 'node:fs';

const require$1 = createRequire(import.meta.url);

// src/git/uncommitted.ts
async function uncommittedPaths(git, paths) {
  if (paths.length === 0) return [];
  const [inside, prefix = ""] = (await git.tryRun(["rev-parse", "--is-inside-work-tree", "--show-prefix"]) ?? "").split("\n");
  if (inside !== "true") return void 0;
  let out;
  try {
    out = await git.run([
      "status",
      "--porcelain=v1",
      "-z",
      "--untracked-files=all",
      "--no-renames",
      "--",
      ...paths.map((p) => `:(literal)${p}`)
    ]);
  } catch {
    return void 0;
  }
  const seen = new Set(
    out.split("\0").filter((e) => e.length > 3).map((e) => e.slice(3))
  );
  return paths.filter((p) => seen.has(`${prefix}${p}`));
}

// src/workspace/uncommitted.ts
function evaluatedFiles(repo, m) {
  const spec = m.value.spec;
  const files = [m.file];
  const art = resolveInside(repo.root, m.dir, spec.artifact.path);
  if (!art.error) files.push(repoRelative(repo.root, art.abs));
  for (const name of spec.evaluation.datasets) {
    const d = findDataset(repo, name);
    if (!d) continue;
    files.push(d.file);
    const data = resolveInside(repo.root, d.dir, d.value.spec.path);
    if (!data.error) files.push(repoRelative(repo.root, data.abs));
  }
  return [...new Set(files)];
}
var shellWord = (p) => /^[\w./@%+:,-]+$/.test(p) ? p : `'${p.replaceAll("'", `'\\''`)}'`;
function uncommittedNote(m, files, what) {
  if (files.length === 0) return void 0;
  const name = m.metadata.name;
  const list = files.join(", ");
  const add = files.map(shellWord).join(" ");
  return `${name}: ${list} ${files.length === 1 ? "is" : "are"} not committed, so ${what} describes files that a pull request does not hold yet; next: \`git add ${add} && git commit -m "${name} ${m.spec.version}" && git push\`, then open a pull request (its run evaluates what is pushed)`;
}
async function uncommittedModelNote(ws, m, what) {
  const files = await uncommittedPaths(ws.git, evaluatedFiles(ws.repo, m));
  return files ? uncommittedNote(m.value, files, what) : void 0;
}

// src/evaluate/state.ts
var b64 = (a) => Buffer.from(a.buffer, a.byteOffset, a.byteLength).toString("base64");
function fromB64(s, ctor) {
  const buf = Buffer.from(s, "base64");
  const copy = new ArrayBuffer(buf.byteLength);
  new Uint8Array(copy).set(buf);
  return new ctor(copy);
}
function toShardState(c) {
  if (!c.shard) throw new Error("not a shard");
  return {
    apiVersion: API_VERSION,
    kind: "EvaluationShard",
    shard: c.shard,
    settings: c.settings,
    dataset: c.dataset,
    rows: c.rows,
    blocks: c.blocks,
    labelKeys: c.labelKeys,
    labelCodes: b64(c.labelCodes),
    target: b64(c.target),
    slices: c.slices.map((s) => ({ column: s.column, keys: s.keys, codes: b64(s.codes) })),
    models: c.models.map((m) => ({
      ...m,
      preds: b64(m.preds),
      dtype: m.preds instanceof Float64Array ? "float64" : "float32"
    })),
    skipped: c.skipped,
    durationMs: c.durationMs,
    workers: c.workers
  };
}
function fromShardState(s) {
  return {
    settings: s.settings,
    dataset: s.dataset,
    shard: s.shard,
    rows: s.rows,
    blocks: s.blocks,
    labelKeys: s.labelKeys,
    labelCodes: fromB64(s.labelCodes, Int32Array),
    target: fromB64(s.target, Float64Array),
    slices: s.slices.map((x) => ({ column: x.column, keys: x.keys, codes: fromB64(x.codes, Int32Array) })),
    models: s.models.map(({ dtype, ...m }) => ({
      ...m,
      preds: dtype === "float64" ? fromB64(m.preds, Float64Array) : fromB64(m.preds, Float32Array)
    })),
    skipped: s.skipped,
    durationMs: s.durationMs,
    workers: s.workers ?? 0
  };
}
var stable = (v) => JSON.stringify(v);
function checkShardSet(states, names) {
  if (states.length === 0) throw new UserError("evaluate merge needs at least one shard state file");
  states.forEach((s, i) => {
    if (s?.kind !== "EvaluationShard")
      throw new UserError(`${names[i]} is not a shard state written by \`modelgate evaluate --shard\``);
  });
  const first = states[0];
  const count = first.shard.count;
  const seen = /* @__PURE__ */ new Map();
  states.forEach((s, i) => {
    const same = stable(s.settings) === stable(first.settings) && s.dataset.sha256 === first.dataset.sha256 && stable(s.models.map((m) => [m.sha256, m.threads])) === stable(first.models.map((m) => [m.sha256, m.threads]));
    if (!same || s.shard.count !== count) {
      throw new UserError(
        `${names[i]} was evaluated with other settings, data or models than ${names[0]}; merge shards of one run only`
      );
    }
    if (seen.has(s.shard.index))
      throw new UserError(`${names[i]} and ${seen.get(s.shard.index)} are both shard ${s.shard.index}/${count}`);
    seen.set(s.shard.index, names[i]);
  });
  const missing = Array.from({ length: count }, (_, i) => i + 1).filter((i) => !seen.has(i));
  if (missing.length > 0)
    throw new UserError(
      `shards ${missing.map((i) => `${i}/${count}`).join(", ")} are missing; merge needs all ${count}`
    );
}
function checkPartsMeet(parts) {
  for (let k = 1; k < parts.length; k++) {
    const before = parts[k - 1].shard.bytes;
    const here = parts[k].shard.bytes;
    if (before.end !== here.start)
      throw new UserError(
        `${parts[k].name} starts its rows at byte ${here.start}, but ${parts[k - 1].name} read to byte ${before.end}: the file has a line break inside a quoted field near there, so its byte ranges cannot be split at line breaks; evaluate it in one job (or with spec.format jsonl/parquet)`
      );
  }
}
function mergeShardStates(states, names = states.map((_, i) => `state ${i + 1}`)) {
  checkShardSet(states, names);
  const first = states[0];
  const parts = states.map(fromShardState);
  const order = parts.map((_, p) => p);
  const byPart = parts.every((c) => c.shard?.bytes);
  if (byPart) {
    order.sort((a, b) => parts[a].shard.index - parts[b].shard.index);
    checkPartsMeet(order.map((p) => ({ shard: parts[p].shard, name: names[p] })));
  }
  const pieces = [];
  order.forEach((p, k) => {
    let start = 0;
    for (const b of parts[p].blocks) {
      pieces.push({ part: p, start, offset: b.offset, rows: b.rows, rank: byPart ? k : 0 });
      start += b.rows;
    }
  });
  pieces.sort((a, b) => a.rank - b.rank || a.offset - b.offset);
  const rows = pieces.reduce((n, p) => n + p.rows, 0);
  const unite = (keysOf, codesOf) => {
    const keys = [];
    const index = /* @__PURE__ */ new Map();
    const maps = parts.map(
      (c) => keysOf(c).map((k) => {
        let j = index.get(k);
        if (j === void 0) {
          j = keys.length;
          index.set(k, j);
          keys.push(k);
        }
        return j;
      })
    );
    const codes = new Int32Array(rows);
    let at = 0;
    for (const pc of pieces) {
      const src = codesOf(parts[pc.part]);
      const map = maps[pc.part];
      for (let r = 0; r < pc.rows; r++) codes[at++] = map[src[pc.start + r]];
    }
    return { keys, codes };
  };
  const labels = unite(
    (c) => c.labelKeys,
    (c) => c.labelCodes
  );
  const target = new Float64Array(first.settings.task === "regression" ? rows : 0);
  if (target.length > 0) {
    let at = 0;
    for (const pc of pieces) {
      target.set(parts[pc.part].target.subarray(pc.start, pc.start + pc.rows), at);
      at += pc.rows;
    }
  }
  const slices = first.slices.map((s, j) => {
    const u = unite(
      (c) => c.slices[j].keys,
      (c) => c.slices[j].codes
    );
    return { column: s.column, keys: u.keys, codes: u.codes };
  });
  const models = parts[0].models.map((m0, mi) => {
    const w = m0.output.width;
    const preds = m0.preds instanceof Float64Array ? new Float64Array(rows * w) : new Float32Array(rows * w);
    let at = 0;
    for (const pc of pieces) {
      preds.set(parts[pc.part].models[mi].preds.subarray(pc.start * w, (pc.start + pc.rows) * w), at);
      at += pc.rows * w;
    }
    const sum = (f) => parts.reduce((n, c) => n + f(c.models[mi]), 0);
    const byIndex = [...parts].sort((a, b) => a.shard.index - b.shard.index);
    return {
      ...m0,
      preds,
      inferMs: sum((m) => m.inferMs),
      inferRows: sum((m) => m.inferRows),
      latency: byIndex[0].models[mi].latency
    };
  });
  const skipped = {};
  for (const c of parts) for (const [k, v] of Object.entries(c.skipped)) skipped[k] = (skipped[k] ?? 0) + v;
  return {
    settings: first.settings,
    dataset: first.dataset,
    rows,
    blocks: pieces.map((p) => ({ offset: p.offset, rows: p.rows })),
    labelKeys: labels.keys,
    labelCodes: labels.codes,
    target,
    slices,
    models,
    skipped,
    durationMs: Math.max(...parts.map((c) => c.durationMs)),
    workers: Math.max(...parts.map((c) => c.workers))
  };
}

// src/evaluate/engine.ts
async function onnxruntimeVersion() {
  return ortVersion(await loadOrt());
}
function checkResamples(n) {
  if (!Number.isSafeInteger(n) || n < 0 || n > MAX_RESAMPLES) {
    throw new UserError(
      `the bootstrap's resamples must be a whole number from 0 to ${MAX_RESAMPLES.toLocaleString("en-US")}, got ${n}`
    );
  }
}
function bootstrapProgress(io, resamples) {
  if (!io) return void 0;
  const onWarning = (message) => io.err(`warning: ${message}
`);
  if (resamples === 0) return { onWarning };
  const p = new Progress(io, "bootstrap", resamples, "resamples");
  let last = 0;
  return {
    onWarning,
    /** `done`: resamples finished so far (over every thread). */
    onResample: (done) => {
      if (done > last) p.add(done - last);
      last = Math.max(last, done);
      if (done === resamples) p.finish();
    }
  };
}
async function evaluateModel(spec, io) {
  if (spec.shard) throw new Error("evaluateModel evaluates every row; use evaluateShard for --shard");
  checkResamples(spec.bootstrap.resamples);
  const { collected, closed } = await collectRows(spec, io);
  try {
    return await finalize(collected, {
      // as the scoring workers' onnxruntime told it (this thread loaded none), else this thread's
      onnxruntime: collected.onnxruntime ?? await onnxruntimeVersion(),
      ...bootstrapProgress(io, spec.bootstrap.resamples)
    });
  } finally {
    await closed;
  }
}
async function evaluateShard(spec, io) {
  if (!spec.shard) throw new Error("evaluateShard needs spec.shard");
  checkResamples(spec.bootstrap.resamples);
  return toShardState(await collect(spec, io));
}
async function mergeShards(states, io, names) {
  const merged = mergeShardStates(states, names);
  checkResamples(merged.settings.bootstrap.resamples);
  return await finalize(merged, {
    onnxruntime: await onnxruntimeVersion(),
    ...bootstrapProgress(io, merged.settings.bootstrap.resamples)
  });
}
function readShardState(path) {
  let text;
  try {
    text = readFileSync(path, "utf8");
  } catch {
    throw new UserError(`shard state ${path} does not exist`);
  }
  try {
    return JSON.parse(text);
  } catch {
    throw new UserError(`${path} is not a shard state (not JSON)`);
  }
}
async function writeRecord(path, record) {
  evaluationRecordSchema.parse(record);
  await writeFileAtomic(path, toJson(record));
}
function quickLookStorage(io) {
  let git;
  return {
    env: io.env,
    io,
    get git() {
      git ??= openGit(io.cwd, { env: io.env });
      return git;
    }
  };
}
async function quickLookFile(storage, cwd, p) {
  const location = parseLocation(p);
  if (location.kind === "file") {
    const abs = resolve(cwd, p);
    if (existsSync(abs)) await localFile(storage, { kind: "file", path: p, abs }, {});
    return { file: abs, shown: relative(cwd, abs) || abs, remote: false };
  }
  const src = { kind: "remote", path: p, location, dir: cwd, root: cwd };
  const got = await localFile(storage, src, {}, { unpinned: true });
  return { file: got.file, shown: p, remote: true };
}
async function quickLookSpec(opts, cwd, storage = { env: process.env }) {
  const candidateFile = await quickLookFile(storage, cwd, opts.model);
  const modelPath = candidateFile.file;
  const bytes = candidateFile.remote ? new Uint8Array(readFileSync(modelPath)) : readModelFile(modelPath, "model");
  const dataFile = await quickLookFile(storage, cwd, opts.data);
  const dataPath = dataFile.file;
  if (!existsSync(dataPath)) throw new UserError(`data file ${opts.data} does not exist; check the path`);
  const slices = opts.slices ?? [];
  const format = formatOf(contentName(opts.data));
  const all = await readColumns(dataPath, { displayName: opts.data, format });
  const has = `(it has: ${all.join(", ")})`;
  if (!all.includes(opts.label)) throw new UserError(`--label ${opts.label}: no such column in ${opts.data} ${has}`);
  for (const s of slices) {
    if (!all.includes(s.column)) throw new UserError(`--slice ${s.column}: no such column in ${opts.data} ${has}`);
  }
  const features = opts.features ?? all.filter((c) => c !== opts.label && !slices.some((s) => s.column === c));
  const missing = features.filter((f) => !all.includes(f));
  if (missing.length > 0) throw new UserError(`--features: ${missing.join(", ")} not in ${opts.data} ${has}`);
  const io = { mode: "tensor", features };
  const base = opts.baseline ? await quickLookFile(storage, cwd, opts.baseline) : void 0;
  const baseline = base ? {
    bytes: base.remote ? new Uint8Array(readFileSync(base.file)) : readModelFile(base.file, "baseline"),
    ...base.remote ? {} : { dir: dirname(base.file) },
    source: base.shown,
    io
  } : void 0;
  return {
    name: opts.name ?? basename(contentName(opts.model), extname(contentName(opts.model))),
    task: opts.task,
    data: { path: dataPath, display: dataFile.shown, format },
    label: { column: opts.label, positive: opts.positive },
    threshold: opts.threshold ?? 0.5,
    slices,
    minSliceSupport: opts.minSliceSupport ?? 30,
    nanPolicy: opts.nanPolicy ?? "fail",
    bootstrap: { resamples: opts.resamples ?? 1e3, seed: opts.seed ?? 42 },
    candidate: {
      bytes,
      source: candidateFile.shown,
      io,
      ...candidateFile.remote ? {} : { dir: dirname(modelPath) }
    },
    baseline,
    shard: opts.shard,
    latency: opts.latency
  };
}

// src/evaluate/run.ts
async function evaluateRepositoryModel(ws, opts) {
  const { spec, root, note } = await specFromManifests(ws, opts);
  ws.io.err(`${note}
`);
  const result = await writeEvaluation(spec, root, opts.out ? resolve(ws.io.cwd, opts.out) : void 0, ws.io, note);
  if (!inGitHubActions(ws.env)) {
    const uncommitted = await uncommittedModelNote(ws, findModel(ws.repo, opts.model), "the evaluation record");
    if (uncommitted) {
      ws.io.err(`note: ${uncommitted}
`);
      result.uncommitted = uncommitted;
    }
  }
  return result;
}
async function evaluateCandidate(ws, opts) {
  const { spec } = await specFromManifests(ws, { ...opts, shard: void 0 });
  return evaluateModel(spec);
}
async function evaluateQuickLook(opts, io) {
  const spec = await quickLookSpec(opts, io.cwd, quickLookStorage(io));
  const note = spec.baseline ? `baseline: ${spec.baseline.source}` : "no baseline (pass --baseline FILE to compare)";
  return writeEvaluation(spec, io.cwd, opts.out ? resolve(io.cwd, opts.out) : void 0, io, note);
}
async function writeEvaluation(spec, root, out, io, baselineNote) {
  if (spec.shard) {
    const state = await evaluateShard(spec, io);
    const path2 = out ?? join(root, RECORDS_DIR, `${spec.name}.shard-${spec.shard.index}-of-${spec.shard.count}.json`);
    await writeFileAtomic(path2, JSON.stringify(state));
    return { path: path2, baselineNote };
  }
  const record = await evaluateModel(spec, io);
  const path = out ?? join(root, recordPath(spec.name));
  await writeRecord(path, record);
  return { record, path, baselineNote };
}
async function mergeShardFiles(files, io, out, root) {
  const states = files.map((f) => readShardState(resolve(io.cwd, f)));
  const record = await mergeShards(states, io, files);
  const path = out ?? join(root, recordPath(record.model.name));
  await writeRecord(path, record);
  return { record, path };
}

export { evaluateQuickLook as a, evaluateCandidate as b, evaluateRepositoryModel as e, mergeShardFiles as m, uncommittedModelNote as u };
