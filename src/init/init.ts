import { existsSync, readFileSync, realpathSync, statSync } from "node:fs";
import { basename, dirname, extname, isAbsolute, join, posix, relative, resolve, sep } from "node:path";
import { sha256File } from "../data/hash.ts";
import { recordPath } from "../records/evaluation.ts";
import { formatOf } from "../data/read.ts";
import { UserError } from "../errors.ts";
import { lockRepository } from "../lock/lock.ts";
import { CONFIG_FILE, loadRepository } from "../manifest/repo.ts";
import { type GraphFacts, graphFacts, readOnnxModel } from "../onnx/signature.ts";
import { copyFileAtomic, writeFileAtomic } from "../util/fs.ts";
import { type ValidateResult, validateRepository } from "../validate/validate.ts";
import { collectColumnStats } from "./collect.ts";
import { gitignoreWithModelgate } from "./gitignore.ts";
import { type ActionsHome, packageHome, parseHome, schemaLocation } from "./home.ts";
import {
  guessLabel,
  guessTask,
  outputRoles,
  planColumns,
  planInputs,
  slug,
  type Task,
  TASKS,
  tensorReview,
} from "./infer.ts";
import { mapLabels, probabilityColumns } from "./labels.ts";
import { renderConfig, renderDataset, renderModel } from "./render.ts";
import { callerWorkflows, copiedWorkflows } from "./workflows.ts";

/** Asks a person a question on a terminal; returns the answer, or `fallback` for an empty one. */
export type Asker = (question: string, fallback?: string) => Promise<string>;

export interface InitOptions {
  /** The model repository's folder (created when missing). */
  dir: string;
  /** Where relative --model and --data paths start. */
  cwd: string;
  model?: string;
  data?: string;
  label?: string;
  task?: string;
  name?: string;
  owners?: string[];
  /** copy: the ready-to-copy workflows; call: workflows calling modelgate's reusable ones; none. */
  workflows?: "copy" | "call" | "none";
  /** OWNER/REPO@REF of modelgate's actions and reusable workflows (default: package.json's `repository` at v<major>). */
  uses?: string;
  force?: boolean;
  /** Set on a terminal: what the flags leave open is asked. */
  ask?: Asker;
  onProgress?: (message: string) => void;
}

export interface InitFile {
  /** Relative to the repository root. */
  path: string;
  /** updated: lines added to a file of the person's own (.gitignore), nothing of it changed. */
  action: "written" | "kept" | "unchanged" | "updated";
}

export interface Todo {
  file: string;
  line: number;
  text: string;
}

export interface InitResult {
  root: string;
  files: InitFile[];
  model?: string;
  dataset?: string;
  task?: Task;
  /** Lines of the written files marked `# review:` (a guess) or `# TODO:` (for a person to write). */
  todo: Todo[];
  validation?: ValidateResult;
  notes: string[];
}

const toPosix = (p: string) => p.split(sep).join("/");

/** The path of `abs` relative to `root` when it is inside it (through symlinks too), else undefined. */
function insideRoot(root: string, abs: string): string | undefined {
  const real = existsSync(abs) ? realpathSync(abs) : abs;
  const rel = relative(realpathSync(root), real);
  return rel && !rel.startsWith("..") && !isAbsolute(rel) ? toPosix(rel) : undefined;
}

function inputFile(cwd: string, p: string, flag: string, exts: string[]): string {
  const abs = resolve(cwd, p);
  if (!existsSync(abs) || !statSync(abs).isFile()) throw new UserError(`${flag} ${p}: no such file`);
  if (!exts.includes(extname(abs).toLowerCase()))
    throw new UserError(`${flag} ${p}: expected a ${exts.join(" or ")} file`);
  return abs;
}

interface Planned {
  path: string;
  /** Text to write, or a file to copy. */
  text?: string;
  copyFrom?: string;
  /** Shared files (modelgate.yaml, workflows) are kept when present; owned ones need --force to be replaced. */
  shared: boolean;
  /** Added to a file that is there (its text, with lines appended): written as "updated", without --force. */
  merge?: boolean;
}

async function sameBytes(planned: Planned, abs: string): Promise<boolean> {
  if (planned.text !== undefined) return readFileSync(abs, "utf8") === planned.text;
  const a = statSync(planned.copyFrom!);
  const b = statSync(abs);
  return a.size === b.size && (await sha256File(planned.copyFrom!)) === (await sha256File(abs));
}

/**
 * Writes a model repository from an ONNX file and a data file: modelgate.yaml, a Dataset manifest inferred from the
 * data, a Model manifest from the ONNX signature, and the workflows; then locks digests and profiles, validates, and
 * lists what a person must still review or write. Nothing is overwritten without `force`; nothing is written when a
 * file is in the way (all checks come before the first write).
 */
/** What init will write and why, decided before anything is written (`init --dry-run` prints it). */
export interface InitPlan {
  root: string;
  /** Every file init would write, with what it would do to it. */
  files: InitFile[];
  /** Files a write would replace without --force: init stops with nothing written. */
  inTheWay: string[];
  model?: string;
  dataset?: string;
  datasetFile?: string;
  task?: Task;
  /** The repository had a modelgate.yaml before. */
  existingRepo: boolean;
  notes: string[];
  /** The planned writes (text, or a file to copy), for applyInit. */
  writes: Planned[];
}

/**
 * Writes a model repository from an ONNX file and a data file: modelgate.yaml, a Dataset manifest inferred from the
 * data, a Model manifest from the ONNX signature, and the workflows; then locks digests and profiles, validates, and
 * lists what a person must still review or write. Nothing is overwritten without `force`; nothing is written when a
 * file is in the way (all checks come before the first write).
 */
export async function initRepository(opts: InitOptions): Promise<InitResult> {
  const plan = await planInit(opts);
  if (plan.inTheWay.length)
    throw new UserError(
      `${plan.inTheWay.join(", ")} already exist${plan.inTheWay.length === 1 ? "s" : ""} in ${plan.root} and would be replaced; pass --force to overwrite, or --name to choose another model name`,
    );
  return applyInit(plan, opts);
}

/** Reads the inputs, asks what the flags leave open, and decides every file: nothing is written. */
export async function planInit(opts: InitOptions): Promise<InitPlan> {
  const root = resolve(opts.cwd, opts.dir);
  if (existsSync(root) && !statSync(root).isDirectory()) throw new UserError(`${opts.dir} is not a folder`);
  const ask = opts.ask;
  const notes: string[] = [];
  const existingRepo = existsSync(join(root, CONFIG_FILE));

  let modelPath = opts.model;
  if (!modelPath && ask) modelPath = (await ask("ONNX model file (empty: none for now)", "")) || undefined;
  let dataPath = opts.data;
  if (!dataPath && ask && modelPath)
    dataPath = (await ask("evaluation data file (.csv, .jsonl or .parquet)", "")) || undefined;
  if (modelPath && !dataPath)
    throw new UserError("--model needs --data: the file the model is evaluated on (.csv, .jsonl or .parquet)");
  const modelAbs = modelPath ? inputFile(opts.cwd, modelPath, "--model", [".onnx"]) : undefined;
  const dataAbs = dataPath
    ? inputFile(opts.cwd, dataPath, "--data", [".csv", ".jsonl", ".ndjson", ".parquet", ".pq"])
    : undefined;
  if (opts.task !== undefined && !TASKS.includes(opts.task as Task))
    throw new UserError(`--task must be one of ${TASKS.join(", ")}, got "${opts.task}"`);

  const home: ActionsHome = opts.uses !== undefined ? parseHome(opts.uses) : packageHome();
  const schema = (manifest: string, file: string) => schemaLocation(root, manifest, file, home);
  const planned: Planned[] = [];
  planned.push({
    path: CONFIG_FILE,
    text: renderConfig(slug(basename(root), "models"), schema(CONFIG_FILE, "config.schema.json")),
    shared: true,
  });
  const ignore = join(root, ".gitignore");
  const ignored = gitignoreWithModelgate(existsSync(ignore) ? readFileSync(ignore, "utf8") : undefined);
  if (ignored !== undefined)
    planned.push({ path: ".gitignore", text: ignored, shared: true, merge: existsSync(ignore) });

  const m = dataAbs
    ? await planManifests(opts, { root, dataAbs, dataPath: dataPath!, modelAbs, modelPath, schema, notes, planned })
    : {};

  const workflows = opts.workflows ?? "copy";
  const texts = workflows === "copy" ? copiedWorkflows(home) : workflows === "call" ? callerWorkflows(home) : {};
  for (const [f, text] of Object.entries(texts)) planned.push({ path: `.github/workflows/${f}`, text, shared: true });

  const { files, toWrite, inTheWay } = await decideWrites(planned, root, opts.force === true);
  return {
    root,
    files,
    inTheWay,
    model: m.modelName,
    dataset: m.datasetName,
    datasetFile: m.datasetFile,
    task: m.task,
    existingRepo,
    notes,
    writes: toWrite,
  };
}

interface ManifestInputs {
  root: string;
  dataAbs: string;
  dataPath: string;
  modelAbs?: string;
  modelPath?: string;
  schema: (manifest: string, file: string) => string;
  notes: string[];
  planned: Planned[];
}

/** The Dataset manifest from the data, and the Model manifest from the ONNX signature (added to `planned`). */
async function planManifests(
  opts: InitOptions,
  { root, dataAbs, dataPath, modelAbs, modelPath, schema, notes, planned }: ManifestInputs,
): Promise<{ modelName?: string; datasetName?: string; task?: Task; datasetFile?: string }> {
  const ask = opts.ask;
  let modelName: string | undefined;
  let datasetName: string | undefined;
  let task: Task | undefined;
  let datasetFile: string | undefined;
  let modelFile: string | undefined;
  {
    const display = dataPath!;
    formatOf(dataAbs);
    opts.onProgress?.(`reading ${display}`);
    const stats = await collectColumnStats(dataAbs, display);
    const columns = stats.map((s) => s.name);
    if (columns.length === 0) throw new UserError(`${display} has no columns`);

    let label = opts.label;
    let labelGuessed = false;
    if (label === undefined && ask)
      label = await ask(`label column (${columns.join(", ")})`, guessLabel(columns) ?? (modelAbs ? undefined : ""));
    if (label === undefined || label === "") {
      label = guessLabel(columns);
      labelGuessed = label !== undefined;
    }
    if (label !== undefined && !columns.includes(label))
      throw new UserError(`--label ${label}: no such column in ${display} (it has: ${columns.join(", ")})`);
    if (modelAbs && label === undefined)
      throw new UserError(`pass --label COLUMN, the column the model predicts (${display} has: ${columns.join(", ")})`);
    const labelStats = stats.find((s) => s.name === label);

    let inputs: ReturnType<typeof planInputs> | undefined;
    let sig: ReturnType<typeof readOnnxModel>["signature"] | undefined;
    let graph: GraphFacts | undefined;
    let taskWhy = "";
    let taskConfirmed = false;
    if (modelAbs) {
      const onnx = readOnnxModel(readFileSync(modelAbs), modelPath);
      sig = onnx.signature;
      graph = graphFacts(onnx.model);
      inputs = planInputs(sig, columns);
      const guess = guessTask(sig, labelStats);
      taskWhy = guess.why;
      task = guess.task;
      if (opts.task) {
        task = opts.task as Task;
        taskConfirmed = true;
        if (task !== guess.task) notes.push(`task: ${task} as --task says (the outputs suggested ${guess.task})`);
      } else if (ask) {
        const answer = await ask(`task (${TASKS.join(", ")}): ${guess.why}`, guess.task);
        if (!TASKS.includes(answer as Task))
          throw new UserError(`the task must be one of ${TASKS.join(", ")}, got "${answer}"`);
        task = answer as Task;
        taskConfirmed = true;
      }
    }
    const plans = planColumns(stats, label ?? "", task, new Set(inputs?.mode === "columns" ? inputs.features : []));

    datasetName = slug(basename(dataAbs, extname(dataAbs)), "data");
    const dataRel = existsSync(root) ? insideRoot(root, dataAbs) : undefined;
    const target = dataRel ?? `data/${basename(dataAbs)}`;
    if (!dataRel) planned.push({ path: target, copyFrom: dataAbs, shared: false });
    datasetFile = `data/${datasetName}.yaml`;
    planned.push({
      path: datasetFile,
      text: renderDataset({
        name: datasetName,
        path: posix.relative("data", target),
        columns: plans,
        labelReview: labelGuessed ? "guessed the label from its name; pass --label COLUMN" : undefined,
        schema: schema(datasetFile, "dataset.schema.json"),
        source: basename(dataAbs),
      }),
      shared: false,
    });

    if (modelAbs && sig && graph && inputs && task && label !== undefined) {
      const fromFile = slug(basename(modelAbs, extname(modelAbs)), "model");
      const fallback = fromFile === "model" ? slug(basename(dirname(modelAbs)), "model") : fromFile;
      modelName = opts.name ?? (ask ? await ask("model name", fallback) : fallback);
      if (slug(modelName, "") !== modelName)
        throw new UserError(
          `model name "${modelName}" must be lowercase letters, digits and '-' (at most 63), e.g. "${slug(modelName, "my-model")}"`,
        );
      if (existsSync(join(root, CONFIG_FILE))) await refuseSameArtifact(root, modelAbs, modelPath!, modelName);
      const owners =
        opts.owners ?? (ask ? splitList(await ask("owners (GitHub logins or org/team, comma-separated)", "")) : []);
      const features =
        inputs.mode === "tensor"
          ? plans.filter((c) => c.role === "feature" && (c.type === "float" || c.type === "integer")).map((c) => c.name)
          : inputs.features;
      const labelPlan = plans.find((c) => c.name === label)!;
      const outputs = outputRoles(sig, task);
      const mapping =
        task === "regression"
          ? undefined
          : await mapLabels({
              task,
              column: label,
              values: labelPlan.values,
              counts: labelStats?.counts ?? new Map(),
              columns: probabilityColumns(sig, graph, outputs.probability),
              model: modelPath!,
              data: display,
              ask,
            });
      if (task !== "regression" && !labelPlan.values)
        notes.push(
          `label "${label}" has more than 20 values: its classes are not listed; check that the task is ${task}`,
        );
      if (mapping?.note) notes.push(mapping.note);
      const modelRel = existsSync(root) ? insideRoot(root, modelAbs) : undefined;
      const artifactTarget = modelRel ?? `models/${modelName}/model.onnx`;
      if (!modelRel) planned.push({ path: artifactTarget, copyFrom: modelAbs, shared: false });
      modelFile = `models/${modelName}/model.yaml`;
      planned.push({
        path: modelFile,
        text: renderModel({
          name: modelName,
          artifact: posix.relative(`models/${modelName}`, artifactTarget),
          task,
          taskWhy,
          taskConfirmed,
          owners,
          inputs: { ...inputs, features },
          featuresReview: inputs.review ?? tensorReview(sig, inputs, features),
          outputs,
          label,
          mapping: mapping ?? {},
          classCount: labelPlan.values?.length ?? 2,
          dataset: datasetName,
          slices: plans.filter((c) => c.role === "slice").map((c) => c.name),
          schema: schema(modelFile, "model.schema.json"),
        }),
        shared: false,
      });
    }
  }
  return { modelName, datasetName, task, datasetFile };
}

/** Every check before the first write: what each file would become, and which are in the way. */
async function decideWrites(planned: Planned[], root: string, force: boolean) {
  const files: InitFile[] = [];
  const toWrite: Planned[] = [];
  const inTheWay: string[] = [];
  for (const p of planned) {
    const abs = join(root, p.path);
    if (!existsSync(abs)) {
      toWrite.push(p);
      files.push({ path: p.path, action: "written" });
    } else if (p.merge) {
      toWrite.push(p);
      files.push({ path: p.path, action: "updated" });
    } else if (await sameBytes(p, abs)) files.push({ path: p.path, action: "unchanged" });
    else if (force) {
      toWrite.push(p);
      files.push({ path: p.path, action: "written" });
    } else if (p.shared) files.push({ path: p.path, action: "kept" });
    else inTheWay.push(p.path);
  }
  return { files, toWrite, inTheWay };
}

/** Writes the plan's files, then locks digests and profiles, validates, and lists the lines to review. */
export async function applyInit(plan: InitPlan, opts: Pick<InitOptions, "onProgress"> = {}): Promise<InitResult> {
  const { root, files, notes, existingRepo } = plan;
  const modelName = plan.model;
  const datasetName = plan.dataset;
  const datasetFile = plan.datasetFile;
  const task = plan.task;
  for (const p of plan.writes) {
    const abs = join(root, p.path);
    if (p.copyFrom) await copyFileAtomic(p.copyFrom, abs);
    else await writeFileAtomic(abs, p.text!);
  }

  // Digests, sizes, rows, profiles and the signature, as `modelgate lock` writes them; then validate.
  let validation: ValidateResult | undefined;
  if (modelName) {
    opts.onProgress?.("locking digests and profiles");
    await lockRepository(root, [modelName]);
    validation = await validateRepository(root, { paths: [join(root, "models", modelName)] });
  } else if (datasetFile) {
    if (existingRepo) notes.push(`run \`modelgate lock\` to write ${datasetFile}'s digest, rows and profile`);
    else {
      await lockRepository(root, []);
      validation = await validateRepository(root, { paths: [join(root, datasetFile)] });
    }
  }

  const todo: Todo[] = [];
  for (const f of files) {
    if (f.action !== "written" || !/\.ya?ml$/.test(f.path) || f.path.startsWith(".github/")) continue;
    const lines = readFileSync(join(root, f.path), "utf8").split("\n");
    lines.forEach((l, i) => {
      if (/#\s*(review|TODO):/.test(l)) todo.push({ file: f.path, line: i + 1, text: l.trim() });
    });
  }
  return { root, files, model: modelName, dataset: datasetName, task, todo, validation, notes };
}

/**
 * A model of the repository that already holds this ONNX file under another name is what a previous init left (a
 * rename): writing a second one would put both in every report. Refused, naming the two ways out.
 */
async function refuseSameArtifact(root: string, modelAbs: string, modelPath: string, name: string): Promise<void> {
  let repo: ReturnType<typeof loadRepository>;
  try {
    repo = loadRepository(root);
  } catch {
    return; // a repository that does not load is validate's to explain
  }
  const digest = await sha256File(modelAbs);
  const other = repo.models.find((m) => m.value.metadata.name !== name && m.value.spec.artifact.sha256 === digest);
  if (!other) return;
  const old = other.value.metadata.name;
  throw new UserError(
    `${modelPath} is already in this repository as model "${old}" (${other.file}), from an earlier init: a second copy named "${name}" would put both in every report. To rename it, remove ${posix.dirname(other.file)} (and ${recordPath(old)}) first; to write it again, pass --name ${old} --force`,
  );
}

function splitList(s: string): string[] {
  return s
    .split(/[\s,]+/)
    .map((x) => x.trim())
    .filter(Boolean);
}
