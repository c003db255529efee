/**
 * The report as files in a folder, for tests: the PR comment exactly as it would be posted (fitted under 65,536
 * characters), the full report as the job summary holds it, and each model's card. No product code writes these
 * (the demo and `report --out` go through src/commands/report.ts).
 */
import { join } from "node:path";
import { writeFileAtomic } from "../../src/util/fs.ts";
import { type BuildOptions, type BuiltReport, buildReport } from "../../src/report/build.ts";
import { renderModelCard } from "../../src/report/card.ts";
import { renderReport } from "../../src/report/markdown.ts";

export interface ReportFiles {
  built: BuiltReport;
  /** outDir/pr-comment.md */
  comment: string;
  /** outDir/job-summary.md */
  summary: string;
  /** outDir/models/<model>/MODEL_CARD.md, one per model */
  cards: string[];
  status: "pass" | "warn" | "fail";
}

/** Builds the report (see buildReport) and writes it into `outDir`. Writes nothing into the repository. */
export async function writeReportFiles(opts: BuildOptions & { outDir: string; sha?: string }): Promise<ReportFiles> {
  const built = await buildReport(opts);
  const comment = join(opts.outDir, "pr-comment.md");
  const summary = join(opts.outDir, "job-summary.md");
  const fitted = renderReport(built.models, { refused: built.refused, sha: opts.sha });
  await writeFileAtomic(comment, fitted.markdown);
  await writeFileAtomic(
    summary,
    renderReport(built.models, { refused: built.refused, sha: opts.sha, unlimited: true }).markdown,
  );
  const cards: string[] = [];
  for (const [name, input] of built.cards) {
    const path = join(opts.outDir, "models", name, "MODEL_CARD.md");
    await writeFileAtomic(path, renderModelCard(input));
    cards.push(path);
  }
  const status = built.refused.length > 0 ? "fail" : fitted.status;
  return { built, comment, summary, cards, status };
}
