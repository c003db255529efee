import { posix } from "node:path";
import type { ScanResult } from "../data/scan.ts";
import { columnClasses, declaredPositive, labelKey, sortKeys } from "../evaluate/classes.ts";
import type { IoPlan } from "../evaluate/model-io.ts";
import { CheckFailed, UserError } from "../errors.ts";
import { at, type Loaded } from "../manifest/loaded.ts";
import type { Dataset, Model } from "../manifest/schema.ts";
import type { Report } from "./reporter.ts";

/**
 * Whether evaluate will know which probability column is which label, judged before any scoring by evaluate's own
 * rule (src/evaluate/classes.ts) on the labels the scan saw: the classes the model's graph names, spec.label.classes,
 * spec.label.labels, or the column numbers; for a model with one score per row, whose probability it is. What
 * evaluate would refuse is an error at spec.label, with evaluate's words (naming the field to set).
 */
export function checkLabelMapping(
  m: Loaded<Model>,
  d: Loaded<Dataset>,
  scan: ScanResult,
  io: Pick<IoPlan, "width" | "classLabels">,
  error: Report,
): void {
  const spec = m.value.spec;
  if (spec.task === "regression") return;
  const s = scan.stats.get(spec.label.column);
  if (!s || s.distinctOverflow || s.counts.size === 0) return;
  const label = spec.label;
  // labels outside spec.label.classes, or more than two for a binary task, are checkLabel's finding already
  const declared = label.classes?.map(labelKey);
  if (declared && [...s.counts.keys()].some((k) => !declared.includes(k))) return;
  if (spec.task === "binary-classification" && s.counts.size > 2) return;
  const data = posix.join(posix.dirname(d.file), d.value.spec.path);
  try {
    if (io.width > 1 || spec.task === "multiclass-classification") {
      columnClasses(spec.artifact.path, io.width, io.classLabels, label, s.counts, data);
    } else {
      const classes = declared ?? sortKeys([...s.counts.keys()]);
      declaredPositive(label, classes, true);
    }
  } catch (err) {
    if (!(err instanceof UserError || err instanceof CheckFailed)) throw err;
    error(at(m, ["spec", "label"]), "classes", err.message, label.column);
  }
}
