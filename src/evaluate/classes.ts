import { CheckFailed, UserError } from "../errors.ts";
import { keyOf, type Label } from "./prepare.ts";

/**
 * Which data label each probability column of a classifier stands for. Never guessed: the columns' classes come from
 * the model's graph (a *Classifier node's `classlabels_*` or a ZipMap's keys), else from `spec.label.classes` (the
 * labels in column order), else they are the column numbers 0, 1, …, which data labels match only when they are those
 * integers. `spec.label.labels` maps data labels to the model's classes when the two name them differently ("yes" and
 * "no" in the data, 1 and 0 in the model). Anything else fails, naming the manifest field to set.
 */

/** The Model manifest's words about the label (`spec.label`). */
export interface LabelSpec {
  column: string;
  classes?: Label[];
  positive?: Label;
  /** Data label → the model's class (`spec.label.labels`). */
  labels?: Record<string, Label>;
}

/** Where a model's column classes came from. */
export type ClassSource = "graph" | "declared" | "index";

export interface ColumnClasses {
  /** The data label of each column, in column order. */
  labels: string[];
  /** The model's class of each column (the data label too unless spec.label.labels maps it). */
  classes: string[];
  source: ClassSource;
}

/** Sorts label or slice keys: numerically when all are numbers, else as strings. */
export function sortKeys(keys: string[]): string[] {
  const numeric = keys.every((k) => k !== "" && Number.isFinite(Number(k)));
  return [...keys].sort(numeric ? (a, b) => Number(a) - Number(b) : (a, b) => (a < b ? -1 : a > b ? 1 : 0));
}

/** A label as a key: numbers in one spelling. */
export const labelKey = (v: Label | string): string => keyOf(v) ?? String(v);

/** Up to six values for a message, quoted unless they are numbers. */
export function listed(values: string[], max = 6): string {
  const shown = values.slice(0, max).map((v) => (v !== "" && Number.isFinite(Number(v)) ? v : JSON.stringify(v)));
  return `${shown.join(", ")}${values.length > max ? `, … (${values.length} in all)` : ""}`;
}

/** Labels with their row counts, for a message. */
function counted(labels: string[], counts: Map<string, number>): string {
  return labels
    .slice(0, 5)
    .map((k) => `"${k}" (${counts.get(k) ?? 0} rows)`)
    .join(", ");
}

/** A label as YAML would take it back as the same key: plain words and numbers bare, anything else quoted. */
const yamlKey = (l: string) =>
  /^[A-Za-z_][\w-]*$/.test(l) || (l !== "" && Number.isFinite(Number(l))) ? l : JSON.stringify(l);

/** The mapping data label → model class, checked: each class mapped from one label. */
function mapping(spec: LabelSpec): Map<string, string> {
  const out = new Map<string, string>();
  const from = new Map<string, string>();
  for (const [label, cls] of Object.entries(spec.labels ?? {})) {
    const l = labelKey(label);
    const c = labelKey(cls);
    const other = from.get(c);
    if (other !== undefined && other !== l) {
      throw new UserError(
        `spec.label.labels maps both ${JSON.stringify(other)} and ${JSON.stringify(l)} to the model's class ${JSON.stringify(c)}; map each class from one label`,
      );
    }
    from.set(c, l);
    out.set(l, c);
  }
  return out;
}

/** A data label that is a model class under another spelling: true and false for the classes 1 and 0. */
function boolSpelling(label: string, cls: string): boolean {
  const l = label.toLowerCase();
  return (l === "true" && cls === "1") || (l === "false" && cls === "0");
}

/**
 * The data label of each of a model's `width` probability columns. `graph`: the classes its graph names, in column
 * order; `counts`: rows per data label. A UserError names the manifest field to set when the columns' classes cannot
 * be told (or the manifest contradicts the model); a CheckFailed names the rows whose label the model does not know.
 */
export function columnClasses(
  source: string,
  width: number,
  graph: string[] | undefined,
  spec: LabelSpec,
  counts: Map<string, number>,
  /** The data file, for messages about its rows. */
  data: string,
): ColumnClasses {
  const map = mapping(spec);
  const declared = spec.classes?.map(labelKey);
  const from: ClassSource = graph ? "graph" : declared ? "declared" : "index";
  const classes = graph ?? declared ?? Array.from({ length: width }, (_, j) => String(j));
  const whose =
    from === "graph"
      ? "the model's classes (named in its graph)"
      : from === "declared"
        ? "spec.label.classes"
        : `the model's columns 0 to ${width - 1} (its graph names no classes)`;
  if (classes.length !== width) {
    throw new CheckFailed(
      `${source}: ${width} probability column${width === 1 ? "" : "s"} for ${classes.length} classes [${listed(classes)}] (${whose}); declare spec.label.classes with one label per column, in the model's column order`,
    );
  }
  const byClass = new Map([...map].map(([l, c]) => [c, l]));
  for (const [l, c] of map) {
    if (!classes.includes(c)) {
      throw new UserError(
        `spec.label.labels maps ${JSON.stringify(l)} to ${JSON.stringify(c)}, which is not one of ${whose}: [${listed(classes)}]`,
      );
    }
  }
  const labels = classes.map((c) => byClass.get(c) ?? c);
  const observed = sortKeys([...counts.keys()]);
  const wanted = [...new Set([...observed, ...(from === "graph" && declared ? declared : [])])];
  for (const w of wanted) {
    if (labels.includes(w) || map.has(w)) continue;
    const j = classes.findIndex((c, i) => !byClass.has(c) && labels[i] === c && boolSpelling(w, c));
    if (j >= 0) labels[j] = w;
  }
  const unknown = wanted.filter((w) => !labels.includes(w));
  if (unknown.length === 0) return { labels, classes, source: from };
  const column = `${data}: label "${spec.column}"`;
  if (from === "declared") {
    // the caller checks the rows against spec.label.classes first; this is for a caller that did not
    throw new CheckFailed(
      `${column} has values outside the classes [${classes.join(", ")}]: ${counted(unknown, counts)}; fix the data or spec.label.classes`,
    );
  }
  const known = observed.filter((w) => labels.includes(w));
  if (known.length > 0 && unknown.every((w) => counts.has(w))) {
    // some rows carry the model's classes: the others are bad rows, not another naming
    throw new CheckFailed(
      `${column} has values outside ${whose}: [${listed(classes)}]: ${counted(unknown, counts)}; fix the data, or map them in spec.label.labels`,
    );
  }
  if (from === "index") {
    const eg = wanted.slice(0, width);
    throw new UserError(
      `${source}: the model's graph names no classes for its ${width} probability column${width === 1 ? "" : "s"}, and label "${spec.column}" in ${data} has ${listed(observed)}, not the column numbers 0 to ${width - 1}: which column is which cannot be told. Set spec.label.classes to the labels in the order of the model's columns (e.g. classes: [${eg.join(", ")}] if column 0 is the probability of ${JSON.stringify(eg[0])}), or spec.label.labels to each label's column (e.g. labels: {${eg.map((l, j) => `${yamlKey(l)}: ${j}`).join(", ")}})`,
    );
  }
  const eg = wanted.slice(0, classes.length);
  throw new UserError(
    `${source}: the model's classes are [${listed(classes)}] (named in its graph), and ${listed(unknown)} ${unknown.length === 1 ? "is" : "are"} not among them. If they are the same classes under other names, say which is which in spec.label.labels (label: the model's class), e.g. labels: {${eg
      .map((l, j) => `${yamlKey(l)}: ${yamlKey(classes[j])}`)
      .join(", ")}} if ${JSON.stringify(eg[0])} is the model's class ${listed([classes[0]])}`,
  );
}

/** The labels whose score a one-column model gives without saying: 1 of 0/1, true of false/true. */
function conventionalPositive(classes: string[]): string | undefined {
  const set = new Set(classes.map((c) => c.toLowerCase()));
  if ([...set].every((c) => c === "0" || c === "1")) return classes.find((c) => c === "1") ?? "1";
  if ([...set].every((c) => c === "false" || c === "true")) return classes.find((c) => c.toLowerCase() === "true");
  return undefined;
}

/**
 * The positive class of a binary task as the manifest says it (spec.label.positive). Undefined for a model with two
 * probability columns (the caller takes the larger class); a model that gives one score per row does not say whose
 * probability it is, so the larger class is taken only for 0/1 and false/true labels, and otherwise it is asked for.
 */
export function declaredPositive(spec: LabelSpec, classes: string[], oneColumn: boolean): string | undefined {
  if (spec.positive !== undefined) return labelKey(spec.positive);
  if (!oneColumn) return undefined;
  const p = conventionalPositive(classes);
  if (p !== undefined) return p;
  throw new UserError(
    `the model gives one score per row, the probability of one class, and label "${spec.column}" has ${listed(classes)}: which class the score is for cannot be told. Set spec.label.positive to that class`,
  );
}
