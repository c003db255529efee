import { createRequire } from 'node:module';
import { r as resamplesArg, s as summarize } from '../chunks/chunk-FAKT2HUR-DoacvpB7.js';
import { m as mergeShardFiles, e as evaluateRepositoryModel } from '../chunks/chunk-4XQEDHKK-VkLe_56a.js';
import { U as UserError } from '../chunks/hot-help-validate-audit-verify-aYLtKKnG.js';
import '../chunks/chunk-KDNZQSEI-Bzjn8Owp.js';
import '../chunks/chunk-OTHSGMS3-LG-e3qza.js';
import '../chunks/chunk-2EP4N2N2-TUQsqfkI.js';
import '../chunks/chunk-2N2GYVU3-CYIwN8v9.js';
import { i as isRemote } from '../chunks/hot-validate-BotGmJiZ.js';
import '../chunks/chunk-RUQEVCOP-CUYiV46S.js';
import '../chunks/hot-validate-verify-C8t4jxm2.js';
import '../chunks/chunk-7QV4TYNM-BhNYIKJJ.js';
import { d as findRoot } from '../chunks/hot-validate-audit-verify-C-_o6MJ0.js';
import '../chunks/chunk-ZYONVBQU-NXJe4ZDp.js';
import '../chunks/chunk-UBMSCOQN-B25TI_51.js';
import '../chunks/chunk-OYQDDGAU-qTn3dWg1.js';
import '../chunks/chunk-2ZLDIS45-DjMMIWeg.js';
import '../chunks/chunk-U6HQLEKJ-CmF0blYP.js';
import '../chunks/chunk-YK35P24K-BysRypHz.js';
import { o as openWorkspace } from '../chunks/chunk-TNV3NBNK-BYNCmJpd.js';
import '../chunks/chunk-DQHGHTZX-pBLXiB2o.js';
import '../chunks/chunk-2E6TZQRV-DPA5_5vV.js';
import '../chunks/chunk-LYRQXBMV-BXHYPiyi.js';
import '../chunks/chunk-S43IQFRZ-B-SSS4At.js';
import '../chunks/chunk-YZUBQ7DK-DHQLuxFL.js';
import '../chunks/chunk-DFUR2YEO-CrRpRbga.js';
import { r as runAction, a as actionIo, l as listInput } from '../chunks/chunk-GQCH3TPH-3Al4y03f.js';
import { g as getInput, a as group, b as setOutput, n as notice } from '../chunks/chunk-U2N6PYQM-CxW-GqxT.js';
import { resolve, relative } from 'node:path';
import 'node:fs';
import 'node:crypto';
import 'node:worker_threads';
import 'node:os';
import 'node:fs/promises';
import 'node:timers/promises';
import 'node:v8';
import 'node:url';
import 'node:util';
import 'node:child_process';
import 'os';
import 'crypto';
import 'fs';
import 'http';
import 'https';

const require$1 = createRequire(import.meta.url);
function candidateFile(root, source, show) {
  return isRemote(source) ? "" : show(resolve(root, source));
}
await runAction("evaluate", async () => {
  const io = actionIo();
  const cwd = resolve(io.cwd, getInput("working-directory") || ".");
  const merge = listInput("merge");
  const resamples = resamplesArg("the resamples input", getInput("resamples"));
  const out = getInput("out");
  const show = (p) => relative(cwd, p) || p;
  if (merge.length > 0) {
    const root = out ? cwd : findRoot(cwd);
    const { record, path } = await group(
      `modelgate evaluate merge (${merge.length} shards)`,
      () => mergeShardFiles(merge, { ...io, cwd }, out ? resolve(cwd, out) : void 0, root)
    );
    io.out(summarize(record, show(path)));
    setOutput("record", show(path));
    setOutput("candidate", candidateFile(findRoot(cwd), record.candidate.source, show));
    setOutput("baseline", record.baseline?.source ?? "");
    setOutput("metrics", JSON.stringify(record.candidate.metrics));
    setOutput("deltas", JSON.stringify(record.deltas));
    return 0;
  }
  const model = getInput("model");
  if (!model) throw new UserError("the model input is required (or merge: with shard state files)");
  const shardText = getInput("shard");
  let shard;
  if (shardText) {
    const m = /^(\d+)\/(\d+)$/.exec(shardText.trim());
    if (!m || Number(m[1]) < 1 || Number(m[1]) > Number(m[2]))
      throw new UserError(`shard must be I/N with 1 <= I <= N, got "${shardText}"`);
    shard = { index: Number(m[1]), count: Number(m[2]) };
  }
  const r = await group(
    `modelgate evaluate ${model}`,
    () => evaluateRepositoryModel(openWorkspace({ ...io, cwd }), {
      model,
      baseline: getInput("baseline") || void 0,
      out: out || void 0,
      resamples,
      shard
    })
  );
  setOutput("record", show(r.path));
  if (!r.record) {
    io.out(`shard state: ${show(r.path)}
`);
    return 0;
  }
  io.out(summarize(r.record, show(r.path)));
  if (!r.record.baseline) notice(`${model}: ${r.baselineNote}`);
  setOutput("candidate", candidateFile(findRoot(cwd), r.record.candidate.source, show));
  setOutput("baseline", r.record.baseline?.source ?? "");
  setOutput("metrics", JSON.stringify(r.record.candidate.metrics));
  setOutput("deltas", JSON.stringify(r.record.deltas));
  return 0;
});
