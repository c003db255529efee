import { createRequire as __mgCreateRequire } from 'node:module'; const require = __mgCreateRequire(import.meta.url);
import {
  TRAINING_DIR,
  trainingRecordSchema
} from "./chunk-V6WJELDO.js";
import {
  ModelRunner,
  loadOrt
} from "./chunk-LDAYPA3N.js";
import {
  sha256Bytes,
  sha256File
} from "./chunk-AJFWQFH3.js";
import {
  VERSION
} from "./chunk-3BUM2VMV.js";
import {
  at,
  findDataset,
  findModel,
  loadRepository,
  missingDataset,
  repoRelative,
  resolveInside
} from "./chunk-ZY5OX6SA.js";
import {
  openGit
} from "./chunk-7Q46JTV7.js";
import {
  toJson,
  writeFileAtomic
} from "./chunk-RQB7ZENY.js";
import {
  MAX_TIMEOUT_MINUTES
} from "./chunk-WARMS5WM.js";
import {
  CheckFailed,
  UserError
} from "./chunk-7SHYJVU3.js";

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

// src/train/train.ts
import {
  appendFileSync,
  copyFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  realpathSync,
  renameSync,
  rmSync,
  statSync
} from "node:fs";
import { tmpdir } from "node:os";
import { dirname, isAbsolute, join, relative, resolve } from "node:path";

// src/train/git.ts
async function gitState(root) {
  const git = openGit(root);
  const commit = await git.revParse("HEAD");
  if (commit === void 0) {
    const inside = await git.tryRun(["rev-parse", "--is-inside-work-tree"]) === "true";
    return { commit: null, dirty: inside ? true : null, branch: null };
  }
  const status = await git.tryRun([
    "status",
    "--porcelain",
    "--untracked-files=normal",
    "--",
    ".",
    ":(exclude).modelgate"
  ]);
  const branch = await git.tryRun(["symbolic-ref", "--short", "-q", "HEAD"]) ?? null;
  return { commit, dirty: status === void 0 ? null : status.length > 0, branch };
}

// src/train/process.ts
import { spawn } from "node:child_process";
import { createWriteStream } from "node:fs";
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
async function trainModel(cwd, name, io, opts = {}) {
  if (opts.timeoutMinutes !== void 0 && !(opts.timeoutMinutes > 0 && opts.timeoutMinutes <= MAX_TIMEOUT_MINUTES)) {
    throw new UserError(
      `the training timeout must be more than 0 and at most ${MAX_TIMEOUT_MINUTES.toLocaleString("en-US")} minutes (24.8 days, the longest timer Node.js can set), got ${opts.timeoutMinutes}`
    );
  }
  const repo = loadRepository(cwd);
  const m = findModel(repo, name);
  const spec = m.value.spec;
  const training = spec.training;
  if (!training) {
    throw new UserError(
      `model "${name}" has no spec.training in ${m.file}; add spec.training.command (the argv that writes the ONNX file) to train it with modelgate`,
      at(m, ["spec"], true)
    );
  }
  const root = repo.root;
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
  const artifactAbs = inside(spec.artifact.path, ["spec", "artifact", "path"]);
  const outputAbs = training.output ? inside(training.output, ["spec", "training", "output"]) : artifactAbs;
  const datasets = [];
  const dataPaths = {};
  for (const [i, dsName] of training.datasets.entries()) {
    const d = findDataset(repo, dsName);
    if (!d) {
      throw new UserError(
        `spec.training.datasets names "${dsName}", but ${missingDataset(repo, dsName)}`,
        at(m, ["spec", "training", "datasets", i])
      );
    }
    const r = resolveInside(root, d.dir, d.value.spec.path);
    if (r.error) throw new UserError(r.error, at(d, ["spec", "path"]));
    if (!existsSync(r.abs)) {
      throw new UserError(
        `the data file ${repoRelative(root, r.abs)} does not exist; add it or fix spec.path`,
        at(d, ["spec", "path"])
      );
    }
    const digest = await sha256File(r.abs);
    const declared2 = d.value.spec.sha256 ?? null;
    if (declared2 && declared2 !== digest) {
      throw new CheckFailed(
        `${repoRelative(root, r.abs)} has sha256 ${digest}, not the ${declared2} its manifest declares; training on it would record data nobody reviewed. Run \`modelgate lock\` if the change is intended`,
        at(d, ["spec", "sha256"])
      );
    }
    dataPaths[dsName] = r.abs;
    datasets.push({
      name: dsName,
      path: repoRelative(root, r.abs),
      sha256: digest,
      declaredSha256: declared2,
      sizeBytes: statSync(r.abs).size
    });
  }
  const git = await gitState(root);
  const recordDir = join(root, TRAINING_DIR);
  mkdirSync(recordDir, { recursive: true });
  const logAbs = join(recordDir, `${name}.log`);
  const recordAbs = join(recordDir, `${name}.json`);
  const tmp = mkdtempSync(join(tmpdir(), `modelgate-train-${name}-`));
  const paramsText = toJson(training.params);
  const paramsAbs = join(tmp, "params.json");
  await writeFileAtomic(paramsAbs, paramsText);
  const values = { params: paramsAbs, output: outputAbs, data: dataPaths };
  let argv = training.command.map((w) => expandArg(w, values));
  if (training.shell) argv = [argv.length === 1 ? argv[0] : argv.map(shellQuote).join(" ")];
  else if (argv[0] === "node") argv[0] = process.execPath;
  const env = {};
  for (const k of [...BASE_ENV, ...training.env]) if (io.env[k] !== void 0) env[k] = io.env[k];
  if (!training.env.includes("PYTHONUNBUFFERED")) env.PYTHONUNBUFFERED = "1";
  env.MODELGATE_PARAMS = paramsAbs;
  env.MODELGATE_OUTPUT = outputAbs;
  env.MODELGATE_MODEL = name;
  env.MODELGATE_MODEL_VERSION = spec.version;
  for (const [ds, p] of Object.entries(dataPaths)) env[dataEnvName(ds)] = p;
  const mask = masker(secretValues(io.env));
  const onOutput = opts.onOutput ?? ((t) => io.err(t));
  const timeoutMinutes = opts.timeoutMinutes ?? training.timeoutMinutes;
  const notes = [];
  const startedAt = /* @__PURE__ */ new Date();
  const digests = [];
  let reason;
  let last;
  let totalMs = 0;
  let signatureChecked = false;
  const runs = opts.reproduce ? 2 : 1;
  const backup = existsSync(outputAbs) ? `${outputAbs}.modelgate-previous` : void 0;
  if (backup) renameSync(outputAbs, backup);
  try {
    for (let run = 1; run <= runs && !reason; run++) {
      rmSync(outputAbs, { force: true });
      if (runs > 1) onOutput(`modelgate: training run ${run} of ${runs}
`);
      last = await runLogged({
        argv,
        shell: training.shell,
        cwd: workdir,
        env,
        timeoutMs: timeoutMinutes * 6e4,
        logPath: run === 1 ? logAbs : `${logAbs}.run${run}`,
        mask,
        onOutput
      });
      totalMs += last.durationMs;
      if (last.spawnError) reason = `could not start the training command "${training.command[0]}": ${last.spawnError}`;
      else if (last.timedOut) reason = `the training command timed out after ${timeoutMinutes} minutes and was stopped`;
      else if (last.exitCode !== 0) {
        reason = `the training command failed with ${last.exitCode === null ? `signal ${last.signal}` : `exit code ${last.exitCode}`}`;
      } else if (!existsSync(outputAbs)) {
        reason = `the training command exited 0 but wrote no ${repoRelative(root, outputAbs)}; write the model to the path in {output} or $MODELGATE_OUTPUT`;
      } else {
        const problem = await verifyOutput(m, outputAbs, repoRelative(root, outputAbs));
        if (problem) reason = `the model it wrote does not match the manifest: ${problem}`;
        else {
          signatureChecked = Boolean(spec.signature);
          digests.push(await sha256File(outputAbs));
        }
      }
    }
  } finally {
    rmSync(tmp, { recursive: true, force: true });
    if (reason && backup) renameSync(backup, outputAbs);
    else if (backup) rmSync(backup, { force: true });
  }
  if (runs > 1) {
    if (existsSync(`${logAbs}.run2`)) {
      const second = readFileSync(`${logAbs}.run2`);
      appendFileSync(logAbs, Buffer.concat([Buffer.from("\nmodelgate: --- training run 2 of 2 ---\n"), second]));
      rmSync(`${logAbs}.run2`, { force: true });
    }
    if (!reason && digests[0] !== digests[1]) {
      reason = `not reproducible: run 1 wrote sha256 ${digests[0]}, run 2 wrote ${digests[1]}; fix the seeds and any parallel nondeterminism in the training code`;
    }
  }
  if (!reason && outputAbs !== artifactAbs) {
    mkdirSync(dirname(artifactAbs), { recursive: true });
    copyFileSync(outputAbs, artifactAbs);
  }
  const outDigest = digests[digests.length - 1];
  const declared = spec.artifact.sha256 ?? null;
  if (!reason && declared !== outDigest) {
    notes.push(
      `${m.file}: spec.artifact.sha256 ${declared ? "differs from" : "is not set to"} the new model's digest; run \`modelgate lock ${name}\` to record it`
    );
  }
  const logBytes = readFileSync(logAbs);
  const finishedAt = /* @__PURE__ */ new Date();
  const record = trainingRecordSchema.parse({
    apiVersion: "modelgate.dev/v1alpha1",
    kind: "TrainingRecord",
    model: { name, version: spec.version, manifest: m.file },
    result: reason ? "failed" : "ok",
    ...reason ? { reason } : {},
    git,
    command: {
      argv: training.command,
      shell: training.shell,
      workdir: repoRelative(root, workdir) || ".",
      timeoutMinutes
    },
    params: training.params,
    paramsSha256: sha256Bytes(paramsText),
    datasets,
    env: Object.keys(env).sort(),
    tools: {
      modelgate: VERSION,
      node: process.version,
      onnxruntime: await ortVersion(),
      platform: process.platform,
      arch: process.arch
    },
    startedAt: startedAt.toISOString(),
    finishedAt: finishedAt.toISOString(),
    durationSeconds: Math.round(totalMs) / 1e3,
    exitCode: last?.exitCode ?? null,
    signal: last?.signal ?? null,
    timedOut: last?.timedOut ?? false,
    log: { path: repoRelative(root, logAbs), sizeBytes: logBytes.length, sha256: sha256Bytes(logBytes) },
    output: reason || !outDigest ? null : {
      path: repoRelative(root, outputAbs),
      artifact: repoRelative(root, artifactAbs),
      sha256: outDigest,
      sizeBytes: statSync(artifactAbs).size,
      declaredSha256: declared,
      signatureChecked
    },
    ...opts.reproduce ? { reproduce: { digests, identical: digests.length === 2 && digests[0] === digests[1] } } : {}
  });
  await writeFileAtomic(recordAbs, toJson(record));
  const result = {
    record,
    recordPath: repoRelative(root, recordAbs),
    logPath: repoRelative(root, logAbs),
    tail: last?.tail ?? [],
    notes
  };
  if (reason) {
    const tail = result.tail.length ? `
last lines of ${result.logPath}:
${result.tail.map((l) => `  ${l}`).join("\n")}` : "";
    throw new TrainingFailed(
      `training ${name} ${spec.version} failed: ${reason}
record: ${result.recordPath}${tail}`,
      result
    );
  }
  return result;
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
    runner = await ModelRunner.open(bytes, rel, spec.task, {
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

export {
  secretValues,
  trainModel,
  TrainingFailed
};
