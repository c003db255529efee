/**
 * ROC and precision-recall curves as Mermaid `xychart-beta` charts, which GitHub renders from the comment text
 * itself: no image is uploaded anywhere. Only numbers and fixed labels go into a chart.
 *
 * A line series in xychart-beta spreads its values evenly over the x axis, so the curves are sampled at the same
 * x values, which become the axis's labels. They are chosen where the curves bend (each added where a straight line
 * between its neighbours misses a curve the most), not evenly: a ROC curve of rare positives climbs within the first
 * few percent of false positives, which an even grid flattens into one step. Each chart sets contrasting colours
 * for its lines with Mermaid's `%%{init}%%` directive (`themeVariables.xyChart.plotColorPalette`).
 */

/** At most this many points per chart (the x axis's labels must stay readable). */
export const MAX_POINTS = 16;
/** A point is added only where leaving it out would misdraw a curve by more than this (in y). */
const TOLERANCE = 0.002;
/** Okabe–Ito orange and blue: told apart with any colour vision, on light and dark backgrounds. */
export const BASELINE_COLOR = "#E69F00";
export const CANDIDATE_COLOR = "#0072B2";

type Points = readonly (readonly [number, number])[];
const r3 = (x: number) => Math.round(Math.min(1, Math.max(0, x)) * 1000) / 1000;
const r4 = (x: number) => Math.round(Math.min(1, Math.max(0, x)) * 10000) / 10000;

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

/**
 * The x values to draw the curves at: 0 and 1, then, one at a time, the candidate x where the straight line between
 * the chosen neighbours misses some curve the most, until `max` are chosen or no curve is missed by more than the
 * tolerance. Candidates are the curves' own x values (rounded to 4 decimals).
 */
export function bendPoints(curves: ((x: number) => number)[], xs: number[], max = MAX_POINTS): number[] {
  const cand = [...new Set([0, 1, ...xs.map(r4)])].sort((a, b) => a - b);
  const ys = curves.map((f) => cand.map(f));
  const chosen = new Set([0, cand.length - 1]);
  while (chosen.size < Math.min(max, cand.length)) {
    const idx = [...chosen].sort((a, b) => a - b);
    let best = -1;
    let bestErr = TOLERANCE;
    for (let s = 0; s < idx.length - 1; s++) {
      const a = idx[s];
      const b = idx[s + 1];
      for (let j = a + 1; j < b; j++) {
        const t = (cand[j] - cand[a]) / (cand[b] - cand[a]);
        for (const y of ys) {
          const err = Math.abs(y[j] - (y[a] + t * (y[b] - y[a])));
          if (err > bestErr) {
            bestErr = err;
            best = j;
          }
        }
      }
    }
    if (best < 0) break;
    chosen.add(best);
  }
  return [...chosen].sort((a, b) => a - b).map((j) => cand[j]);
}

export interface CurvePair {
  baseline?: Points;
  candidate?: Points;
}

/** An x value as an axis label: as few decimals as tell it apart (at most 4). */
function label(x: number): string {
  return String(r4(x));
}

function chart(title: string, xLabel: string, yLabel: string, xs: number[], series: number[][], colors: string[]) {
  return [
    "```mermaid",
    `%%{init: {"themeVariables": {"xyChart": {"plotColorPalette": "${colors.join(", ")}"}}}}%%`,
    "xychart-beta",
    `  title "${title}"`,
    `  x-axis "${xLabel}" [${xs.map(label).join(", ")}]`,
    `  y-axis "${yLabel}" 0 --> 1`,
    ...series.map((s) => `  line [${s.join(", ")}]`),
    "```",
  ].join("\n");
}

/** One chart of the pair's curves (baseline first), sampled where they bend; undefined without curves. */
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
  const fs = present.map((c) => at(c.pts));
  const xs = bendPoints(
    fs,
    present.flatMap((c) => c.pts.map((q) => q[0])),
  );
  const series = fs.map((f) => xs.map((x) => r3(f(x))));
  const legend =
    present.length === 2
      ? "orange: baseline; blue: candidate"
      : `${present[0].name} only (no ${present[0].name === "candidate" ? "baseline" : "candidate"} curve)`;
  return [
    chart(
      title,
      xLabel,
      yLabel,
      xs,
      series,
      present.map((c) => c.color),
    ),
    `<sub>${legend}. The x values are where the curves bend, so the axis is not to scale.</sub>`,
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
