import { readFile, writeFile } from "node:fs/promises";
import { join, posix } from "node:path";
import { deleteRemoteBranch, pushBranch, remoteBranchExists } from "../git/remote.ts";
import { ensurePullRequest, type OpenedPull } from "../github/index.ts";
import { commitMessage } from "../ledger/trailers.ts";
import { defaultBranch, writeAndPush } from "../ledger/writer.ts";
import { fetchBranch } from "../git/remote.ts";
import { datasetLockValues } from "../lock/lock.ts";
import { editYaml, type YamlEdit } from "../manifest/edit.ts";
import { escapeMd } from "../report/escape.ts";
import type { MonitoringPlan } from "./plan.ts";
import type { Gathered, MonitorSession } from "./session.ts";
import { scratchFolder } from "./versions.ts";

/**
 * `--retrain`: a pull request that moves the model's training Dataset to the window's new data: the labelled rows the
 * window logged (in the Dataset's columns) as a new CSV file next to the old one, and the Dataset manifest pointed at
 * it with its digest, size, rows and profile (as `modelgate lock` writes them). The pull request's pipeline then
 * trains, evaluates against production and asks for approval; nothing is trained, merged or deployed here. On a
 * branch of the model repository (`origin`), off its default branch; the pull request is opened when GitHub is there
 * (a pull request opened with GITHUB_TOKEN starts no workflow: use a GitHub App's token for its checks to run).
 */

export interface RetrainResult {
  /** Why nothing was proposed (too few labelled rows, no training dataset, already proposed). */
  skipped?: string;
  branch?: string;
  /** The new data file and the edited manifest, relative to the repository. */
  data?: string;
  manifest?: string;
  rows?: number;
  sha256?: string;
  commit?: string;
  pullRequest?: OpenedPull;
  /** The pull request's text (also what the demo writes as a report). */
  body?: string;
}

/** A CSV cell: quoted when it holds a comma, a quote, a line break or surrounding spaces. */
function csvCell(v: string | null): string {
  if (v === null) return "";
  return /[",\r\n]|^\s|\s$/.test(v) ? `"${v.replace(/"/g, '""')}"` : v;
}

export async function proposeRetraining(s: MonitorSession, plan: MonitoringPlan, g: Gathered): Promise<RetrainResult> {
  const { ws, manifest } = s;
  const name = manifest.metadata.name;
  const trainName = manifest.spec.training?.datasets[0];
  const loaded = trainName ? ws.repo.datasets.find((d) => d.value.metadata.name === trainName) : undefined;
  if (!loaded || !g.captured) return { skipped: `${name} declares no training dataset (spec.training.datasets)` };
  const rows = g.captured.rows;
  const min = s.monitoring.minRows;
  if (rows.length < min) {
    return {
      skipped: `the window has ${rows.length} labelled rows, fewer than the ${min} a window needs (spec.monitoring.minRows); retrain when more labels have arrived`,
    };
  }
  const day = plan.record.window.until.slice(0, 10);
  const head = `modelgate/retrain/${name}/${day}`;
  const remote = "origin";
  if (await remoteBranchExists(ws.git, remote, head))
    return { skipped: `already proposed on branch ${head}`, branch: head };
  const dir = posix.dirname(loaded.file);
  const base = `${trainName}-${day}.csv`;
  const dataRel = dir === "." ? base : `${dir}/${base}`;
  const scratch = await scratchFolder();
  try {
    const abs = join(scratch.dir, base);
    const text = `${[g.captured.columns, ...rows].map((r) => r.map(csvCell).join(",")).join("\n")}\n`;
    await writeFile(abs, text);
    const dataset = { ...loaded.value, spec: { ...loaded.value.spec, path: base, format: "csv" as const } };
    const v = await datasetLockValues(abs, dataset, dataRel);
    const edits: YamlEdit[] = [
      { path: ["spec", "path"], value: base },
      ...(loaded.value.spec.format !== undefined ? [{ path: ["spec", "format"], value: "csv" }] : []),
      { path: ["spec", "sha256"], value: v.sha256 },
      { path: ["spec", "sizeBytes"], value: v.sizeBytes },
      { path: ["spec", "rows"], value: v.rows },
      ...(v.profile ? [{ path: ["spec", "profile"], value: v.profile }] : []),
    ];
    const manifestText = editYaml(loaded.src, edits);
    const target = await defaultBranch(ws.git, remote);
    const tip = await fetchBranch(ws.git, remote, target, "refs/modelgate/monitor/source");
    if (!tip) return { skipped: `cannot read the branch ${target} of ${remote} to branch off` };
    const body = retrainBody(plan, { data: dataRel, manifest: loaded.file, rows: v.rows, sha256: v.sha256 });
    const message = commitMessage(
      `Retrain ${name} on the ${s.environment} window up to ${day}`,
      `Moves the training dataset ${trainName} to ${dataRel}: ${v.rows} labelled rows that ${s.environment} logged from ${plan.record.window.since} to ${plan.record.window.until}. Proposed by modelgate monitor after: ${plan.record.alerts.map((a) => a.message).join("; ")}`,
      [
        ["Model", name],
        ["Data-Digest", `${trainName} sha256:${v.sha256}`],
        ["Environment", s.environment],
        ["Monitoring-Record", plan.digest],
      ],
    );
    await pushBranch(ws.git, remote, tip, head);
    let written: Awaited<ReturnType<typeof writeAndPush>>;
    try {
      written = await writeAndPush(
        ws.git,
        { remote, branch: head },
        async () => ({
          files: { [dataRel]: await readFile(abs, "utf8"), [loaded.file]: manifestText },
          message,
          tags: [],
        }),
        { identity: s.config.spec.identity, log: s.opts.log ?? (() => {}) },
      );
    } catch (err) {
      await deleteRemoteBranch(ws.git, remote, head);
      throw err;
    }
    const pullRequest = s.opts.github
      ? await ensurePullRequest(s.opts.github, {
          head,
          base: target,
          title: `Retrain ${name} on ${s.environment}'s data up to ${day}`,
          body,
        })
      : undefined;
    return {
      branch: head,
      data: dataRel,
      manifest: loaded.file,
      rows: v.rows,
      sha256: v.sha256,
      ...(written ? { commit: written.commit } : {}),
      ...(pullRequest ? { pullRequest } : {}),
      body,
    };
  } finally {
    await scratch.remove();
  }
}

function retrainBody(
  plan: MonitoringPlan,
  d: { data: string; manifest: string; rows: number; sha256: string },
): string {
  const r = plan.record;
  const e = escapeMd;
  return [
    `modelgate monitor proposes retraining ${e(r.model.name)}: ${e(r.environment)} alerted on the window ${e(r.window.since)} to ${e(r.window.until)}.`,
    "",
    ...r.alerts.map((a) => `- ${e(a.message)}`),
    "",
    `This pull request moves the training dataset to \`${e(d.data)}\`: the ${d.rows} labelled rows that ${e(r.environment)} logged in that window (sha256 \`${d.sha256}\`), and updates \`${e(d.manifest)}\` (path, digest, size, rows, profile). Its pipeline trains the model on them, evaluates the candidate against the version in production on the evaluation data, and asks for approval; merging publishes nothing by itself.`,
    "",
    "A pull request opened with GITHUB_TOKEN starts no workflow: give the monitor a GitHub App's token so that the pipeline's checks run.",
    "",
    `Monitoring record: \`${e(plan.path)}\`.`,
    "",
    plan.summary,
  ].join("\n");
}
