import { createRequire as __mgCreateRequire } from 'node:module'; const require = __mgCreateRequire(import.meta.url);
import {
  inGitHubActions
} from "./chunk-UJGMECAW.js";
import {
  evaluateModel,
  evaluateShard,
  mergeShards,
  readModelFile,
  readShardState,
  specFromManifests,
  writeRecord
} from "./chunk-OPR7KVG7.js";
import {
  formatOf,
  readColumns
} from "./chunk-VHE5NBAD.js";
import {
  RECORDS_DIR,
  recordPath
} from "./chunk-TS3P2JI7.js";
import {
  localFile
} from "./chunk-EBWLB3P5.js";
import {
  writeFileAtomic
} from "./chunk-RQB7ZENY.js";
import {
  findDataset,
  findModel,
  repoRelative,
  resolveInside
} from "./chunk-OX2YRDKY.js";
import {
  contentName,
  parseLocation
} from "./chunk-WQFNYFTF.js";
import {
  openGit
} from "./chunk-AVCTVMN2.js";
import {
  UserError
} from "./chunk-VPZGVLTG.js";

// src/evaluate/run.ts
import { join, resolve as resolve2 } from "node:path";

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

// src/evaluate/quick-look.ts
import { existsSync, readFileSync } from "node:fs";
import { basename, dirname, extname, relative, resolve } from "node:path";
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
  const result = await writeEvaluation(spec, root, opts.out ? resolve2(ws.io.cwd, opts.out) : void 0, ws.io, note);
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
  return writeEvaluation(spec, io.cwd, opts.out ? resolve2(io.cwd, opts.out) : void 0, io, note);
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
  const states = files.map((f) => readShardState(resolve2(io.cwd, f)));
  const record = await mergeShards(states, io, files);
  const path = out ?? join(root, recordPath(record.model.name));
  await writeRecord(path, record);
  return { record, path };
}

export {
  uncommittedModelNote,
  evaluateRepositoryModel,
  evaluateCandidate,
  evaluateQuickLook,
  mergeShardFiles
};
