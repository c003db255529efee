import { relative } from "node:path";
import { type ReportResult, runReport } from "../report/run.ts";
import { EXIT_FAILED, EXIT_OK } from "../errors.ts";
import { parseArgs, str } from "../util/args.ts";
import { toJson } from "../util/fs.ts";
import type { Io } from "../util/io.ts";
import { openWorkspace } from "../workspace/workspace.ts";
import type { Command } from "./command.ts";

export function reportExitCode(r: ReportResult): number {
  return r.status === "fail" ? EXIT_FAILED : EXIT_OK;
}

/** The one-line-per-model text the CLI prints after posting. */
export function formatReportResult(r: ReportResult): string {
  const icon = { pass: "✓", warn: "!", fail: "✗" } as const;
  const lines = r.built.models.map((m) => {
    const bad = m.verdict.results.filter((x) => x.status !== "pass");
    return `${icon[m.verdict.status]} ${m.model.metadata.name}: ${m.verdict.status}${bad.length ? ` — ${bad.map((x) => x.reason).join("; ")}` : ""}`;
  });
  for (const x of r.built.refused) lines.push(`✗ refused ${x.file}: ${x.reason}`);
  if (r.published?.comment)
    lines.push(`comment: ${r.published.comment.url} (${r.published.comment.created ? "created" : "updated"})`);
  for (const [name, c] of r.published?.checkRuns ?? []) lines.push(`check run ${name}: ${c.url}`);
  for (const p of r.cards) lines.push(`model card: ${p}`);
  return `${lines.join("\n")}\n`;
}

/** The result as `--json` prints it. */
export function reportJson(r: ReportResult) {
  return {
    status: r.status,
    models: r.built.models.map((m) => ({
      name: m.model.metadata.name,
      status: m.verdict.status,
      gates: m.verdict.results.map((x) => ({
        gate: x.label,
        status: x.status,
        reason: x.reason,
        ...(x.value !== undefined ? { value: x.value } : {}),
      })),
      ...(m.checkRunUrl ? { checkRun: m.checkRunUrl } : {}),
    })),
    refused: r.built.refused,
    ...(r.published?.comment ? { comment: r.published.comment } : {}),
    cards: r.cards,
    notes: r.notes,
  };
}

const usage = `Usage: modelgate report [MODEL…] [options]

Judges each model's gates on its evaluation record and reports: one sticky PR comment (at most 65,536 characters),
a check run "modelgate / <model>" per model with annotations on the manifest lines of failing gates, the job summary,
and optionally the model card. Without MODEL, every model that has an evaluation record. A named model without a
record fails. Exit 1 when any model fails or any record was refused.

Input:
  --records DIR         evaluation records as \`modelgate evaluate\` writes them (default .modelgate/evaluations)
  --from-artifact DIR   untrusted records from an unprivileged job (fork-safe workflows): schema-checked, size-limited
  --skip-validate       do not run validation (data checks and drift are then left out of the report)
  --skip-data           validate manifests and digests only, without reading data files

GitHub (inside Actions from the environment; outside, with GITHUB_TOKEN and GITHUB_API_URL):
  --repo OWNER/NAME     the repository (default GITHUB_REPOSITORY)
  --pr N                the pull request to comment on
  --sha SHA             the commit for the check runs (default the pull request's head)
  --app-slug SLUG       the GitHub App that issued the token (an installation token other than GITHUB_TOKEN):
                        the sticky comment is the one <SLUG>[bot] wrote; modelgate edits no other comment
  --no-comment          no PR comment
  --no-checks           no check runs
  --dry-run             print the comment; post nothing, write no model card (--out still writes its file)

Output:
  --write-card          write models/<model>/MODEL_CARD.md (text outside the generated markers is kept)
  --out FILE            write the full report (no size limit) to FILE
  --json                machine-readable result

Without --repo/--pr and outside Actions, the comment is printed to stdout.

Exit codes: 0 every model passed (warnings allowed), 1 a model failed its gates, a record was refused, or GitHub
failed, 2 usage or configuration error (also a GitHub token that is refused or cannot see the repository),
70 internal error (a bug in modelgate; please report it).
`;

export const command: Command = {
  name: "report",
  summary: "gates → verdict; sticky PR comment, check runs, job summary, model card",
  usage,
  async run(args: string[], io: Io): Promise<number> {
    const { values, positionals } = parseArgs("report", args, {
      records: { type: "string" },
      "from-artifact": { type: "string" },
      "skip-validate": { type: "boolean" },
      "skip-data": { type: "boolean" },
      repo: { type: "string" },
      pr: { type: "string" },
      sha: { type: "string" },
      "app-slug": { type: "string" },
      "no-comment": { type: "boolean" },
      "no-checks": { type: "boolean" },
      "dry-run": { type: "boolean" },
      "write-card": { type: "boolean" },
      out: { type: "string" },
    });
    const r = await runReport(openWorkspace(io), {
      models: positionals,
      records: str(values.records),
      fromArtifact: str(values["from-artifact"]),
      validate: !values["skip-validate"],
      skipData: Boolean(values["skip-data"]),
      repo: str(values.repo),
      pr: str(values.pr),
      sha: str(values.sha),
      appSlug: str(values["app-slug"]),
      comment: !values["no-comment"],
      checkRuns: !values["no-checks"],
      dryRun: Boolean(values["dry-run"]),
      writeCard: Boolean(values["write-card"]),
      out: str(values.out),
    });
    if (values["dry-run"]) for (const c of r.cards) io.err(`dry run: would write ${relative(io.cwd, c) || c}\n`);
    for (const n of r.notes) io.err(`note: ${n}\n`);
    if (values.json) io.out(toJson(reportJson(r)));
    else if (!r.published) io.out(r.comment);
    else io.out(formatReportResult(r));
    if (r.published || values.json) {
      for (const m of r.built.models)
        if (m.verdict.status === "fail") io.err(`modelgate report: ${m.model.metadata.name} failed its gates\n`);
    }
    return reportExitCode(r);
  },
};
