/**
 * ROC and precision-recall curves as Mermaid `xychart-beta` charts, which GitHub renders from the comment text
 * itself: no image is uploaded anywhere. A line series in xychart-beta spreads its values evenly over the x axis,
 * so each curve is resampled onto a fixed grid first. Only numbers and fixed labels go into a chart.
 */

const GRID = 11;
const grid = () => Array.from({ length: GRID }, (_, i) => i / (GRID - 1));
const r3 = (x: number) => Math.round(Math.min(1, Math.max(0, x)) * 1000) / 1000;

/** y at each grid x by linear interpolation of the (x, y) points (x ascending; ties keep the highest y). */
export function resampleRoc(points: readonly (readonly [number, number])[]): number[] {
  const pts = [...points]
    .filter(([x, y]) => Number.isFinite(x) && Number.isFinite(y))
    .sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  if (pts.length === 0) return [];
  if (pts[0][0] > 0) pts.unshift([0, 0]);
  if (pts[pts.length - 1][0] < 1) pts.push([1, 1]);
  return grid().map((x) => {
    let i = 0;
    while (i < pts.length - 1 && pts[i + 1][0] < x) i++;
    // highest y among points exactly at x, else interpolate between neighbours
    const at = pts.filter((p) => p[0] === x);
    if (at.length > 0) return r3(Math.max(...at.map((p) => p[1])));
    const [x0, y0] = pts[i];
    const [x1, y1] = pts[Math.min(i + 1, pts.length - 1)];
    return r3(x1 === x0 ? y1 : y0 + ((y1 - y0) * (x - x0)) / (x1 - x0));
  });
}

/** Interpolated precision at each grid recall: the highest precision at any recall ≥ r (as in average precision). */
export function resamplePr(points: readonly (readonly [number, number])[]): number[] {
  const pts = points.filter(([x, y]) => Number.isFinite(x) && Number.isFinite(y));
  if (pts.length === 0) return [];
  return grid().map((r) => {
    const ys = pts.filter((p) => p[0] >= r - 1e-12).map((p) => p[1]);
    return r3(ys.length ? Math.max(...ys) : 0);
  });
}

export interface CurvePair {
  baseline?: readonly (readonly [number, number])[];
  candidate?: readonly (readonly [number, number])[];
}

function chart(title: string, xLabel: string, yLabel: string, series: number[][]): string {
  const axis = grid().map((x) => String(Math.round(x * 100) / 100));
  return [
    "```mermaid",
    "xychart-beta",
    `  title "${title}"`,
    `  x-axis "${xLabel}" [${axis.join(", ")}]`,
    `  y-axis "${yLabel}" 0 --> 1`,
    ...series.map((s) => `  line [${s.join(", ")}]`),
    "```",
  ].join("\n");
}

/** The ROC and PR charts, baseline then candidate, with a caption saying which line is which; "" without curves. */
export function curveCharts(roc: CurvePair, pr: CurvePair): string {
  const out: string[] = [];
  const legend = (p: CurvePair) =>
    p.baseline && p.candidate
      ? "First line: baseline; second line: candidate."
      : p.candidate
        ? "Candidate only (the baseline has no curve)."
        : "Baseline only.";
  const series = (p: CurvePair, f: (x: readonly (readonly [number, number])[]) => number[]) =>
    [p.baseline, p.candidate].filter((c): c is NonNullable<typeof c> => !!c && c.length > 0).map(f);
  const rocS = series(roc, resampleRoc);
  if (rocS.length)
    out.push(chart("ROC curve", "False positive rate", "True positive rate", rocS), `<sub>${legend(roc)}</sub>`);
  const prS = series(pr, resamplePr);
  if (prS.length) out.push(chart("Precision-recall curve", "Recall", "Precision", prS), `<sub>${legend(pr)}</sub>`);
  return out.join("\n\n");
}
