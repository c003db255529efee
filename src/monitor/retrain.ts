import { writeFile } from "node:fs/promises";
import { join, posix } from "node:path";
import { deleteRemoteBranch, pushBranch, remoteBranchExists } from "../git/remote.ts";
import { ensurePullRequest, type OpenedPull } from "../github/index.ts";
import { commitMessage, type TrailerKey } from "../ledger/trailers.ts";
import { defaultBranch, writeAndPush } from "../ledger/writer.ts";
import { fetchBranch } from "../git/remote.ts";
import { datasetLockValues } from "../lock/lock.ts";
import { editYaml, type YamlEdit } from "../manifest/edit.ts";
import type { Loaded } from "../manifest/repo.ts";
import type { Dataset } from "../manifest/schema.ts";
import { escapeMd } from "../report/escape.ts";
import type { MonitoringPlan } from "./plan.ts";
import type { Gathered, MonitorSession } from "./session.ts";
import { scratchFolder } from "./versions.ts";

/**
 * `--retrain`: a pull request that moves the model's training Dataset to the window's new data: the labelled rows the
 * window logged (in the Dataset's columns) as a new CSV file next to the old one, and the Dataset manifest pointed at
 * it with its digest, size, rows and profile (as `modelgate lock` writes them). The newest EVALUATION_SHARE of the
 * rows (by time) become the evaluation Dataset's, so that the candidate is compared with production on data neither
 * was trained on, and the evaluation data is as recent as the training data (a month apart, `validate`'s drift check
 * between them would fail the pull request). The pull request's pipeline then
 * trains, evaluates against production and asks for approval; nothing is trained, merged or deployed here. On a
 * branch of the model repository (`origin`), off its default branch; the pull request is opened when GitHub is there
 * (a pull request opened with GITHUB_TOKEN starts no workflow: use a GitHub App's token for its checks to run).
 */

export interface RetrainResult {
  /** Why nothing was proposed (too few labelled rows, no training dataset, already proposed). */
  skipped?: string;
  branch?: string;
  /** The training Dataset's new data file and its edited manifest, relative to the repository. */
  data?: string;
  manifest?: string;
  rows?: number;
  sha256?: string;
  /** The evaluation Dataset moved to the window's newest rows (when it is not the training one). */
  evaluation?: { data: string; manifest: string; rows: number; sha256: string };
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

/** The share of the window's labelled rows, the newest, that becomes the evaluation data of the retraining. */
export const EVALUATION_SHARE = 0.3;

/** One Dataset moved to new rows: its data file, and its manifest edited as `lock` would write it. */
interface Moved {
  name: string;
  manifest: string;
  manifestText: string;
  data: string;
  text: string;
  rows: number;
  sha256: string;
}

async function moveDataset(
  loaded: Loaded<Dataset>,
  columns: string[],
  rows: { cells: (string | null)[] }[],
  day: string,
  scratch: string,
): Promise<Moved> {
  const name = loaded.value.metadata.name;
  const dir = posix.dirname(loaded.file);
  const base = `${name}-${day}.csv`;
  const data = dir === "." ? base : `${dir}/${base}`;
  const own = loaded.value.spec.columns.map((c) => columns.indexOf(c.name));
  const header = loaded.value.spec.columns.map((c) => c.name);
  const text = `${[header, ...rows.map((r) => own.map((j) => (j < 0 ? null : r.cells[j])))].map((r) => r.map(csvCell).join(",")).join("\n")}\n`;
  const abs = join(scratch, base);
  await writeFile(abs, text);
  const dataset = { ...loaded.value, spec: { ...loaded.value.spec, path: base, format: "csv" as const } };
  const v = await datasetLockValues(abs, dataset, data);
  const edits: YamlEdit[] = [
    { path: ["spec", "path"], value: base },
    ...(loaded.value.spec.format !== undefined ? [{ path: ["spec", "format"], value: "csv" }] : []),
    { path: ["spec", "sha256"], value: v.sha256 },
    { path: ["spec", "sizeBytes"], value: v.sizeBytes },
    { path: ["spec", "rows"], value: v.rows },
    ...(v.profile ? [{ path: ["spec", "profile"], value: v.profile }] : []),
  ];
  return {
    name,
    manifest: loaded.file,
    manifestText: editYaml(loaded.src, edits),
    data,
    text,
    rows: v.rows,
    sha256: v.sha256,
  };
}

export async function proposeRetraining(s: MonitorSession, plan: MonitoringPlan, g: Gathered): Promise<RetrainResult> {
  const { ws, manifest } = s;
  const name = manifest.metadata.name;
  const find = (n: string | undefined) => (n ? ws.repo.datasets.find((d) => d.value.metadata.name === n) : undefined);
  const train = find(manifest.spec.training?.datasets[0]);
  if (!train || !g.captured) return { skipped: `${name} declares no training dataset (spec.training.datasets)` };
  const evaluation = find(manifest.spec.evaluation.datasets[0]);
  const rows = [...g.captured.rows].sort((a, b) => a.time - b.time);
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
  const scratch = await scratchFolder();
  try {
    // the newest rows evaluate (the candidate and production compared on them), the others train
    const separate = evaluation && evaluation.file !== train.file;
    const cut = separate ? Math.round(rows.length * (1 - EVALUATION_SHARE)) : rows.length;
    const moved = [await moveDataset(train, g.captured.columns, rows.slice(0, cut), day, scratch.dir)];
    if (separate) moved.push(await moveDataset(evaluation, g.captured.columns, rows.slice(cut), day, scratch.dir));
    const target = await defaultBranch(ws.git, remote);
    const tip = await fetchBranch(ws.git, remote, target, "refs/modelgate/monitor/source");
    if (!tip) return { skipped: `cannot read the branch ${target} of ${remote} to branch off` };
    const body = retrainBody(plan, moved);
    const message = commitMessage(
      `Retrain ${name} on the ${s.environment} window up to ${day}`,
      `${moved.map((m) => `${m.name} moves to ${m.data} (${m.rows} labelled rows)`).join("; ")}: what ${s.environment} logged from ${plan.record.window.since} to ${plan.record.window.until}. Proposed by modelgate monitor after: ${plan.record.alerts.map((a) => a.message).join("; ")}`,
      [
        ["Model", name],
        ...moved.map((m): [TrailerKey, string] => ["Data-Digest", `${m.name} sha256:${m.sha256}`]),
        ["Environment", s.environment],
        ["Monitoring-Record", plan.digest],
      ],
    );
    const files: Record<string, string> = {};
    for (const m of moved) {
      files[m.data] = m.text;
      files[m.manifest] = m.manifestText;
    }
    await pushBranch(ws.git, remote, tip, head);
    let written: Awaited<ReturnType<typeof writeAndPush>>;
    try {
      written = await writeAndPush(ws.git, { remote, branch: head }, async () => ({ files, message, tags: [] }), {
        identity: s.config.spec.identity,
        log: s.opts.log ?? (() => {}),
      });
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
      data: moved[0].data,
      manifest: moved[0].manifest,
      rows: moved[0].rows,
      sha256: moved[0].sha256,
      ...(moved[1]
        ? {
            evaluation: {
              data: moved[1].data,
              manifest: moved[1].manifest,
              rows: moved[1].rows,
              sha256: moved[1].sha256,
            },
          }
        : {}),
      ...(written ? { commit: written.commit } : {}),
      ...(pullRequest ? { pullRequest } : {}),
      body,
    };
  } finally {
    await scratch.remove();
  }
}

function retrainBody(plan: MonitoringPlan, moved: Moved[]): string {
  const r = plan.record;
  const e = escapeMd;
  const [train, evaluation] = moved;
  return [
    `modelgate monitor proposes retraining ${e(r.model.name)}: ${e(r.environment)} alerted on the window ${e(r.window.since)} to ${e(r.window.until)}.`,
    "",
    ...r.alerts.map((a) => `- ${e(a.message)}`),
    "",
    `This pull request moves the training dataset to \`${e(train.data)}\`: ${train.rows} labelled rows that ${e(r.environment)} logged in that window (sha256 \`${train.sha256}\`)${evaluation ? `, and the evaluation dataset to \`${e(evaluation.data)}\`: the window's newest ${evaluation.rows} labelled rows (sha256 \`${evaluation.sha256}\`), on which the candidate and the version in production are compared` : ""}; their manifests (\`${moved.map((m) => e(m.manifest)).join("`, `")}\`) get the new path, digest, size, rows and profile. The pipeline trains the model, evaluates it against production, and asks for approval; merging publishes nothing by itself.`,
    "",
    "A pull request opened with GITHUB_TOKEN starts no workflow: give the monitor a GitHub App's token so that the pipeline's checks run.",
    "",
    `Monitoring record: \`${e(plan.path)}\`.`,
    "",
    plan.summary,
  ].join("\n");
}
