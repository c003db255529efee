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
  loadRepository,
  missingDataset,
  repoRelative,
  resolveInside,
} from "../manifest/repo.ts";
import { MAX_TIMEOUT_MINUTES, type Model } from "../manifest/schema.ts";
import { type TrainingRecord, trainingRecordSchema } from "../records/training.ts";
import { toJson, writeFileAtomic } from "../util/fs.ts";
import type { Io } from "../util/io.ts";
import { VERSION } from "../version.ts";
import { gitState } from "./git.ts";
import { masker, secretValues } from "./mask.ts";
import { runLogged } from "./process.ts";

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

/**
 * Trains one model: runs its spec.training command and verifies what it wrote. Writes the training record and log
 * under .modelgate/training/ in every case; throws CheckFailed (exit 1) after writing them when training failed.
 */
export async function trainModel(cwd: string, name: string, io: Io, opts: TrainOptions = {}): Promise<TrainResult> {
  // (the manifest's timeoutMinutes is held to the same range by its schema)
  if (opts.timeoutMinutes !== undefined && !(opts.timeoutMinutes > 0 && opts.timeoutMinutes <= MAX_TIMEOUT_MINUTES)) {
    // a longer one overflows Node's timer, which then fires after 1 ms and stops the command at once
    throw new UserError(
      `the training timeout must be more than 0 and at most ${MAX_TIMEOUT_MINUTES.toLocaleString("en-US")} minutes (24.8 days, the longest timer Node.js can set), got ${opts.timeoutMinutes}`,
    );
  }
  const repo = loadRepository(cwd);
  const m = findModel(repo, name);
  const spec = m.value.spec;
  const training = spec.training;
  if (!training) {
    throw new UserError(
      `model "${name}" has no spec.training in ${m.file}; add spec.training.command (the argv that writes the ONNX file) to train it with modelgate`,
      at(m, ["spec"], true),
    );
  }
  const root = repo.root;
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
  const artifactAbs = inside(spec.artifact.path, ["spec", "artifact", "path"]);
  const outputAbs = training.output ? inside(training.output, ["spec", "training", "output"]) : artifactAbs;

  // Input data: resolve, hash, and compare with the manifests before spending time on training.
  const datasets: TrainingRecord["datasets"] = [];
  const dataPaths: Record<string, string> = {};
  for (const [i, dsName] of training.datasets.entries()) {
    const d = findDataset(repo, dsName);
    if (!d) {
      throw new UserError(
        `spec.training.datasets names "${dsName}", but ${missingDataset(repo, dsName)}`,
        at(m, ["spec", "training", "datasets", i]),
      );
    }
    const r = resolveInside(root, d.dir, d.value.spec.path);
    if (r.error) throw new UserError(r.error, at(d, ["spec", "path"]));
    if (!existsSync(r.abs)) {
      throw new UserError(
        `the data file ${repoRelative(root, r.abs)} does not exist; add it or fix spec.path`,
        at(d, ["spec", "path"]),
      );
    }
    const digest = await sha256File(r.abs);
    const declared = d.value.spec.sha256 ?? null;
    if (declared && declared !== digest) {
      throw new CheckFailed(
        `${repoRelative(root, r.abs)} has sha256 ${digest}, not the ${declared} its manifest declares; training on it would record data nobody reviewed. Run \`modelgate lock\` if the change is intended`,
        at(d, ["spec", "sha256"]),
      );
    }
    dataPaths[dsName] = r.abs;
    datasets.push({
      name: dsName,
      path: repoRelative(root, r.abs),
      sha256: digest,
      declaredSha256: declared,
      sizeBytes: statSync(r.abs).size,
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
  else if (argv[0] === "node") argv[0] = process.execPath; // the Node.js that runs modelgate, recorded below

  const env: NodeJS.ProcessEnv = {};
  for (const k of [...BASE_ENV, ...training.env]) if (io.env[k] !== undefined) env[k] = io.env[k];
  // Python block-buffers its output into a pipe: the log would come out of order (stdout after stderr) and a
  // command stopped at the timeout would leave it empty. A manifest that lists PYTHONUNBUFFERED decides itself.
  if (!training.env.includes("PYTHONUNBUFFERED")) env.PYTHONUNBUFFERED = "1";
  env.MODELGATE_PARAMS = paramsAbs;
  env.MODELGATE_OUTPUT = outputAbs;
  env.MODELGATE_MODEL = name;
  env.MODELGATE_MODEL_VERSION = spec.version;
  for (const [ds, p] of Object.entries(dataPaths)) env[dataEnvName(ds)] = p;
  const mask = masker(secretValues(io.env));
  const onOutput = opts.onOutput ?? ((t: string) => io.err(t));
  const timeoutMinutes = opts.timeoutMinutes ?? training.timeoutMinutes;

  const notes: string[] = [];
  const startedAt = new Date();
  const digests: string[] = [];
  let reason: string | undefined;
  let last: Awaited<ReturnType<typeof runLogged>> | undefined;
  let totalMs = 0;
  let signatureChecked = false;
  const runs = opts.reproduce ? 2 : 1;
  // Keep the previous model aside: restored if training fails, so a failed run never leaves a stale or broken file.
  const backup = existsSync(outputAbs) ? `${outputAbs}.modelgate-previous` : undefined;
  if (backup) renameSync(outputAbs, backup);
  try {
    for (let run = 1; run <= runs && !reason; run++) {
      rmSync(outputAbs, { force: true });
      if (runs > 1) onOutput(`modelgate: training run ${run} of ${runs}\n`);
      last = await runLogged({
        argv,
        shell: training.shell,
        cwd: workdir,
        env,
        timeoutMs: timeoutMinutes * 60_000,
        logPath: run === 1 ? logAbs : `${logAbs}.run${run}`,
        mask,
        onOutput,
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
      `${m.file}: spec.artifact.sha256 ${declared ? "differs from" : "is not set to"} the new model's digest; run \`modelgate lock ${name}\` to record it`,
    );
  }

  const logBytes = readFileSync(logAbs);
  const finishedAt = new Date();
  const record = trainingRecordSchema.parse({
    apiVersion: "modelgate.dev/v1alpha1",
    kind: "TrainingRecord",
    model: { name, version: spec.version, manifest: m.file },
    result: reason ? "failed" : "ok",
    ...(reason ? { reason } : {}),
    git,
    command: {
      argv: training.command,
      shell: training.shell,
      workdir: repoRelative(root, workdir) || ".",
      timeoutMinutes,
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
      arch: process.arch,
    },
    startedAt: startedAt.toISOString(),
    finishedAt: finishedAt.toISOString(),
    durationSeconds: Math.round(totalMs) / 1000,
    exitCode: last?.exitCode ?? null,
    signal: last?.signal ?? null,
    timedOut: last?.timedOut ?? false,
    log: { path: repoRelative(root, logAbs), sizeBytes: logBytes.length, sha256: sha256Bytes(logBytes) },
    output:
      reason || !outDigest
        ? null
        : {
            path: repoRelative(root, outputAbs),
            artifact: repoRelative(root, artifactAbs),
            sha256: outDigest,
            sizeBytes: statSync(artifactAbs).size,
            declaredSha256: declared,
            signatureChecked,
          },
    ...(opts.reproduce ? { reproduce: { digests, identical: digests.length === 2 && digests[0] === digests[1] } } : {}),
  } satisfies TrainingRecord);
  await writeFileAtomic(recordAbs, toJson(record));
  const result: TrainResult = {
    record,
    recordPath: repoRelative(root, recordAbs),
    logPath: repoRelative(root, logAbs),
    tail: last?.tail ?? [],
    notes,
  };
  if (reason) {
    const tail = result.tail.length
      ? `\nlast lines of ${result.logPath}:\n${result.tail.map((l) => `  ${l}`).join("\n")}`
      : "";
    throw new TrainingFailed(
      `training ${name} ${spec.version} failed: ${reason}\nrecord: ${result.recordPath}${tail}`,
      result,
    );
  }
  return result;
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
