import type { EvaluationWarning } from "../records/evaluation.ts";
import type { ClassSource } from "./classes.ts";

/**
 * Warnings about the evaluation itself, from its numbers: a binary model whose ROC AUC is below 0.5 ranks the classes
 * the wrong way round (swapped classes, most often), and one at 0.5 does not tell them apart (features in another
 * order than the model was trained on, a wrong class mapping, another label column). They go into the record, and
 * `evaluate` and the report say them. Pure.
 */

/** Without a bootstrap interval, a ROC AUC within this of 0.5 is called near chance, and one further below it below. */
export const NEAR_CHANCE = 0.05;

/** Which column of a model's output was read as the positive class's score, and why that one. */
export interface ScoreRead {
  output: string;
  column: number;
  /** The data label of each column, when the output has more than one. */
  of?: string[];
  /** The model's class of each column, where spec.label.labels maps labels to them. */
  classes?: string[];
  source?: ClassSource;
}

export interface ModelAuc {
  role: "candidate" | "baseline";
  auc: number | null | undefined;
  interval?: [number, number];
  read: ScoreRead;
}

export interface WarningContext {
  positive: string;
  /** The label column. */
  label: string;
  rows: number;
  features: string[];
}

const f4 = (x: number) => x.toFixed(4);
const q = (s: string) => JSON.stringify(s);

/** Where the score came from, in words: the column, and why it is taken as the positive class's probability. */
function readText(r: ScoreRead, positive: string): string {
  if (!r.of)
    return `the score is output ${q(r.output)} (one value per row), taken as the probability of ${q(positive)}`;
  const of = r.of;
  const mapped = r.classes?.some((c, j) => c !== of[j]);
  const pairs = () => of.map((l, j) => `${l}: ${r.classes![j]}`).join(", ");
  const why =
    r.source === "graph"
      ? `the model's graph names its columns' classes [${(r.classes ?? of).join(", ")}]${mapped ? ` and spec.label.labels maps them {${pairs()}}` : ""}`
      : r.source === "declared"
        ? `spec.label.classes lists [${of.join(", ")}] in the model's column order`
        : mapped
          ? `spec.label.labels maps the labels to the model's columns {${pairs()}}`
          : `the labels are the column numbers [${of.join(", ")}]`;
  return `the score is column ${r.column} of output ${q(r.output)}, taken as the probability of ${q(positive)} because ${why}`;
}

/** Warnings for the binary models whose ROC AUC is below 0.5 or not told apart from it. */
export function chanceWarnings(models: ModelAuc[], ctx: WarningContext): EvaluationWarning[] {
  const out: EvaluationWarning[] = [];
  for (const m of models) {
    if (typeof m.auc !== "number") continue;
    const iv = m.interval ? ` (95% interval [${f4(m.interval[0])}, ${f4(m.interval[1])}])` : "";
    const read = readText(m.read, ctx.positive);
    const labelColumn = `the label column (spec.label.column is ${q(ctx.label)})`;
    const featureOrder =
      ctx.features.length > 1
        ? "the features in another order than the model was trained on (spec.inputs.features must list them in training order; a tensor input has no column names to check them by)"
        : undefined;
    // below chance beyond doubt: the whole interval under 0.5 (without one, more than NEAR_CHANCE under it)
    const below = m.interval ? m.interval[1] < 0.5 : m.auc < 0.5 - NEAR_CHANCE;
    if (below) {
      out.push({
        code: "roc_auc_below_chance",
        role: m.role,
        message: `${m.role}: roc_auc ${f4(m.auc)}${iv} is below 0.5: the model scores ${q(ctx.positive)} rows lower than the others, the wrong way round. Are the classes swapped? ${capital(read)}; check spec.label.classes, spec.label.labels and spec.label.positive against the classes the model was trained on. Other causes: ${[labelColumn, featureOrder].filter(Boolean).join("; ")}.`,
      });
      continue;
    }
    // at chance: the interval holds 0.5 (without one, within NEAR_CHANCE of it); any AUC below 0.5 is one of these
    const near = m.auc < 0.5 || (m.interval ? m.interval[0] <= 0.5 : m.auc < 0.5 + NEAR_CHANCE);
    if (!near) continue;
    const causes = [featureOrder, `the class mapping (${read})`, labelColumn].filter(Boolean);
    out.push({
      code: "roc_auc_near_chance",
      role: m.role,
      message: `${m.role}: roc_auc ${f4(m.auc)}${iv} is ${m.interval ? "not told apart from" : "near"} chance (0.5) on these ${ctx.rows.toLocaleString("en-US")} rows: the scores hardly tell ${q(ctx.positive)} from the other class. Likely causes: ${causes.join("; ")}.`,
    });
  }
  return out;
}

const capital = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
