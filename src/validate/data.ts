import type { Problem, ScanOptions, ScanResult } from "../data/scan.ts";
import { scanDataset } from "../data/scan.ts";
import { didYouMean } from "../manifest/findings.ts";
import { at, type Loaded, type Repository, repoRelative } from "../manifest/loaded.ts";
import type { Dataset, Model } from "../manifest/schema.ts";
import type { Report } from "./reporter.ts";

/** A finding repeated for many columns of one file is shown this many times, then summed up ("and 49,990 more"). */
export const MAX_REPEATED = 10;

/**
 * Reads a dataset's file once (scanDataset) and checks it against the Dataset's columns: presence, types, nulls,
 * ranges, allowed values, uniqueness, row counts. Returns the scan for the checks that follow (labels, leakage); only
 * the `distinct` columns' values are kept (the labels checkLabel reads; default: every column's).
 */
export async function checkData(
  repo: Repository,
  d: Loaded<Dataset>,
  file: string,
  error: Report,
  warn: Report,
  read: { display?: string } & Pick<ScanOptions, "hashColumns" | "verify" | "counters" | "distinct"> = {},
): Promise<ScanResult | undefined> {
  const spec = d.value.spec;
  const { display, ...scanOptions } = read;
  const name = display ?? repoRelative(repo.root, file);
  let scan: ScanResult;
  try {
    scan = await scanDataset(file, d.value, { displayName: name, ...scanOptions });
  } catch (err) {
    error(at(d, ["spec", "path"]), "data", (err as Error).message);
    return undefined;
  }
  const header = new Set(scan.header);
  for (const [i, c] of spec.columns.entries()) {
    const pos = at(d, ["spec", "columns", i]);
    if (!header.has(c.name)) {
      const near = didYouMean(c.name, header);
      error(
        pos,
        "data",
        `${name} has no column "${c.name}"${near ? `; did you mean "${near}"?` : `; it has: ${scan.header.join(", ")}`}`,
        c.name,
      );
      continue;
    }
    const s = scan.stats.get(c.name)!;
    const ex = (p: Problem) =>
      `${p.count} row${p.count === 1 ? "" : "s"} (first: row ${p.firstRow}${p.firstLine ? `, line ${p.firstLine}` : ""}; e.g. ${p.examples.map((e) => JSON.stringify(e)).join(", ")})`;
    if (s.typeErrors) error(pos, "data", `${name}: ${ex(s.typeErrors)} not of type ${c.type}`, c.name);
    if (s.nulls > 0 && !c.nullable)
      error(
        pos,
        "data",
        `${name}: ${s.nulls} null value${s.nulls === 1 ? "" : "s"} in a column declared nullable: false`,
        c.name,
      );
    const frac = scan.rows ? s.nulls / scan.rows : 0;
    if (c.maxNullFraction !== undefined && frac > c.maxNullFraction) {
      error(
        pos,
        "data",
        `${name}: null fraction ${frac.toFixed(4)} exceeds maxNullFraction ${c.maxNullFraction}`,
        c.name,
      );
    }
    if (s.belowMin) error(pos, "data", `${name}: ${ex(s.belowMin)} below min ${c.min}`, c.name);
    if (s.aboveMax) error(pos, "data", `${name}: ${ex(s.aboveMax)} above max ${c.max}`, c.name);
    // the expected range (init writes the data's range with headroom): beyond it is a warning, not an error
    const widen = "the data reaches further than before: check them, and widen expected if they are valid";
    if (s.belowExpected)
      warn(pos, "data", `${name}: ${ex(s.belowExpected)} below ${c.expected?.min}, expected.min; ${widen}`, c.name);
    if (s.aboveExpected)
      warn(pos, "data", `${name}: ${ex(s.aboveExpected)} above ${c.expected?.max}, expected.max; ${widen}`, c.name);
    if (s.notAllowed)
      error(pos, "data", `${name}: ${ex(s.notAllowed)} not among the allowed values [${c.values?.join(", ")}]`, c.name);
    if (s.duplicates) error(pos, "data", `${name}: ${ex(s.duplicates)} duplicate values in a unique column`, c.name);
  }
  const declared = new Set(spec.columns.map((c) => c.name));
  const undeclared = scan.header.filter((col) => !declared.has(col));
  for (const col of undeclared.slice(0, MAX_REPEATED)) {
    warn(at(d, ["spec", "columns"]), "data", `${name} has a column "${col}" that the manifest does not declare`, col);
  }
  if (undeclared.length > MAX_REPEATED) {
    const more = undeclared.length - MAX_REPEATED;
    warn(
      at(d, ["spec", "columns"]),
      "data",
      `${name} has ${undeclared.length.toLocaleString("en-US")} columns that the manifest does not declare (the first ${MAX_REPEATED} above), and ${more.toLocaleString("en-US")} more: ${undeclared
        .slice(MAX_REPEATED, MAX_REPEATED + 5)
        .map((c) => `"${c}"`)
        .join(", ")}${more > 5 ? ", …" : ""}; declare the ones the models use`,
    );
  }
  if (scan.uniqueByDuplicates) {
    error(
      at(d, ["spec", "checks", "uniqueBy"]),
      "data",
      `${name}: ${scan.uniqueByDuplicates.count} duplicate rows over [${spec.checks?.uniqueBy?.join(", ")}] (first: row ${scan.uniqueByDuplicates.firstRow}${scan.uniqueByDuplicates.firstLine ? `, line ${scan.uniqueByDuplicates.firstLine}` : ""})`,
    );
  }
  if (spec.rows !== undefined && spec.rows !== scan.rows) {
    error(
      at(d, ["spec", "rows"]),
      "data",
      `${name} has ${scan.rows} rows, not the ${spec.rows} the manifest records; run \`modelgate lock\` if the change is intended`,
    );
  }
  if (spec.checks?.minRows !== undefined && scan.rows < spec.checks.minRows) {
    error(
      at(d, ["spec", "checks", "minRows"]),
      "data",
      `${name} has ${scan.rows} rows, fewer than minRows ${spec.checks.minRows}`,
    );
  }
  if (spec.checks?.maxRows !== undefined && scan.rows > spec.checks.maxRows) {
    error(
      at(d, ["spec", "checks", "maxRows"]),
      "data",
      `${name} has ${scan.rows} rows, more than maxRows ${spec.checks.maxRows}`,
    );
  }
  return scan;
}

/** Whether a model's label column, as scanned in an evaluation dataset, fits its task and its declared classes. */
export function checkLabel(m: Loaded<Model>, d: Loaded<Dataset>, scan: ScanResult, error: Report): void {
  const spec = m.value.spec;
  const s = scan.stats.get(spec.label.column);
  if (!s || !scan.header.includes(spec.label.column)) return;
  const pos = at(m, ["spec", "label", "column"]);
  const seen = [...s.distinct].sort();
  if (spec.task === "binary-classification" && (s.distinctOverflow || seen.length > 2)) {
    error(
      pos,
      "data",
      `binary-classification needs at most 2 label values, but "${spec.label.column}" in ${d.file} has ${s.distinctOverflow ? "more than 1000" : seen.length} (${seen.slice(0, 5).join(", ")}…)`,
      spec.label.column,
    );
  }
  if (spec.task === "multiclass-classification" && s.distinctOverflow) {
    error(
      pos,
      "data",
      `"${spec.label.column}" in ${d.file} has more than 1000 distinct values; is the task regression?`,
      spec.label.column,
    );
  }
  if (spec.label.classes && spec.task !== "regression") {
    const classes = new Set(spec.label.classes.map(String));
    const outside = seen.filter((v) => !classes.has(v));
    if (outside.length) {
      error(
        at(m, ["spec", "label", "classes"]),
        "data",
        `label values ${outside
          .slice(0, 5)
          .map((v) => JSON.stringify(v))
          .join(", ")} in ${d.file} are not among the declared classes [${spec.label.classes.join(", ")}]`,
        spec.label.column,
      );
    }
  }
  if (
    spec.task === "binary-classification" &&
    spec.label.positive !== undefined &&
    spec.label.classes &&
    !spec.label.classes.map(String).includes(String(spec.label.positive))
  ) {
    error(
      at(m, ["spec", "label", "positive"]),
      "reference",
      `positive class ${JSON.stringify(spec.label.positive)} is not among the classes [${spec.label.classes.join(", ")}]`,
    );
  }
}
