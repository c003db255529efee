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
  statSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { dirname, isAbsolute, join, relative, resolve } from "node:path";
import { CheckFailed, UserError } from "../errors.ts";
import { sha256Bytes, sha256File } from "../data/hash.ts";
import { loadOrt, ModelRunner } from "../evaluate/runner.ts";
import { withExternalData } from "../onnx/external.ts";
import {
  at,
  findDataset,
  findModel,
  type Loaded,
  missingDataset,
  type Repository,
  repoRelative,
  resolveInside,
} from "../manifest/repo.ts";
import { MAX_TIMEOUT_MINUTES, type Model } from "../manifest/schema.ts";
import { type TrainingRecord, trainingRecordSchema } from "../records/training.ts";
import { toJson, writeFileAtomic } from "../util/fs.ts";
import { VERSION } from "../version.ts";
import { isRemote, localFile, resolveSource, type StorageContext, storageContext } from "../storage/source.ts";
import type { Workspace } from "../workspace/workspace.ts";
import { type GitState, gitState } from "./git-state.ts";
import { type Mask, masker, secretValues } from "./mask.ts";
import { type RunResult, runLogged } from "./process.ts";

/** Where records and logs go, relative to the repository root. */
export { TRAINING_DIR } from "../records/training.ts";
import { TRAINING_DIR } from "../records/training.ts";

/** Variables every command gets (when set), besides the manifest's spec.training.env allowlist. */
export const BASE_ENV = [
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
  "TMP",
];

export interface TrainOptions {
  /** Train twice and compare the output digests. */
  reproduce?: boolean;
  /** Overrides spec.training.timeoutMinutes. */
  timeoutMinutes?: number;
  /** Live output of the command (masked). Default: io.err. */
  onOutput?: (text: string) => void;
}

export interface TrainResult {
  record: TrainingRecord;
  /** Paths relative to the repository root. */
  recordPath: string;
  logPath: string;
  /** The last lines of the log (masked), for failure messages. */
  tail: string[];
  /** Notes for the person (e.g. the manifest's digest is now stale). */
  notes: string[];
}

/** Environment-variable name for a dataset: MODELGATE_DATA_ + the name in upper case, '-' as '_'. */
export function dataEnvName(dataset: string): string {
  return `MODELGATE_DATA_${dataset.toUpperCase().replace(/[^A-Z0-9]/g, "_")}`;
}

/** Quotes a word for a POSIX shell. */
function shellQuote(s: string): string {
  return /^[A-Za-z0-9_@%+=:,./-]+$/.test(s) ? s : `'${s.replace(/'/g, `'\\''`)}'`;
}

/**
 * Fills the placeholders of an argv word: {params}, {output}, {data:NAME}. An unknown placeholder is a user error.
 */
export function expandArg(
  word: string,
  values: { params: string; output: string; data: Record<string, string> },
): string {
  return word.replace(
    /\{(params|output|data:([a-z0-9-]+))\}|\{[^}\s]*\}/g,
    (m, key: string | undefined, ds: string | undefined) => {
      if (key === "params") return values.params;
      if (key === "output") return values.output;
      if (ds !== undefined) {
        const p = values.data[ds];
        if (p === undefined) {
          throw new UserError(
            `"${word}" names dataset "${ds}", which is not in spec.training.datasets (${Object.keys(values.data).join(", ") || "none"}); add it there`,
          );
        }
        return p;
      }
      if (/^\{[A-Za-z_:.-]+\}$/.test(m)) {
        throw new UserError(`unknown placeholder ${m} in "${word}"; use {params}, {output} or {data:DATASET}`);
      }
      return m;
    },
  );
}

type Training = NonNullable<Model["spec"]["training"]>;

/** Where training runs and what it writes, absolute. */
export interface TrainingPaths {
  workdir: string;
  artifact: string;
  /** spec.training.output, else the artifact. */
  output: string;
}

/** What the training runs ended with. */
export interface TrainingOutcome {
  /** Why training failed; undefined when it succeeded. */
  reason?: string;
  /** The output's sha256 after each verified run. */
  digests: string[];
  last?: RunResult;
  totalMs: number;
  signatureChecked: boolean;
}

/**
 * Trains one model: runs its spec.training command and verifies what it wrote. Writes the training record and log
 * under .modelgate/training/ in every case; throws CheckFailed (exit 1) after writing them when training failed.
 * Its environment (the allowlist's values, the secrets to mask) is the workspace's; live output goes to ws.io.err.
 */
export async function trainModel(ws: Workspace, name: string, opts: TrainOptions = {}): Promise<TrainResult> {
  checkTimeout(opts.timeoutMinutes);
  const root = ws.root;
  const m = findModel(ws.repo, name);
  const spec = m.value.spec;
  const training = trainingOf(m);
  const paths = trainingPaths(root, m, training);
  // Input data: resolve, hash, and compare with the manifests before spending time on training.
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
    data: inputs.paths,
  });
  const startedAt = ws.now();
  let outcome: TrainingOutcome;
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
      onOutput: opts.onOutput ?? ((t: string) => ws.io.err(t)),
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
  const notes =
    !outcome.reason && declared !== outDigest
      ? [
          `${m.file}: spec.artifact.sha256 ${declared ? "differs from" : "is not set to"} the new model's digest; run \`modelgate lock ${name}\` to record it`,
        ]
      : [];
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
    reproduce: opts.reproduce === true,
  });
  await writeFileAtomic(recordAbs, toJson(record));
  const result: TrainResult = {
    record,
    recordPath: repoRelative(root, recordAbs),
    logPath: repoRelative(root, logAbs),
    tail: outcome.last?.tail ?? [],
    notes,
  };
  if (outcome.reason) {
    const tail = result.tail.length
      ? `\nlast lines of ${result.logPath}:\n${result.tail.map((l) => `  ${l}`).join("\n")}`
      : "";
    throw new TrainingFailed(
      `training ${name} ${spec.version} failed: ${outcome.reason}\nrecord: ${result.recordPath}${tail}`,
      result,
    );
  }
  return result;
}

/** A timeout from the command line or an action input: more than 0, at most MAX_TIMEOUT_MINUTES. */
export function checkTimeout(minutes: number | undefined): void {
  // (the manifest's timeoutMinutes is held to the same range by its schema)
  if (minutes !== undefined && !(minutes > 0 && minutes <= MAX_TIMEOUT_MINUTES)) {
    // a longer one overflows Node's timer, which then fires after 1 ms and stops the command at once
    throw new UserError(
      `the training timeout must be more than 0 and at most ${MAX_TIMEOUT_MINUTES.toLocaleString("en-US")} minutes (24.8 days, the longest timer Node.js can set), got ${minutes}`,
    );
  }
}

function trainingOf(m: Loaded<Model>): Training {
  const training = m.value.spec.training;
  if (!training) {
    throw new UserError(
      `model "${m.value.metadata.name}" has no spec.training in ${m.file}; add spec.training.command (the argv that writes the ONNX file) to train it with modelgate`,
      at(m, ["spec"], true),
    );
  }
  return training;
}

/** The workdir (an existing folder inside the repository), the artifact and the output, resolved and checked. */
function trainingPaths(root: string, m: Loaded<Model>, training: Training): TrainingPaths {
  const inside = (path: string, field: (string | number)[]) => {
    const r = resolveInside(root, m.dir, path);
    if (r.error) throw new UserError(r.error, at(m, field));
    return r.abs;
  };
  const workdir = resolve(m.dir, training.workdir);
  const rel = relative(realpathSync(root), existsSync(workdir) ? realpathSync(workdir) : workdir);
  if (isAbsolute(training.workdir) || rel.startsWith("..") || isAbsolute(rel)) {
    throw new UserError(
      `spec.training.workdir "${training.workdir}" is outside the repository; give a folder inside it, relative to the manifest's folder`,
      at(m, ["spec", "training", "workdir"]),
    );
  }
  if (!existsSync(workdir) || !statSync(workdir).isDirectory()) {
    throw new UserError(
      `spec.training.workdir "${training.workdir}" is not a folder`,
      at(m, ["spec", "training", "workdir"]),
    );
  }
  if (isRemote(m.value.spec.artifact.path))
    throw new UserError(
      `spec.artifact.path is ${m.value.spec.artifact.path}, a remote file: modelgate train writes the artifact into the repository, so a remote one is trained elsewhere (upload it, then \`modelgate lock\` pins it)`,
      at(m, ["spec", "artifact", "path"]),
    );
  const artifact = inside(m.value.spec.artifact.path, ["spec", "artifact", "path"]);
  const output = training.output ? inside(training.output, ["spec", "training", "output"]) : artifact;
  return { workdir, artifact, output };
}

/**
 * The training datasets' files, hashed and held to their manifests' sha256 (a file nobody reviewed is refused
 * before training starts): the record's entries and each dataset's absolute path.
 */
async function hashTrainingData(
  repo: Repository,
  m: Loaded<Model>,
  training: Training,
  storage: StorageContext,
): Promise<{ datasets: TrainingRecord["datasets"]; paths: Record<string, string> }> {
  const root = repo.root;
  const datasets: TrainingRecord["datasets"] = [];
  const paths: Record<string, string> = {};
  for (const [i, dsName] of training.datasets.entries()) {
    const d = findDataset(repo, dsName);
    if (!d) {
      throw new UserError(
        `spec.training.datasets names "${dsName}", but ${missingDataset(repo, dsName)}`,
        at(m, ["spec", "training", "datasets", i]),
      );
    }
    if (isRemote(d.value.spec.path)) {
      const got = await localFile(storage, resolveSource(root, d.dir, d.value.spec.path), {
        sha256: d.value.spec.sha256,
        size: d.value.spec.sizeBytes,
      });
      paths[dsName] = got.file;
      datasets.push({
        name: dsName,
        path: d.value.spec.path,
        sha256: got.sha256!,
        declaredSha256: d.value.spec.sha256 ?? null,
        sizeBytes: statSync(got.file).size,
      });
      continue;
    }
    const r = resolveInside(root, d.dir, d.value.spec.path);
    if (r.error) throw new UserError(r.error, at(d, ["spec", "path"]));
    if (!existsSync(r.abs)) {
      throw new UserError(
        `the data file ${repoRelative(root, r.abs)} does not exist; add it or fix spec.path`,
        at(d, ["spec", "path"]),
      );
    }
    await localFile(storage, resolveSource(root, d.dir, d.value.spec.path), {}); // a git-lfs pointer is fetched first
    const digest = await sha256File(r.abs);
    const declared = d.value.spec.sha256 ?? null;
    if (declared && declared !== digest) {
      throw new CheckFailed(
        `${repoRelative(root, r.abs)} has sha256 ${digest}, not the ${declared} its manifest declares; training on it would record data nobody reviewed. Run \`modelgate lock\` if the change is intended`,
        at(d, ["spec", "sha256"]),
      );
    }
    paths[dsName] = r.abs;
    datasets.push({
      name: dsName,
      path: repoRelative(root, r.abs),
      sha256: digest,
      declaredSha256: declared,
      sizeBytes: statSync(r.abs).size,
    });
  }
  return { datasets, paths };
}

/**
 * The command's argv with its placeholders filled: one shell command line when spec.training.shell, and `node` as
 * the Node.js that runs modelgate (recorded in the record's tools).
 */
export function trainingArgv(
  training: Pick<Training, "command" | "shell">,
  values: { params: string; output: string; data: Record<string, string> },
  node = process.execPath,
): string[] {
  const argv = training.command.map((w) => expandArg(w, values));
  if (training.shell) return [argv.length === 1 ? argv[0] : argv.map(shellQuote).join(" ")];
  if (argv[0] === "node") argv[0] = node;
  return argv;
}

/**
 * The command's whole environment: BASE_ENV and the manifest's allowlist taken from `from` (when set),
 * PYTHONUNBUFFERED=1 unless the allowlist names it, and the MODELGATE_* variables. Nothing else passes through.
 */
export function trainingEnv(
  training: Pick<Training, "env">,
  from: NodeJS.ProcessEnv,
  vars: { params: string; output: string; model: string; version: string; data: Record<string, string> },
): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const k of [...BASE_ENV, ...training.env]) if (from[k] !== undefined) env[k] = from[k];
  // Python block-buffers its output into a pipe: the log would come out of order (stdout after stderr) and a
  // command stopped at the timeout would leave it empty. A manifest that lists PYTHONUNBUFFERED decides itself.
  if (!training.env.includes("PYTHONUNBUFFERED")) env.PYTHONUNBUFFERED = "1";
  env.MODELGATE_PARAMS = vars.params;
  env.MODELGATE_OUTPUT = vars.output;
  env.MODELGATE_MODEL = vars.model;
  env.MODELGATE_MODEL_VERSION = vars.version;
  for (const [ds, p] of Object.entries(vars.data)) env[dataEnvName(ds)] = p;
  return env;
}

/** Why one run failed, from how the command ended (undefined: it exited 0, the output is checked next). */
export function runProblem(r: RunResult, command: string, timeoutMinutes: number): string | undefined {
  if (r.spawnError) return `could not start the training command "${command}": ${r.spawnError}`;
  if (r.timedOut) return `the training command timed out after ${timeoutMinutes} minutes and was stopped`;
  if (r.exitCode !== 0)
    return `the training command failed with ${r.exitCode === null ? `signal ${r.signal}` : `exit code ${r.exitCode}`}`;
  return undefined;
}

/** Two runs of --reproduce that wrote different models. */
export function reproduceProblem(digests: string[]): string | undefined {
  if (digests[0] === digests[1]) return undefined;
  return `not reproducible: run 1 wrote sha256 ${digests[0]}, run 2 wrote ${digests[1]}; fix the seeds and any parallel nondeterminism in the training code`;
}

/**
 * Runs the command once (twice with --reproduce) and verifies each output. The previous model is kept aside and
 * restored if training fails, so a failed run never leaves a stale or broken file.
 */
async function runTraining(
  m: Loaded<Model>,
  run: {
    argv: string[];
    env: NodeJS.ProcessEnv;
    workdir: string;
    output: string;
    outputShown: string;
    logAbs: string;
    timeoutMinutes: number;
    runs: number;
    mask: Mask;
    onOutput: (text: string) => void;
  },
): Promise<TrainingOutcome> {
  const training = m.value.spec.training!;
  const outcome: TrainingOutcome = { digests: [], totalMs: 0, signatureChecked: false };
  const backup = existsSync(run.output) ? `${run.output}.modelgate-previous` : undefined;
  if (backup) renameSync(run.output, backup);
  try {
    for (let i = 1; i <= run.runs && !outcome.reason; i++) {
      rmSync(run.output, { force: true });
      if (run.runs > 1) run.onOutput(`modelgate: training run ${i} of ${run.runs}\n`);
      const last = await runLogged({
        argv: run.argv,
        shell: training.shell,
        cwd: run.workdir,
        env: run.env,
        timeoutMs: run.timeoutMinutes * 60_000,
        logPath: i === 1 ? run.logAbs : `${run.logAbs}.run${i}`,
        mask: run.mask,
        onOutput: run.onOutput,
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

/** The second run's log appended to the first's, under a heading: one log per training. */
function joinSecondLog(logAbs: string): void {
  if (!existsSync(`${logAbs}.run2`)) return;
  const second = readFileSync(`${logAbs}.run2`);
  appendFileSync(logAbs, Buffer.concat([Buffer.from("\nmodelgate: --- training run 2 of 2 ---\n"), second]));
  rmSync(`${logAbs}.run2`, { force: true });
}

/** The training record from what was measured; pure (validated against its schema). */
export function trainingRecord(f: {
  model: Loaded<Model>;
  root: string;
  paths: TrainingPaths;
  outcome: TrainingOutcome;
  git: GitState;
  datasets: TrainingRecord["datasets"];
  env: NodeJS.ProcessEnv;
  timeoutMinutes: number;
  paramsSha256: string;
  log: TrainingRecord["log"];
  /** The artifact's size in bytes when training succeeded. */
  artifactSize: number;
  tools: TrainingRecord["tools"];
  startedAt: Date;
  finishedAt: Date;
  reproduce: boolean;
}): TrainingRecord {
  const { spec, metadata } = f.model.value;
  const training = spec.training!;
  const { reason, digests, last } = f.outcome;
  const outDigest = digests[digests.length - 1];
  return trainingRecordSchema.parse({
    apiVersion: "modelgate.dev/v1alpha1",
    kind: "TrainingRecord",
    model: { name: metadata.name, version: spec.version, manifest: f.model.file },
    result: reason ? "failed" : "ok",
    ...(reason ? { reason } : {}),
    git: f.git,
    command: {
      argv: training.command,
      shell: training.shell,
      workdir: repoRelative(f.root, f.paths.workdir) || ".",
      timeoutMinutes: f.timeoutMinutes,
    },
    params: training.params,
    paramsSha256: f.paramsSha256,
    datasets: f.datasets,
    env: Object.keys(f.env).sort(),
    tools: f.tools,
    startedAt: f.startedAt.toISOString(),
    finishedAt: f.finishedAt.toISOString(),
    durationSeconds: Math.round(f.outcome.totalMs) / 1000,
    exitCode: last?.exitCode ?? null,
    signal: last?.signal ?? null,
    timedOut: last?.timedOut ?? false,
    log: f.log,
    output:
      reason || !outDigest
        ? null
        : {
            path: repoRelative(f.root, f.paths.output),
            artifact: repoRelative(f.root, f.paths.artifact),
            sha256: outDigest,
            sizeBytes: f.artifactSize,
            declaredSha256: spec.artifact.sha256 ?? null,
            signatureChecked: f.outcome.signatureChecked,
          },
    ...(f.reproduce ? { reproduce: { digests, identical: digests.length === 2 && digests[0] === digests[1] } } : {}),
  } satisfies TrainingRecord);
}

async function toolVersions(): Promise<TrainingRecord["tools"]> {
  return {
    modelgate: VERSION,
    node: process.version,
    onnxruntime: await ortVersion(),
    platform: process.platform,
    arch: process.arch,
  };
}

/** Training ran and failed (or its output did not verify): exit 1, with the record that says so. */
export class TrainingFailed extends CheckFailed {
  constructor(
    message: string,
    readonly result: TrainResult,
  ) {
    super(message);
    this.name = "TrainingFailed";
  }
}

/**
 * The checks evaluation will make, made now: the file is ONNX, onnxruntime loads it, its signature matches
 * spec.signature, the features map onto its inputs, and it runs on two rows. Returns the problem, or undefined.
 */
async function verifyOutput(m: Loaded<Model>, abs: string, rel: string): Promise<string | undefined> {
  const spec = m.value.spec;
  const bytes = readFileSync(abs);
  let runner: ModelRunner | undefined;
  try {
    runner = await ModelRunner.open(withExternalData(bytes, rel, dirname(abs)), rel, spec.task, {
      mode: spec.inputs.mode,
      tensor: spec.inputs.tensor,
      features: spec.inputs.features,
      outputs: spec.outputs,
      signature: spec.signature,
    });
    const numeric = new Map(spec.inputs.features.map((f) => [f, new Float64Array(2)]));
    const strings = new Map(runner.stringColumns().map((f) => [f, ["", ""]]));
    await runner.run({ length: 2, numeric, strings });
    return undefined;
  } catch (err) {
    if (err instanceof UserError || err instanceof CheckFailed) return err.message;
    throw err;
  } finally {
    await runner?.close();
  }
}

async function ortVersion(): Promise<string | null> {
  try {
    const ort = (await loadOrt()) as unknown as { env?: { versions?: { node?: string; common?: string } } };
    return ort.env?.versions?.node ?? ort.env?.versions?.common ?? null;
  } catch {
    return null;
  }
}
