// Renders the Mermaid charts of a report comment as GitHub does, in a real browser (headless Chromium from Debian's
// `chromium` package, Mermaid from node_modules through a file:// page), writes one PNG of the page and prints where
// each line's points landed, so a person can look at the charts and a script can check that the axes are to scale.
//
//   npx tsx scripts/render-charts.ts [COMMENT.md] [--out DIR]
//
// Without COMMENT.md, the charts of a made-up comparison: a candidate with ROC AUC about 0.82 (rare positives) and a
// weaker baseline, drawn by the report's own code (src/report/charts.ts) from BinaryMetricSet's curves.
import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { BinaryMetricSet } from "../src/evaluate/metrics.ts";
import { curveCharts } from "../src/report/charts.ts";
import { rng } from "../src/util/random.ts";

const CHROMIUM = process.env.CHROMIUM ?? "/usr/bin/chromium";
// the flags this machine needs: no sandbox as root, and no background connections to a network that is closed
const FLAGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];

/** Scores of `n` rows with a share `rate` of positives, separated by `shift` standard deviations. */
function scores(seed: number, n: number, rate: number, shift: number) {
  const r = rng(seed);
  const y = new Uint8Array(n);
  const s = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    y[i] = r() < rate ? 1 : 0;
    const z = Math.sqrt(-2 * Math.log(1 - r())) * Math.cos(2 * Math.PI * r());
    s[i] = 1 / (1 + Math.exp(-(z + (y[i] ? shift : 0) - 2)));
  }
  return new BinaryMetricSet(y, s, 0.5);
}

function sampleComment(): string {
  const cand = scores(1, 20_000, 0.05, 1.3);
  const base = scores(2, 20_000, 0.05, 0.9);
  const out = new Float64Array(cand.names.length);
  cand.compute(null, out);
  const auc = out[cand.names.indexOf("roc_auc")];
  const c = cand.curves();
  const b = base.curves();
  return `Candidate ROC AUC ${auc.toFixed(4)}\n\n${curveCharts({ baseline: b.roc, candidate: c.roc }, { baseline: b.pr, candidate: c.pr })}`;
}

const args = process.argv.slice(2);
const outAt = args.indexOf("--out");
const outDir = resolve(outAt >= 0 ? args[outAt + 1] : "charts-rendered");
const input = args.find((a, i) => !a.startsWith("--") && i !== outAt + 1);
const markdown = input ? readFileSync(input, "utf8") : sampleComment();
const blocks = [...markdown.matchAll(/```mermaid\n([\s\S]*?)```/g)].map((m) => m[1]);
if (blocks.length === 0) {
  console.error("no ```mermaid blocks in the comment");
  process.exit(2);
}
const require = createRequire(import.meta.url);
const mermaid = require.resolve("mermaid/dist/mermaid.min.js");
const esc = (s: string) => s.replaceAll("&", "&amp;").replaceAll("<", "&lt;");
const work = mkdtempSync(join(tmpdir(), "mg-charts-"));
const page = join(work, "page.html");
writeFileSync(
  page,
  `<!doctype html><html><head><meta charset="utf-8"><script src="${pathToFileURL(mermaid)}"></script></head>
<body style="width:820px;font-family:sans-serif">
${blocks.map((b) => `<pre class="mermaid">${esc(b)}</pre>`).join("\n")}
<script>mermaid.initialize({ startOnLoad: false }); mermaid.run().then(() => { document.title = "rendered"; });</script>
</body></html>`,
);
mkdirSync(outDir, { recursive: true });
const png = join(outDir, "charts.png");
const run = (extra: string[]) =>
  spawnSync(CHROMIUM, [...FLAGS, `--user-data-dir=${join(work, "profile")}`, "--virtual-time-budget=10000", ...extra], {
    encoding: "utf8",
    maxBuffer: 64 << 20,
  });
const shot = run([`--screenshot=${png}`, `--window-size=900,${520 * blocks.length}`, pathToFileURL(page).href]);
if (shot.status !== 0) {
  console.error(shot.stderr);
  process.exit(1);
}
const dom = run(["--dump-dom", pathToFileURL(page).href]).stdout;
writeFileSync(join(outDir, "charts.html"), dom);
// each line is a <path d="M x,y L x,y …"> inside <g class="line-plot-N">: where its points landed, in pixels
const found = [...dom.matchAll(/<g class="line-plot-\d+"><path d="([^"]+)"/g)].map((m) => m[1]);
for (const [i, d] of found.entries()) {
  const xs = [...d.matchAll(/[ML]([-\d.]+),([-\d.]+)/g)].map((m) => Number(m[1]));
  const steps = xs.slice(1).map((x, j) => x - xs[j]);
  const spread = steps.length ? Math.max(...steps) - Math.min(...steps) : 0;
  console.log(
    `line ${i + 1}: ${xs.length} points, x from ${xs[0]?.toFixed(1)} to ${xs[xs.length - 1]?.toFixed(1)} px, every ${steps[0]?.toFixed(3)} px (steps differ by at most ${spread.toFixed(3)} px)`,
  );
}
console.log(`${blocks.length} chart(s) rendered: ${png}`);
