/**
 * ROC and precision-recall curves as Mermaid `xychart-beta` charts, which GitHub renders from the comment text
 * itself: no image is uploaded anywhere. Only numbers and fixed labels go into a chart.
 *
 * The axes are to scale: the x axis is numeric (in percent, `0 --> 100`) and each curve is sampled at evenly spaced
 * x, one point per percent. A line series on a numeric axis spreads its values evenly over the range; Mermaid 11.x
 * puts value i at min + i·(max − min)/(n − 1), earlier versions at min + i·(max − min + 1)/n, and the two agree only
 * when n = max − min + 1, so a 0–100 axis gets 101 values, whichever Mermaid renders it. The tick labels are the
 * axis's own (0, 10, …, 100), few enough to read. Each chart sets contrasting colours for its lines with Mermaid's
 * `%%{init}%%` directive (`themeVariables.xyChart.plotColorPalette`).
 */

/** The x axis runs from 0 to this (percent). */
export const AXIS_MAX = 100;
/** Values per line: one per percent, 0 and 100 included (see above). */
export const SAMPLES = AXIS_MAX + 1;
/** Okabe–Ito orange and blue: told apart with any colour vision, on light and dark backgrounds. */
export const BASELINE_COLOR = "#E69F00";
export const CANDIDATE_COLOR = "#0072B2";

type Points = readonly (readonly [number, number])[];
/** A rate as a percentage with one decimal, clamped to [0, 100]. */
const pct = (x: number) => Math.round(Math.min(1, Math.max(0, x)) * 1000) / 10;

/** The x values (as rates, 0 to 1) the curves are drawn at: SAMPLES evenly spaced values. */
export function sampleXs(n = SAMPLES): number[] {
  return Array.from({ length: n }, (_, i) => i / (n - 1));
}

/** A ROC curve as a function of the false-positive rate: linear between points, the highest y at a repeated x. */
export function rocAt(points: Points): (x: number) => number {
  const pts = [...points]
    .filter(([x, y]) => Number.isFinite(x) && Number.isFinite(y))
    .sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  if (pts.length === 0) return () => 0;
  if (pts[0][0] > 0) pts.unshift([0, 0]);
  if (pts[pts.length - 1][0] < 1) pts.push([1, 1]);
  return (x) => {
    let best = -1;
    for (const p of pts) if (p[0] === x) best = Math.max(best, p[1]);
    if (best >= 0) return best;
    let i = 0;
    while (i < pts.length - 1 && pts[i + 1][0] < x) i++;
    const [x0, y0] = pts[i];
    const [x1, y1] = pts[Math.min(i + 1, pts.length - 1)];
    return x1 === x0 ? y1 : y0 + ((y1 - y0) * (x - x0)) / (x1 - x0);
  };
}

/** A PR curve as a function of recall: the highest precision at any recall ≥ r (as in average precision). */
export function prAt(points: Points): (r: number) => number {
  const pts = points.filter(([x, y]) => Number.isFinite(x) && Number.isFinite(y));
  return (r) => {
    let best = 0;
    for (const p of pts) if (p[0] >= r - 1e-12 && p[1] > best) best = p[1];
    return best;
  };
}

export interface CurvePair {
  baseline?: Points;
  candidate?: Points;
}

/** One chart's Mermaid text: a numeric x axis from 0 to AXIS_MAX and one line per series (SAMPLES values each). */
export function chart(title: string, xLabel: string, yLabel: string, series: number[][], colors: string[]): string {
  return [
    "```mermaid",
    `%%{init: {"themeVariables": {"xyChart": {"plotColorPalette": "${colors.join(", ")}"}}}}%%`,
    "xychart-beta",
    `  title "${title}"`,
    `  x-axis "${xLabel} (%)" 0 --> ${AXIS_MAX}`,
    `  y-axis "${yLabel} (%)" 0 --> 100`,
    ...series.map((s) => `  line [${s.join(", ")}]`),
    "```",
  ].join("\n");
}

/** One chart of the pair's curves (baseline first), sampled at evenly spaced x; undefined without curves. */
function pairChart(
  p: CurvePair,
  at: (pts: Points) => (x: number) => number,
  title: string,
  xLabel: string,
  yLabel: string,
): string | undefined {
  const present = [
    { pts: p.baseline, color: BASELINE_COLOR, name: "baseline" },
    { pts: p.candidate, color: CANDIDATE_COLOR, name: "candidate" },
  ].filter((c): c is { pts: Points; color: string; name: string } => !!c.pts && c.pts.length > 0);
  if (present.length === 0) return undefined;
  const xs = sampleXs();
  const series = present.map((c) => {
    const f = at(c.pts);
    return xs.map((x) => pct(f(x)));
  });
  const legend =
    present.length === 2
      ? "orange: baseline; blue: candidate"
      : `${present[0].name} only (no ${present[0].name === "candidate" ? "baseline" : "candidate"} curve)`;
  return [
    chart(
      title,
      xLabel,
      yLabel,
      series,
      present.map((c) => c.color),
    ),
    `<sub>${legend}. Both axes are to scale: each curve is drawn at every 1% of the x axis.</sub>`,
  ].join("\n\n");
}

/** The ROC and PR charts, with a caption saying which line is which; "" without curves. */
export function curveCharts(roc: CurvePair, pr: CurvePair): string {
  return [
    pairChart(roc, rocAt, "ROC curve", "False positive rate", "True positive rate"),
    pairChart(pr, prAt, "Precision-recall curve", "Recall", "Precision"),
  ]
    .filter((c): c is string => c !== undefined)
    .join("\n\n");
}
