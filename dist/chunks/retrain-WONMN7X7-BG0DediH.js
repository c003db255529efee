import { createRequire } from 'node:module';
import { d as datasetLockValues, e as editYaml } from './chunk-DOJBJRVX-Dsm5fQDV.js';
import './hot-validate-Cbhe7qur.js';
import { d as defaultBranch, w as writeAndPush } from './chunk-I7OPH6LF-DZAU6hue.js';
import { s as scratchFolder } from './chunk-VZA3NT3X--wGmD8N5.js';
import './hot-verify-CS61MYk-.js';
import { j as remoteBranchExists, g as fetchBranch, k as pushBranch, m as deleteRemoteBranch } from './chunk-QY6YSSUQ-DOW5Hrlb.js';
import './chunk-62RWLHT6-DusoIaw8.js';
import { q as ensurePullRequest } from './chunk-NKXRGQC5-h4gDLlTY.js';
import './chunk-BJUODENM-D7tbkoXJ.js';
import { R as commitMessage, f as escapeMd } from './hot-audit-verify-DZYJh8zf.js';
import './hot-validate-verify-COnm42W2.js';
import './chunk-7QV4TYNM-KsfEaxRL.js';
import './hot-help-validate-plan-audit-verify-CiDATK95.js';
import './chunk-ZYONVBQU-s7z3Z2Hp.js';
import './chunk-OYQDDGAU-Dpe-Jqkv.js';
import './chunk-2ZLDIS45-ZCAU1cz0.js';
import './chunk-U6HQLEKJ-DFuKjzG7.js';
import './chunk-YK35P24K-BysRypHz.js';
import './hot-validate-plan-DjS3M9MR.js';
import './hot-validate-plan-audit-verify-DglurztO.js';
import './hot-plan-YWGJn6IT.js';
import './hot-validate-plan-verify-C9JqfCVv.js';
import './chunk-DFUR2YEO-CrRpRbga.js';
import './chunk-U2N6PYQM-Bne4_qtb.js';
import { writeFile } from 'node:fs/promises';
import { posix, join } from 'node:path';
import 'node:fs';
import 'node:worker_threads';
import 'node:crypto';
import 'node:timers/promises';
import 'node:v8';
import 'node:os';
import './chunk-MQCGLXLB-CbrzXGu1.js';
import './chunk-TTEN63ZV-SY8ycxCd.js';
import './chunk-2EP4N2N2-TUQsqfkI.js';
import './chunk-6ISN4EGF-OY3v5fbb.js';
import './chunk-UJBNVSBJ-FdgIgU5w.js';
import './chunk-DL6T25Z3-Dn6jH0Bt.js';
import './chunk-KDNZQSEI-BmEYO2Wc.js';
import './chunk-RUQEVCOP-DcryHeG5.js';
import './chunk-UBMSCOQN-DvpQ3ehE.js';
import 'node:child_process';
import 'node:url';
import 'node:util';
import 'os';
import 'crypto';
import 'fs';
import 'http';
import 'https';

const require$1 = createRequire(import.meta.url);
function csvCell(v) {
  if (v === null) return "";
  return /[",\r\n]|^\s|\s$/.test(v) ? `"${v.replace(/"/g, '""')}"` : v;
}
var EVALUATION_SHARE = 0.3;
async function moveDataset(loaded, columns, rows, day, scratch) {
  const name = loaded.value.metadata.name;
  const dir = posix.dirname(loaded.file);
  const base = `${name}-${day}.csv`;
  const data = dir === "." ? base : `${dir}/${base}`;
  const own = loaded.value.spec.columns.map((c) => columns.indexOf(c.name));
  const header = loaded.value.spec.columns.map((c) => c.name);
  const text = `${[header, ...rows.map((r) => own.map((j) => j < 0 ? null : r.cells[j]))].map((r) => r.map(csvCell).join(",")).join("\n")}
`;
  const abs = join(scratch, base);
  await writeFile(abs, text);
  const dataset = { ...loaded.value, spec: { ...loaded.value.spec, path: base, format: "csv" } };
  const v = await datasetLockValues(abs, dataset, data);
  const edits = [
    { path: ["spec", "path"], value: base },
    ...loaded.value.spec.format !== void 0 ? [{ path: ["spec", "format"], value: "csv" }] : [],
    { path: ["spec", "sha256"], value: v.sha256 },
    { path: ["spec", "sizeBytes"], value: v.sizeBytes },
    { path: ["spec", "rows"], value: v.rows },
    ...v.profile ? [{ path: ["spec", "profile"], value: v.profile }] : []
  ];
  return {
    name,
    manifest: loaded.file,
    manifestText: editYaml(loaded.src, edits),
    data,
    text,
    rows: v.rows,
    sha256: v.sha256
  };
}
async function proposeRetraining(s, plan, g) {
  const { ws, manifest } = s;
  const name = manifest.metadata.name;
  const find = (n) => n ? ws.repo.datasets.find((d) => d.value.metadata.name === n) : void 0;
  const train = find(manifest.spec.training?.datasets[0]);
  if (!train || !g.captured) return { skipped: `${name} declares no training dataset (spec.training.datasets)` };
  const evaluation = find(manifest.spec.evaluation.datasets[0]);
  const rows = [...g.captured.rows].sort((a, b) => a.time - b.time);
  const min = s.monitoring.minRows;
  if (rows.length < min) {
    return {
      skipped: `the window has ${rows.length} labelled rows, fewer than the ${min} a window needs (spec.monitoring.minRows); retrain when more labels have arrived`
    };
  }
  const day = plan.record.window.until.slice(0, 10);
  const head = `modelgate/retrain/${name}/${day}`;
  const remote = "origin";
  if (await remoteBranchExists(ws.git, remote, head))
    return { skipped: `already proposed on branch ${head}`, branch: head };
  const scratch = await scratchFolder();
  try {
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
        ...moved.map((m) => ["Data-Digest", `${m.name} sha256:${m.sha256}`]),
        ["Environment", s.environment],
        ["Monitoring-Record", plan.digest]
      ]
    );
    const files = {};
    for (const m of moved) {
      files[m.data] = m.text;
      files[m.manifest] = m.manifestText;
    }
    await pushBranch(ws.git, remote, tip, head);
    let written;
    try {
      written = await writeAndPush(ws.git, { remote, branch: head }, async () => ({ files, message, tags: [] }), {
        identity: s.config.spec.identity,
        log: s.opts.log ?? (() => {
        })
      });
    } catch (err) {
      await deleteRemoteBranch(ws.git, remote, head);
      throw err;
    }
    const pullRequest = s.opts.github ? await ensurePullRequest(s.opts.github, {
      head,
      base: target,
      title: `Retrain ${name} on ${s.environment}'s data up to ${day}`,
      body
    }) : void 0;
    return {
      branch: head,
      data: moved[0].data,
      manifest: moved[0].manifest,
      rows: moved[0].rows,
      sha256: moved[0].sha256,
      ...moved[1] ? {
        evaluation: {
          data: moved[1].data,
          manifest: moved[1].manifest,
          rows: moved[1].rows,
          sha256: moved[1].sha256
        }
      } : {},
      ...written ? { commit: written.commit } : {},
      ...pullRequest ? { pullRequest } : {},
      body
    };
  } finally {
    await scratch.remove();
  }
}
function retrainBody(plan, moved) {
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
    plan.summary
  ].join("\n");
}

export { EVALUATION_SHARE, proposeRetraining };
