import { columnClasses, declaredPositive, labelKey, listed } from "../evaluate/classes.ts";
import { CheckFailed, UserError } from "../errors.ts";
import type { GraphFacts, OnnxSignature } from "../onnx/signature.ts";
import { guessPositive } from "./infer.ts";

/**
 * How `modelgate init` maps a label column's values to a classifier's probability columns, never by a guess that
 * evaluate would then take as fact: the classes the model's graph names (classlabels_*, ZipMap keys) or its column
 * numbers when they are the data's labels; else, on a terminal, the person's answers; else a `# TODO:` naming the
 * field to set (spec.label.labels, spec.label.classes or spec.label.positive), which evaluate refuses until it is set.
 * Evaluate's own rule (src/evaluate/classes.ts) decides what is known, so that init and evaluate agree.
 */

type Value = string | number | boolean;
type Ask = (question: string, fallback?: string) => Promise<string>;

/** The probability columns of a classifier's output: how many (when the graph says), and the classes it names. */
export function probabilityColumns(
  sig: OnnxSignature,
  graph: GraphFacts,
  output: string | undefined,
): { width?: number; classes?: string[] } {
  const spec = sig.outputs.find((o) => o.name === output);
  if (!spec) return { classes: graph.classLabels };
  if (spec.kind !== "tensor") {
    const classes = graph.zipMaps.find((z) => z.output === spec.name)?.classLabels ?? graph.classLabels;
    return { width: classes?.length, classes };
  }
  const [, w] = spec.shape;
  const width = spec.shape.length === 1 ? 1 : typeof w === "number" && w > 0 ? w : graph.classLabels?.length;
  return { width, classes: graph.classLabels };
}

export interface LabelMapping {
  /** spec.label.classes: the data's labels in the order of the model's probability columns (or its values). */
  classes?: Value[];
  /** Where `classes` came from, for the comment on its line. */
  classesNote?: string;
  /** spec.label.labels: data label → the model's class, as the person answered. */
  labels?: Record<string, Value>;
  positive?: Value;
  /** The comment on the positive line ("review: …" for a guess a person should check). */
  positiveNote?: string;
  /** When the mapping cannot be told: a `TODO:` comment, and an example of the field to set (written commented). */
  todo?: { text: string; field: "labels" | "classes" | "positive"; example: unknown };
  /** For init's output: how the labels were mapped, or what is left to say. */
  note?: string;
}

export interface LabelFacts {
  task: "binary-classification" | "multiclass-classification";
  column: string;
  /** The label's values, sorted (undefined when there are too many to list). */
  values: Value[] | undefined;
  /** Rows per label (its key). */
  counts: Map<string, number>;
  columns: { width?: number; classes?: string[] };
  /** The model and data files, for messages. */
  model: string;
  data: string;
  /** Set on a terminal: what cannot be told is asked. */
  ask?: Ask;
}

/** A model's class as YAML would write it: a whole number bare, else the text. */
const classValue = (c: string): Value => (/^-?\d+$/.test(c) ? Number(c) : c);

/** The label's mapping to the model's columns, and a sentence about it; asks on a terminal what cannot be told. */
export async function mapLabels(f: LabelFacts): Promise<LabelMapping> {
  if (!f.values) return {};
  const keys = f.values.map(labelKey);
  const byKey = new Map(keys.map((k, i) => [k, f.values![i]]));
  const typed = (k: string) => byKey.get(k) ?? k;
  const spec = { column: f.column };
  if (f.task === "binary-classification" && f.columns.width === 1) return oneScore(f, keys, typed);
  const width = f.columns.width ?? keys.length;
  try {
    const r = columnClasses(f.model, width, f.columns.classes, spec, f.counts, f.data);
    const classes = r.labels.map(typed);
    const renamed = r.labels.filter((l, j) => l !== r.classes[j]);
    const whose =
      r.source === "graph"
        ? "the model's classes (named in its graph)"
        : `the model's probability columns 0 to ${width - 1} (its graph names no classes)`;
    const pairs = r.labels.map((l, j) => `${JSON.stringify(l)} is the model's class ${r.classes[j]}`).join(", ");
    const note = renamed.length
      ? `label "${f.column}": ${pairs} (${r.source === "graph" ? "named in its graph" : "its column numbers"})`
      : `label "${f.column}": ${listed(r.labels)} are ${whose}`;
    return { classes, classesNote: `${whose}, in column order`, ...positiveOf(f, classes), note };
  } catch (err) {
    if (err instanceof CheckFailed) return { note: err.message };
    if (!(err instanceof UserError)) throw err;
  }
  return f.columns.classes ? nameClasses(f, keys, typed, f.columns.classes) : orderColumns(f, keys, typed, width);
}

/** A two-column binary model: the positive class, the larger one (1, true, yes, …) as evaluate takes it; a guess. */
function positiveOf(f: LabelFacts, classes: Value[]): Pick<LabelMapping, "positive" | "positiveNote"> {
  if (f.task !== "binary-classification") return {};
  return { positive: guessPositive(classes), positiveNote: "review: the class whose probability the model scores" };
}

/** A binary model with one score per row: whose probability it is, unless the labels are 0/1 or false/true. */
async function oneScore(f: LabelFacts, keys: string[], typed: (k: string) => Value): Promise<LabelMapping> {
  const classes = keys.map(typed);
  try {
    const p = declaredPositive({ column: f.column }, keys, true)!;
    return {
      classes,
      classesNote: "the label's values",
      positive: typed(p),
      positiveNote: "the model's one score is the probability of this class",
      note: `label "${f.column}": the model's one score per row is the probability of ${listed([p])}`,
    };
  } catch (err) {
    if (!(err instanceof UserError)) throw err;
  }
  if (f.ask) {
    const answer = await f.ask(
      `the model gives one score per row: the probability of which label of "${f.column}" (${keys.join(", ")})?`,
    );
    if (!keys.includes(labelKey(answer)))
      throw new UserError(`"${answer}" is not a label of "${f.column}" (${listed(keys)})`);
    return {
      classes,
      classesNote: "the label's values",
      positive: typed(labelKey(answer)),
      positiveNote: "the model's one score is the probability of this class (as you answered)",
      note: `label "${f.column}": the model's one score per row is the probability of ${listed([labelKey(answer)])} (spec.label.positive, as you answered)`,
    };
  }
  return {
    classes,
    classesNote: "the label's values",
    todo: {
      text: `the label whose probability the model's one score is (${keys.join(", ")}): it cannot be told, e.g.`,
      field: "positive",
      example: classes[classes.length - 1],
    },
    note: `label "${f.column}" has ${listed(keys)} and the model gives one score per row: whose probability it is cannot be told; set spec.label.positive (marked TODO), or run init on a terminal to be asked`,
  };
}

/** The graph names classes, the data other labels: each label's class, asked, else a TODO for spec.label.labels. */
async function nameClasses(
  f: LabelFacts,
  keys: string[],
  typed: (k: string) => Value,
  classes: string[],
): Promise<LabelMapping> {
  const whose = `the model's classes [${classes.join(", ")}] (named in its graph)`;
  if (!f.ask) {
    const example = Object.fromEntries(keys.map((k, j) => [k, classValue(classes[j] ?? classes[0])]));
    return {
      todo: { text: `which of ${whose} each label is; they cannot be told apart, e.g.`, field: "labels", example },
      note: `label "${f.column}" has ${listed(keys)}, and ${whose} are other names: which is which cannot be told; say it in spec.label.labels (marked TODO), or run init on a terminal to be asked`,
    };
  }
  const labels: Record<string, Value> = {};
  for (const [j, k] of keys.entries()) {
    const answer = (await f.ask(`label "${k}" of "${f.column}" is which of ${whose}?`, classes[j])).trim();
    if (!classes.includes(answer)) throw new UserError(`"${answer}" is not one of ${whose}`);
    labels[k] = classValue(answer);
  }
  const r = columnClasses(f.model, classes.length, classes, { column: f.column, labels }, f.counts, f.data);
  const ordered = r.labels.map(typed);
  return {
    classes: ordered,
    classesNote: `mapped to ${whose} by spec.label.labels, in column order`,
    labels,
    ...positiveOf(f, ordered),
    note: `label "${f.column}": ${keys.map((k) => `${JSON.stringify(k)} is the model's class ${labels[k]}`).join(", ")} (spec.label.labels, as you answered)`,
  };
}

/** No classes in the graph, labels other than 0…k-1: the label of each column, asked, else a TODO for classes. */
async function orderColumns(
  f: LabelFacts,
  keys: string[],
  typed: (k: string) => Value,
  width: number,
): Promise<LabelMapping> {
  const whose = `the model's ${width} probability columns (its graph names no classes)`;
  if (!f.ask) {
    return {
      todo: {
        text: `the labels in the order of ${whose}; it cannot be told, e.g.`,
        field: "classes",
        example: f.values,
      },
      note: `label "${f.column}" has ${listed(keys)}, not the column numbers 0 to ${width - 1}: which column is which label cannot be told; list them in spec.label.classes in the model's column order (marked TODO), or run init on a terminal to be asked`,
    };
  }
  const order: string[] = [];
  for (let j = 0; j < width; j++) {
    const answer = labelKey(
      (await f.ask(`column ${j} of ${whose} is the probability of which label (${keys.join(", ")})?`, keys[j])).trim(),
    );
    if (!keys.includes(answer) || order.includes(answer))
      throw new UserError(`"${answer}" is not a label of "${f.column}" left to place (${listed(keys)})`);
    order.push(answer);
  }
  const classes = order.map(typed);
  return {
    classes,
    classesNote: `${whose}, in column order, as you answered`,
    ...positiveOf(f, classes),
    note: `label "${f.column}": ${order.map((l, j) => `column ${j} is ${JSON.stringify(l)}`).join(", ")} (spec.label.classes, as you answered)`,
  };
}
