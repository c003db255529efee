import { didYouMean } from "../manifest/findings.ts";
import { at, type Loaded, type Repository } from "../manifest/loaded.ts";
import type { Dataset, Model } from "../manifest/schema.ts";
import { knownMetrics } from "./metric-names.ts";
import type { Report } from "./reporter.ts";

/**
 * What a Model manifest names, checked against the other manifests alone (no file is read): the datasets it trains
 * and evaluates on, the columns it needs in them, and its gates.
 */

/**
 * The datasets a model names must exist (a dataset whose own manifest is invalid is not reported again as
 * missing). Returns the names that exist: their data is checked too.
 */
export function checkDatasetReferences(
  repo: Repository,
  m: Loaded<Model>,
  datasetByName: Map<string, Loaded<Dataset>>,
  error: Report,
): string[] {
  const spec = m.value.spec;
  const refs = [
    ...(spec.training?.datasets ?? []).map((n, i) => ({ n, path: ["spec", "training", "datasets", i] })),
    ...spec.evaluation.datasets.map((n, i) => ({ n, path: ["spec", "evaluation", "datasets", i] })),
  ];
  const found: string[] = [];
  for (const { n, path } of refs) {
    if (datasetByName.has(n)) found.push(n);
    else if (repo.invalid.some((x) => x.kind === "Dataset" && x.name === n)) {
      // its manifest is invalid, and its own errors say what is wrong, where: said once, not again as "missing"
    } else {
      const near = didYouMean(n, datasetByName.keys());
      error(
        at(m, path),
        "reference",
        `dataset "${n}" does not exist${near ? `; did you mean "${near}"?` : `; add ${repo.config.spec.paths.data}/${n}.yaml`}`,
      );
    }
  }
  return found;
}

/** The features, label and slice columns a model needs, declared in each of its evaluation datasets. */
export function checkModelColumns(m: Loaded<Model>, datasetByName: Map<string, Loaded<Dataset>>, error: Report): void {
  const spec = m.value.spec;
  for (const n of spec.evaluation.datasets) {
    const d = datasetByName.get(n);
    if (!d) continue;
    const cols = new Set(d.value.spec.columns.map((c) => c.name));
    const need: { name: string; path: (string | number)[] }[] = [
      ...spec.inputs.features.map((f, i) => ({ name: f, path: ["spec", "inputs", "features", i] })),
      { name: spec.label.column, path: ["spec", "label", "column"] },
      ...spec.evaluation.slices.map((s, i) => ({
        name: s.column,
        path: ["spec", "evaluation", "slices", i, "column"],
      })),
    ];
    for (const { name, path } of need) {
      if (!cols.has(name)) {
        const near = didYouMean(name, cols);
        error(
          at(m, path),
          "reference",
          `column "${name}" is not declared in dataset "${n}" (${d.file})${near ? `; did you mean "${near}"?` : ""}`,
        );
      }
    }
    const label = d.value.spec.columns.find((c) => c.name === spec.label.column);
    if (label && spec.task === "regression" && label.type !== "float" && label.type !== "integer") {
      error(
        at(m, ["spec", "task"]),
        "reference",
        `a regression label must be numeric, but "${label.name}" is ${label.type} in ${d.file}`,
      );
    }
  }
}

/** Each gate names a metric of the model's task and has a bound; a sliceGap has its slice. */
export function checkGates(m: Loaded<Model>, error: Report): void {
  const spec = m.value.spec;
  for (const [i, g] of spec.gates.entries()) {
    if ("metric" in g) {
      const known = knownMetrics(spec.task);
      if (!known.includes(g.metric)) {
        const near = didYouMean(g.metric, known);
        error(
          at(m, ["spec", "gates", i, "metric"]),
          "reference",
          `"${g.metric}" is not a ${spec.task} metric${near ? `; did you mean "${near}"?` : `; known: ${known.join(", ")}`}`,
        );
      }
      if (g.min === undefined && g.max === undefined && g.maxDrop === undefined && g.maxRise === undefined) {
        error(
          at(m, ["spec", "gates", i]),
          "reference",
          `gate on "${g.metric}" has no bound; add min, max, maxDrop or maxRise`,
        );
      }
    } else if (!spec.evaluation.slices.some((s) => s.column === g.over)) {
      error(
        at(m, ["spec", "gates", i, "over"]),
        "reference",
        `sliceGap over "${g.over}" needs a slice on that column in spec.evaluation.slices`,
      );
    }
  }
}
