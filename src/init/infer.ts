import type { ColumnType } from "../manifest/schema.ts";
import type { OnnxSignature, TensorSpec } from "../onnx/signature.ts";

/**
 * What `modelgate init` guesses from a data file and an ONNX file: column types and roles, the task, how columns map
 * to the model's inputs, which outputs hold its predictions. Pure: values in, values out. Every guess that a person
 * should check carries a `review` note, which the manifests show as a `# review:` comment.
 */

export type Task = "binary-classification" | "multiclass-classification" | "regression";
export const TASKS: Task[] = ["binary-classification", "multiclass-classification", "regression"];

/** What one pass over the data file saw of a column. */
export interface ColumnStats {
  name: string;
  rows: number;
  nulls: number;
  /** Cells reading "nan": nulls when the column is numeric, values when it is text. */
  nans: number;
  /** Non-null cells that read as true/false. */
  booleans: number;
  /** Non-null cells that read as numbers (finite or not); `integers` of them whole. */
  numbers: number;
  integers: number;
  min?: number;
  max?: number;
  /** The median of the numeric values (of a deterministic sample of them in a long file). */
  median?: number;
  /** Distinct non-null values (as text), up to DISTINCT_CAP. */
  distinct: Set<string>;
  /** Rows per distinct value (complete unless distinctOverflow). */
  counts?: Map<string, number>;
  distinctOverflow: boolean;
  /** Whether every non-null value was different (tracked for id-like names only; undefined when not tracked). */
  unique?: boolean;
}

export const DISTINCT_CAP = 1000;
/** A string column with at most this many values is categorical: its values are listed, and it may be a slice. */
export const FEW_VALUES = 20;

export type Role = "feature" | "label" | "id" | "slice" | "ignore";

export interface ColumnPlan {
  name: string;
  type: ColumnType;
  role: Role;
  nullable: boolean;
  min?: number;
  max?: number;
  /** The range a value is expected in: outside it, validate warns (min and max are errors). */
  expected?: { min?: number; max?: number };
  values?: (string | number | boolean)[];
  unique?: boolean;
  /** Why a guess was made, for a person to check. */
  review?: string;
}

const ID_NAME = /(^|[_\-. ])(id|uuid|guid|key)$|^id([_\-. ]|$)/i;
export const looksLikeId = (name: string) => ID_NAME.test(name);

export function columnType(s: ColumnStats): ColumnType {
  const seen = s.rows - s.nulls;
  if (seen === 0) return "string";
  if (s.booleans === seen) return "boolean";
  if (s.numbers > 0 && s.numbers + s.nans === seen)
    return s.integers === s.numbers && s.nans === 0 ? "integer" : "float";
  return "string";
}

const isNumeric = (t: ColumnType) => t === "integer" || t === "float";

/** Sorted values, as numbers for a numeric column. */
function sortedValues(s: ColumnStats, type: ColumnType): (string | number | boolean)[] {
  const vals = [...s.distinct];
  if (isNumeric(type))
    return vals
      .map(Number)
      .filter((v) => !Number.isNaN(v))
      .sort((a, b) => a - b);
  if (type === "boolean") return [false, true].filter((b) => vals.some((v) => v.toLowerCase() === String(b)));
  return vals.sort();
}

/** A label's column name guessed from common names, for when --label is not given. */
export function guessLabel(columns: string[]): string | undefined {
  const names = ["label", "target", "y", "class", "outcome"];
  return columns.find((c) => names.includes(c.toLowerCase()));
}

/**
 * Roles and checks of every column. `inputs` are the model's inputs fed by name (columns mode); in tensor mode the
 * features are the numeric columns left once the label, ids and slices are set aside.
 */
export function planColumns(
  stats: ColumnStats[],
  label: string,
  task: Task | undefined,
  inputsByName: Set<string>,
): ColumnPlan[] {
  return stats.map((s) => {
    const type = columnType(s);
    const numeric = isNumeric(type);
    const plan: ColumnPlan = { name: s.name, type, role: "feature", nullable: s.nulls > 0 || (numeric && s.nans > 0) };
    if (numeric) Object.assign(plan, numericBounds(s, type));
    const few = !s.distinctOverflow && s.distinct.size <= FEW_VALUES;
    if (s.name === label) {
      plan.role = "label";
      if (task && task !== "regression" && few) {
        plan.values = sortedValues(s, type);
        delete plan.min;
        delete plan.max;
        delete plan.expected;
      }
      return plan;
    }
    if (type === "string" && few && s.distinct.size > 0) plan.values = sortedValues(s, type);
    if (inputsByName.has(s.name)) return plan;
    if (looksLikeId(s.name) && s.unique && s.nulls === 0 && (type === "integer" || type === "string")) {
      plan.role = "id";
      plan.unique = true;
      delete plan.min;
      delete plan.max;
      delete plan.expected;
      plan.review = "guessed an id (name and unique values): not a feature";
      return plan;
    }
    if (inputsByName.size > 0) {
      // columns mode: a column no input takes is a slice when categorical, else left out of the model
      if (type === "string" && few && s.distinct.size >= 2) {
        plan.role = "slice";
        plan.review = "guessed a slice (few values, not a model input): metrics are reported per value";
      } else {
        plan.role = "ignore";
        plan.review = "no model input of this name: not fed to the model";
      }
      return plan;
    }
    if (type === "string" || type === "boolean") {
      if (type === "string" && few && s.distinct.size >= 2) {
        plan.role = "slice";
        plan.review = "guessed a slice (few values, not numeric): metrics are reported per value";
      } else {
        plan.role = "ignore";
        plan.review = "not numeric, so not fed to the model's feature tensor";
      }
    }
    return plan;
  });
}

/**
 * What a numeric column is held to. Hard bounds only where the data's meaning implies them: a column with no negative
 * value (an amount, a count, a size) gets `min: 0`, and a 0/1 integer column (a flag) `min: 0, max: 1`. The file's
 * range is no such bound: a new batch of the same size and kind reaches past each of its extremes half the time. It
 * is written as `expected`, widened by the distance from the median to each extreme (at least a tenth of the range),
 * so that a value outside it is a warning that the data reaches further than before.
 */
export function numericBounds(s: ColumnStats, type: ColumnType): Pick<ColumnPlan, "min" | "max" | "expected"> {
  const { min, max } = s;
  if (min === undefined || max === undefined || !Number.isFinite(min) || !Number.isFinite(max)) return {};
  const nonNegative = min >= 0;
  const flag = type === "integer" && min === 0 && max === 1;
  if (flag) return { min: 0, max: 1 };
  const out: Pick<ColumnPlan, "min" | "max" | "expected"> = nonNegative ? { min: 0 } : {};
  const expected = expectedRange(min, max, s.median, type === "integer");
  if (expected && nonNegative && expected.min === 0) delete expected.min;
  if (expected) out.expected = expected;
  return out;
}

/**
 * The range a column's values are expected in, from a file's smallest, median and largest values: each extreme moved
 * out by its distance from the median (at least a tenth of the range), not below 0 for a column with no negative
 * value, rounded outward to two significant digits of its width. Undefined for a column of one value.
 */
export function expectedRange(
  min: number,
  max: number,
  median: number | undefined,
  integer: boolean,
): { min?: number; max?: number } | undefined {
  const width = max - min;
  if (!(width > 0) || !Number.isFinite(width)) return undefined;
  const mid = median === undefined ? (min + max) / 2 : Math.min(max, Math.max(min, median));
  let lo = min - Math.max(mid - min, width / 10);
  let hi = max + Math.max(max - mid, width / 10);
  if (min >= 0) lo = Math.max(lo, 0);
  let step = 10 ** (Math.floor(Math.log10(hi - lo)) - 1);
  if (integer) step = Math.max(step, 1);
  const clean = (v: number) => Number(v.toPrecision(12));
  lo = clean(Math.floor(lo / step) * step);
  hi = clean(Math.ceil(hi / step) * step);
  return { min: lo, max: hi };
}

export interface TaskGuess {
  task: Task;
  why: string;
}

const isFloat = (t: TensorSpec) => t.kind === "tensor" && (t.type === "float32" || t.type === "float64");
const width = (t: TensorSpec) => (t.shape.length === 2 && typeof t.shape[1] === "number" ? t.shape[1] : undefined);

/** The task from the model's outputs, with the label's values to break a tie (one float column: score or value?). */
export function guessTask(sig: OnnxSignature, label: ColumnStats | undefined): TaskGuess {
  const zipmap = sig.outputs.find((o) => o.kind === "sequence" || o.kind === "map");
  const labelOut = sig.outputs.find((o) => o.kind === "tensor" && (o.type === "int64" || o.type === "string"));
  const floats = sig.outputs.filter(isFloat);
  const classes = label && !label.distinctOverflow ? label.distinct.size : undefined;
  const byClasses = (what: string): TaskGuess =>
    classes !== undefined && classes > 2
      ? { task: "multiclass-classification", why: `${what}, and the label has ${classes} values` }
      : { task: "binary-classification", why: `${what}, and the label has ${classes ?? "many"} values` };
  if (zipmap) return byClasses(`output "${zipmap.name}" is a ZipMap of class probabilities`);
  const prob = floats.find((o) => /prob|score/i.test(o.name)) ?? (labelOut ? floats[0] : undefined);
  if (prob) {
    const k = width(prob);
    if (k !== undefined && k > 2)
      return { task: "multiclass-classification", why: `output "${prob.name}" has ${k} class probabilities` };
    if (k === 2) return { task: "binary-classification", why: `output "${prob.name}" has 2 class probabilities` };
    return byClasses(`output "${prob.name}" holds scores`);
  }
  if (labelOut) return byClasses(`output "${labelOut.name}" is a class label`);
  if (floats.length > 0 && (classes === undefined || classes > 2 || label?.integers !== label?.numbers))
    return { task: "regression", why: `the one output "${floats[0].name}" is a float value per row` };
  return byClasses(`the one output "${floats[0]?.name ?? "?"}" is a float per row`);
}

/** The outputs a manifest names: where the probabilities (or the value) and the predicted label are. */
export function outputRoles(sig: OnnxSignature, task: Task): { probability?: string; label?: string; value?: string } {
  const floats = sig.outputs.filter(isFloat);
  if (task === "regression") return { value: floats[0]?.name };
  const zipmap = sig.outputs.find((o) => o.kind === "sequence" || o.kind === "map");
  const labelOut = sig.outputs.find((o) => o.kind === "tensor" && (o.type === "int64" || o.type === "string"));
  const probability = zipmap?.name ?? floats.find((o) => /prob|score/i.test(o.name))?.name ?? floats[0]?.name;
  return { probability, ...(labelOut ? { label: labelOut.name } : {}) };
}

export interface InputPlan {
  mode: "tensor" | "columns";
  tensor?: string;
  features: string[];
  review?: string;
}

/**
 * How columns feed the model: by name when every input is named after a column (columns mode), else one 2-D float
 * tensor fed with the numeric feature columns in file order (tensor mode).
 */
export function planInputs(sig: OnnxSignature, columns: string[]): InputPlan {
  const names = sig.inputs.map((i) => i.name);
  const tensorInput = sig.inputs.length === 1 && isFloat(sig.inputs[0]) && sig.inputs[0].shape.length === 2;
  if (names.every((n) => columns.includes(n)) && !(tensorInput && width(sig.inputs[0]) !== 1)) {
    return { mode: "columns", features: names };
  }
  if (tensorInput) return { mode: "tensor", tensor: names[0], features: [] };
  const missing = names.filter((n) => !columns.includes(n));
  return {
    mode: "columns",
    features: names,
    review: `the model's inputs ${missing.map((n) => `"${n}"`).join(", ")} have no column of that name in the data`,
  };
}

/** Tensor mode: the features are the feature columns; their count must be the input's width. */
export function tensorReview(sig: OnnxSignature, plan: InputPlan, features: string[]): string | undefined {
  if (plan.mode !== "tensor") return undefined;
  const w = width(sig.inputs[0]);
  if (w === undefined || w <= 0 || w === features.length)
    return "the columns in the order the model was trained on (file order assumed)";
  return `the model's input "${plan.tensor}" takes ${w} features but ${features.length} numeric columns are listed; keep the ${w} it was trained on, in training order, and set the others' role to ignore`;
}

/** The positive class of a binary task: 1, true, yes, … else the larger value (as evaluate assumes). */
export function guessPositive(values: (string | number | boolean)[]): string | number | boolean | undefined {
  if (values.length === 0) return undefined;
  const named = values.find((v) => /^(1|true|yes|y|positive|pos)$/i.test(String(v)));
  return named ?? values[values.length - 1];
}

/** A DNS-1123 label (what metadata.name must be) made of any text: lowercase, [a-z0-9-], at most 63. */
export function slug(text: string, fallback: string): string {
  const s = text
    .toLowerCase()
    .replace(/[^a-z0-9-]+/g, "-")
    .replace(/-+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 63)
    .replace(/-+$/g, "");
  return s || fallback;
}
