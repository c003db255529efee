import { createRequire } from 'node:module';
import { t as trainingRecordSchema } from './chunk-AUVY43KH-ByPVU_Dd.js';
import { af as TRAINING_DIR } from './hot-audit-verify-DZYJh8zf.js';
import { M as ModelRunner, w as withExternalData, l as loadOrt } from './chunk-RUQEVCOP-DcryHeG5.js';
import { U as UserError, C as CheckFailed, V as VERSION } from './hot-help-validate-plan-audit-verify-CiDATK95.js';
import { s as storageContext, l as localFile } from './chunk-OYQDDGAU-Dpe-Jqkv.js';
import { q as sha256Bytes, i as isRemote, u as resolveSource, s as sha256File } from './hot-validate-Cbhe7qur.js';
import { k as isInsideWorkTree, j as hasUncommittedChanges, h as currentBranch, o as findModel, c as repoRelative, d as at, b as resolveInside, n as findDataset, p as missingDataset } from './hot-validate-plan-DjS3M9MR.js';
import { t as toJson, w as writeFileAtomic } from './hot-validate-plan-audit-verify-DglurztO.js';
import { i as MAX_TIMEOUT_MINUTES } from './hot-plan-YWGJn6IT.js';
import { createWriteStream, mkdirSync, mkdtempSync, rmSync, copyFileSync, readFileSync, statSync, realpathSync, existsSync, renameSync, appendFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, dirname, resolve, relative, isAbsolute } from 'node:path';
import { spawn } from 'node:child_process';

const require$1 = createRequire(import.meta.url);

// src/train/mask.ts
var SECRET_NAME = /TOKEN|SECRET|PASSW|KEY|CREDENTIAL|PRIVATE/i;
var MIN_SECRET_LENGTH = 4;
function secretValues(env) {
  const values = /* @__PURE__ */ new Set();
  for (const [name, value] of Object.entries(env)) {
    if (value && value.length >= MIN_SECRET_LENGTH && SECRET_NAME.test(name)) values.add(value);
  }
  return [...values].sort((a, b) => b.length - a.length);
}
function masker(secrets) {
  const sorted = [...secrets].sort((a, b) => b.length - a.length);
  const mask = (text) => {
    for (const s of sorted) if (text.includes(s)) text = text.split(s).join("***");
    return text;
  };
  return Object.assign(mask, { secrets: sorted });
}
var LineMasker = class {
  constructor(mask, emit, maxPending = 64 * 1024) {
    this.mask = mask;
    this.emit = emit;
    this.maxPending = maxPending;
  }
  mask;
  emit;
  maxPending;
  pending = "";
  decoder = new TextDecoder();
  write(chunk) {
    this.pending += this.decoder.decode(chunk, { stream: true });
    const cut = Math.max(this.pending.lastIndexOf("\n"), this.pending.lastIndexOf("\r"));
    if (cut >= 0) {
      this.emit(this.mask(this.pending.slice(0, cut + 1)));
      this.pending = this.pending.slice(cut + 1);
    }
    if (this.pending.length > this.maxPending) {
      const at2 = safeCut(this.pending, this.mask.secrets);
      this.emit(this.mask(this.pending.slice(0, at2)));
      this.pending = this.pending.slice(at2);
    }
  }
  /** Everything still pending, masked (the stream ended). */
  end() {
    this.pending += this.decoder.decode();
    if (this.pending) this.emit(this.mask(this.pending));
    this.pending = "";
  }
};
function safeCut(text, secrets) {
  const longest = secrets.reduce((m, s) => Math.max(m, s.length), 0);
  let cut = Math.max(0, text.length - Math.max(0, longest - 1));
  for (let moved = true, rounds = 0; moved && cut > 0 && rounds < 64; rounds++) {
    moved = false;
    for (const s of secrets) {
      const from = text.lastIndexOf(s, cut - 1);
      if (from >= 0 && from + s.length > cut) {
        cut = from;
        moved = true;
      }
    }
  }
  return cut;
}

// src/train/git-state.ts
async function gitState(git) {
  const commit = await git.revParse("HEAD");
  if (commit === void 0) return { commit: null, dirty: await isInsideWorkTree(git) ? true : null, branch: null };
  const dirty = await hasUncommittedChanges(git, [".modelgate"]);
  return { commit, dirty: dirty ?? null, branch: await currentBranch(git) ?? null };
}
var TAIL_LINES = 40;
function runLogged(o) {
  return new Promise((resolve2) => {
    const log = createWriteStream(o.logPath);
    const tail = [];
    let partial = "";
    const sink = (text) => {
      log.write(text);
      o.onOutput(text);
      const lines = (partial + text).split(/\r?\n|\r/);
      partial = lines.pop() ?? "";
      tail.push(...lines);
      if (tail.length > TAIL_LINES) tail.splice(0, tail.length - TAIL_LINES);
    };
    const start = performance.now();
    const child = spawn(o.argv[0], o.shell ? [] : o.argv.slice(1), {
      cwd: o.cwd,
      env: o.env,
      shell: o.shell,
      stdio: ["ignore", "pipe", "pipe"],
      detached: process.platform !== "win32",
      windowsHide: true
    });
    const out = new LineMasker(o.mask, sink);
    const err = new LineMasker(o.mask, sink);
    child.stdout.on("data", (c) => out.write(c));
    child.stderr.on("data", (c) => err.write(c));
    let timedOut = false;
    let killTimer;
    const kill = (signal) => {
      try {
        if (child.pid && process.platform !== "win32") process.kill(-child.pid, signal);
        else child.kill(signal);
      } catch {
      }
    };
    const timer = setTimeout(() => {
      timedOut = true;
      kill("SIGTERM");
      killTimer = setTimeout(() => kill("SIGKILL"), o.killGraceMs ?? 5e3);
    }, o.timeoutMs);
    let spawnError;
    child.on("error", (e) => {
      spawnError = e.message;
    });
    child.on("close", (code, signal) => {
      clearTimeout(timer);
      clearTimeout(killTimer);
      out.end();
      err.end();
      if (partial) tail.push(partial);
      if (tail.length > TAIL_LINES) tail.splice(0, tail.length - TAIL_LINES);
      if (spawnError) sink(`modelgate: could not start ${o.argv[0]}: ${spawnError}
`);
      log.end(
        () => resolve2({
          exitCode: code,
          signal: signal ?? null,
          timedOut,
          spawnError,
          durationMs: performance.now() - start,
          tail
        })
      );
    });
  });
}

// src/train/train.ts
var BASE_ENV = [
  "PATH",
  "HOME",
  "USER",
  "LANG",
  "LC_ALL",
  "LC_CTYPE",
  "TMPDIR",
  "TZ",
  "SYSTEMROOT",
  "TEMP",
  "TMP"
];
function dataEnvName(dataset) {
  return `MODELGATE_DATA_${dataset.toUpperCase().replace(/[^A-Z0-9]/g, "_")}`;
}
function shellQuote(s) {
  return /^[A-Za-z0-9_@%+=:,./-]+$/.test(s) ? s : `'${s.replace(/'/g, `'\\''`)}'`;
}
function expandArg(word, values) {
  return word.replace(
    /\{(params|output|data:([a-z0-9-]+))\}|\{[^}\s]*\}/g,
    (m, key, ds) => {
      if (key === "params") return values.params;
      if (key === "output") return values.output;
      if (ds !== void 0) {
        const p = values.data[ds];
        if (p === void 0) {
          throw new UserError(
            `"${word}" names dataset "${ds}", which is not in spec.training.datasets (${Object.keys(values.data).join(", ") || "none"}); add it there`
          );
        }
        return p;
      }
      if (/^\{[A-Za-z_:.-]+\}$/.test(m)) {
        throw new UserError(`unknown placeholder ${m} in "${word}"; use {params}, {output} or {data:DATASET}`);
      }
      return m;
    }
  );
}
async function trainModel(ws, name, opts = {}) {
  checkTimeout(opts.timeoutMinutes);
  const root = ws.root;
  const m = findModel(ws.repo, name);
  const spec = m.value.spec;
  const training = trainingOf(m);
  const paths = trainingPaths(root, m, training);
  const inputs = await hashTrainingData(ws.repo, m, training, storageContext(ws));
  const git = await gitState(ws.git);
  const recordDir = join(root, TRAINING_DIR);
  mkdirSync(recordDir, { recursive: true });
  const logAbs = join(recordDir, `${name}.log`);
  const recordAbs = join(recordDir, `${name}.json`);
  const tmp = mkdtempSync(join(tmpdir(), `modelgate-train-${name}-`));
  const paramsText = toJson(training.params);
  const paramsAbs = join(tmp, "params.json");
  const timeoutMinutes = opts.timeoutMinutes ?? training.timeoutMinutes;
  const env = trainingEnv(training, ws.env, {
    params: paramsAbs,
    output: paths.output,
    model: name,
    version: spec.version,
    data: inputs.paths
  });
  const startedAt = ws.now();
  let outcome;
  try {
    await writeFileAtomic(paramsAbs, paramsText);
    outcome = await runTraining(m, {
      argv: trainingArgv(training, { params: paramsAbs, output: paths.output, data: inputs.paths }),
      env,
      workdir: paths.workdir,
      output: paths.output,
      outputShown: repoRelative(root, paths.output),
      logAbs,
      timeoutMinutes,
      runs: opts.reproduce ? 2 : 1,
      mask: masker(secretValues(ws.env)),
      onOutput: opts.onOutput ?? ((t) => ws.io.err(t))
    });
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
  if (opts.reproduce) {
    joinSecondLog(logAbs);
    outcome.reason ??= reproduceProblem(outcome.digests);
  }
  if (!outcome.reason && paths.output !== paths.artifact) {
    mkdirSync(dirname(paths.artifact), { recursive: true });
    copyFileSync(paths.output, paths.artifact);
  }
  const outDigest = outcome.digests[outcome.digests.length - 1];
  const declared = spec.artifact.sha256 ?? null;
  const notes = !outcome.reason && declared !== outDigest ? [
    `${m.file}: spec.artifact.sha256 ${declared ? "differs from" : "is not set to"} the new model's digest; run \`modelgate lock ${name}\` to record it`
  ] : [];
  const logBytes = readFileSync(logAbs);
  const record = trainingRecord({
    model: m,
    root,
    paths,
    outcome,
    git,
    datasets: inputs.datasets,
    env,
    timeoutMinutes,
    paramsSha256: sha256Bytes(paramsText),
    log: { path: repoRelative(root, logAbs), sizeBytes: logBytes.length, sha256: sha256Bytes(logBytes) },
    artifactSize: outcome.reason || !outDigest ? 0 : statSync(paths.artifact).size,
    tools: await toolVersions(),
    startedAt,
    finishedAt: ws.now(),
    reproduce: opts.reproduce === true
  });
  await writeFileAtomic(recordAbs, toJson(record));
  const result = {
    record,
    recordPath: repoRelative(root, recordAbs),
    logPath: repoRelative(root, logAbs),
    tail: outcome.last?.tail ?? [],
    notes
  };
  if (outcome.reason) {
    const tail = result.tail.length ? `
last lines of ${result.logPath}:
${result.tail.map((l) => `  ${l}`).join("\n")}` : "";
    throw new TrainingFailed(
      `training ${name} ${spec.version} failed: ${outcome.reason}
record: ${result.recordPath}${tail}`,
      result
    );
  }
  return result;
}
function checkTimeout(minutes) {
  if (minutes !== void 0 && !(minutes > 0 && minutes <= MAX_TIMEOUT_MINUTES)) {
    throw new UserError(
      `the training timeout must be more than 0 and at most ${MAX_TIMEOUT_MINUTES.toLocaleString("en-US")} minutes (24.8 days, the longest timer Node.js can set), got ${minutes}`
    );
  }
}
function trainingOf(m) {
  const training = m.value.spec.training;
  if (!training) {
    throw new UserError(
      `model "${m.value.metadata.name}" has no spec.training in ${m.file}; add spec.training.command (the argv that writes the ONNX file) to train it with modelgate`,
      at(m, ["spec"], true)
    );
  }
  return training;
}
function trainingPaths(root, m, training) {
  const inside = (path, field) => {
    const r = resolveInside(root, m.dir, path);
    if (r.error) throw new UserError(r.error, at(m, field));
    return r.abs;
  };
  const workdir = resolve(m.dir, training.workdir);
  const rel = relative(realpathSync(root), existsSync(workdir) ? realpathSync(workdir) : workdir);
  if (isAbsolute(training.workdir) || rel.startsWith("..") || isAbsolute(rel)) {
    throw new UserError(
      `spec.training.workdir "${training.workdir}" is outside the repository; give a folder inside it, relative to the manifest's folder`,
      at(m, ["spec", "training", "workdir"])
    );
  }
  if (!existsSync(workdir) || !statSync(workdir).isDirectory()) {
    throw new UserError(
      `spec.training.workdir "${training.workdir}" is not a folder`,
      at(m, ["spec", "training", "workdir"])
    );
  }
  if (isRemote(m.value.spec.artifact.path))
    throw new UserError(
      `spec.artifact.path is ${m.value.spec.artifact.path}, a remote file: modelgate train writes the artifact into the repository, so a remote one is trained elsewhere (upload it, then \`modelgate lock\` pins it)`,
      at(m, ["spec", "artifact", "path"])
    );
  const artifact = inside(m.value.spec.artifact.path, ["spec", "artifact", "path"]);
  const output = training.output ? inside(training.output, ["spec", "training", "output"]) : artifact;
  return { workdir, artifact, output };
}
async function hashTrainingData(repo, m, training, storage) {
  const root = repo.root;
  const datasets = [];
  const paths = {};
  for (const [i, dsName] of training.datasets.entries()) {
    const d = findDataset(repo, dsName);
    if (!d) {
      throw new UserError(
        `spec.training.datasets names "${dsName}", but ${missingDataset(repo, dsName)}`,
        at(m, ["spec", "training", "datasets", i])
      );
    }
    if (isRemote(d.value.spec.path)) {
      const got = await localFile(storage, resolveSource(root, d.dir, d.value.spec.path), {
        sha256: d.value.spec.sha256,
        size: d.value.spec.sizeBytes
      });
      paths[dsName] = got.file;
      datasets.push({
        name: dsName,
        path: d.value.spec.path,
        sha256: got.sha256,
        declaredSha256: d.value.spec.sha256 ?? null,
        sizeBytes: statSync(got.file).size
      });
      continue;
    }
    const r = resolveInside(root, d.dir, d.value.spec.path);
    if (r.error) throw new UserError(r.error, at(d, ["spec", "path"]));
    if (!existsSync(r.abs)) {
      throw new UserError(
        `the data file ${repoRelative(root, r.abs)} does not exist; add it or fix spec.path`,
        at(d, ["spec", "path"])
      );
    }
    await localFile(storage, resolveSource(root, d.dir, d.value.spec.path), {});
    const digest = await sha256File(r.abs);
    const declared = d.value.spec.sha256 ?? null;
    if (declared && declared !== digest) {
      throw new CheckFailed(
        `${repoRelative(root, r.abs)} has sha256 ${digest}, not the ${declared} its manifest declares; training on it would record data nobody reviewed. Run \`modelgate lock\` if the change is intended`,
        at(d, ["spec", "sha256"])
      );
    }
    paths[dsName] = r.abs;
    datasets.push({
      name: dsName,
      path: repoRelative(root, r.abs),
      sha256: digest,
      declaredSha256: declared,
      sizeBytes: statSync(r.abs).size
    });
  }
  return { datasets, paths };
}
function trainingArgv(training, values, node = process.execPath) {
  const argv = training.command.map((w) => expandArg(w, values));
  if (training.shell) return [argv.length === 1 ? argv[0] : argv.map(shellQuote).join(" ")];
  if (argv[0] === "node") argv[0] = node;
  return argv;
}
function trainingEnv(training, from, vars) {
  const env = {};
  for (const k of [...BASE_ENV, ...training.env]) if (from[k] !== void 0) env[k] = from[k];
  if (!training.env.includes("PYTHONUNBUFFERED")) env.PYTHONUNBUFFERED = "1";
  env.MODELGATE_PARAMS = vars.params;
  env.MODELGATE_OUTPUT = vars.output;
  env.MODELGATE_MODEL = vars.model;
  env.MODELGATE_MODEL_VERSION = vars.version;
  for (const [ds, p] of Object.entries(vars.data)) env[dataEnvName(ds)] = p;
  return env;
}
function runProblem(r, command, timeoutMinutes) {
  if (r.spawnError) return `could not start the training command "${command}": ${r.spawnError}`;
  if (r.timedOut) return `the training command timed out after ${timeoutMinutes} minutes and was stopped`;
  if (r.exitCode !== 0)
    return `the training command failed with ${r.exitCode === null ? `signal ${r.signal}` : `exit code ${r.exitCode}`}`;
  return void 0;
}
function reproduceProblem(digests) {
  if (digests[0] === digests[1]) return void 0;
  return `not reproducible: run 1 wrote sha256 ${digests[0]}, run 2 wrote ${digests[1]}; fix the seeds and any parallel nondeterminism in the training code`;
}
async function runTraining(m, run) {
  const training = m.value.spec.training;
  const outcome = { digests: [], totalMs: 0, signatureChecked: false };
  const backup = existsSync(run.output) ? `${run.output}.modelgate-previous` : void 0;
  if (backup) renameSync(run.output, backup);
  try {
    for (let i = 1; i <= run.runs && !outcome.reason; i++) {
      rmSync(run.output, { force: true });
      if (run.runs > 1) run.onOutput(`modelgate: training run ${i} of ${run.runs}
`);
      const last = await runLogged({
        argv: run.argv,
        shell: training.shell,
        cwd: run.workdir,
        env: run.env,
        timeoutMs: run.timeoutMinutes * 6e4,
        logPath: i === 1 ? run.logAbs : `${run.logAbs}.run${i}`,
        mask: run.mask,
        onOutput: run.onOutput
      });
      outcome.last = last;
      outcome.totalMs += last.durationMs;
      outcome.reason = runProblem(last, training.command[0], run.timeoutMinutes);
      if (outcome.reason) break;
      if (!existsSync(run.output)) {
        outcome.reason = `the training command exited 0 but wrote no ${run.outputShown}; write the model to the path in {output} or $MODELGATE_OUTPUT`;
        break;
      }
      const problem = await verifyOutput(m, run.output, run.outputShown);
      if (problem) outcome.reason = `the model it wrote does not match the manifest: ${problem}`;
      else {
        outcome.signatureChecked = Boolean(m.value.spec.signature);
        outcome.digests.push(await sha256File(run.output));
      }
    }
  } finally {
    if (outcome.reason && backup) renameSync(backup, run.output);
    else if (backup) rmSync(backup, { force: true });
  }
  return outcome;
}
function joinSecondLog(logAbs) {
  if (!existsSync(`${logAbs}.run2`)) return;
  const second = readFileSync(`${logAbs}.run2`);
  appendFileSync(logAbs, Buffer.concat([Buffer.from("\nmodelgate: --- training run 2 of 2 ---\n"), second]));
  rmSync(`${logAbs}.run2`, { force: true });
}
function trainingRecord(f) {
  const { spec, metadata } = f.model.value;
  const training = spec.training;
  const { reason, digests, last } = f.outcome;
  const outDigest = digests[digests.length - 1];
  return trainingRecordSchema.parse({
    apiVersion: "modelgate.dev/v1alpha1",
    kind: "TrainingRecord",
    model: { name: metadata.name, version: spec.version, manifest: f.model.file },
    result: reason ? "failed" : "ok",
    ...reason ? { reason } : {},
    git: f.git,
    command: {
      argv: training.command,
      shell: training.shell,
      workdir: repoRelative(f.root, f.paths.workdir) || ".",
      timeoutMinutes: f.timeoutMinutes
    },
    params: training.params,
    paramsSha256: f.paramsSha256,
    datasets: f.datasets,
    env: Object.keys(f.env).sort(),
    tools: f.tools,
    startedAt: f.startedAt.toISOString(),
    finishedAt: f.finishedAt.toISOString(),
    durationSeconds: Math.round(f.outcome.totalMs) / 1e3,
    exitCode: last?.exitCode ?? null,
    signal: last?.signal ?? null,
    timedOut: last?.timedOut ?? false,
    log: f.log,
    output: reason || !outDigest ? null : {
      path: repoRelative(f.root, f.paths.output),
      artifact: repoRelative(f.root, f.paths.artifact),
      sha256: outDigest,
      sizeBytes: f.artifactSize,
      declaredSha256: spec.artifact.sha256 ?? null,
      signatureChecked: f.outcome.signatureChecked
    },
    ...f.reproduce ? { reproduce: { digests, identical: digests.length === 2 && digests[0] === digests[1] } } : {}
  });
}
async function toolVersions() {
  return {
    modelgate: VERSION,
    node: process.version,
    onnxruntime: await ortVersion(),
    platform: process.platform,
    arch: process.arch
  };
}
var TrainingFailed = class extends CheckFailed {
  constructor(message, result) {
    super(message);
    this.result = result;
    this.name = "TrainingFailed";
  }
  result;
};
async function verifyOutput(m, abs, rel) {
  const spec = m.value.spec;
  const bytes = readFileSync(abs);
  let runner;
  try {
    runner = await ModelRunner.open(withExternalData(bytes, rel, dirname(abs)), rel, spec.task, {
      mode: spec.inputs.mode,
      tensor: spec.inputs.tensor,
      features: spec.inputs.features,
      outputs: spec.outputs,
      signature: spec.signature
    });
    const numeric = new Map(spec.inputs.features.map((f) => [f, new Float64Array(2)]));
    const strings = new Map(runner.stringColumns().map((f) => [f, ["", ""]]));
    await runner.run({ length: 2, numeric, strings });
    return void 0;
  } catch (err) {
    if (err instanceof UserError || err instanceof CheckFailed) return err.message;
    throw err;
  } finally {
    await runner?.close();
  }
}
async function ortVersion() {
  try {
    const ort = await loadOrt();
    return ort.env?.versions?.node ?? ort.env?.versions?.common ?? null;
  } catch {
    return null;
  }
}

export { TrainingFailed as T, secretValues as s, trainModel as t };
