import { createRequire } from 'node:module';
import { r as resamplesArg, s as summarize } from '../chunks/chunk-FAKT2HUR-978MzsAP.js';
import { m as mergeShardFiles, e as evaluateRepositoryModel } from '../chunks/chunk-4XQEDHKK-BxXLCzAZ.js';
import { U as UserError } from '../chunks/hot-help-validate-plan-audit-verify-CiDATK95.js';
import '../chunks/chunk-KDNZQSEI-BmEYO2Wc.js';
import '../chunks/chunk-OTHSGMS3-yPQ0aSNM.js';
import '../chunks/chunk-2EP4N2N2-TUQsqfkI.js';
import '../chunks/chunk-2N2GYVU3-BuZWoH5t.js';
import { i as isRemote } from '../chunks/hot-validate-Cbhe7qur.js';
import '../chunks/chunk-RUQEVCOP-DcryHeG5.js';
import '../chunks/hot-validate-verify-COnm42W2.js';
import '../chunks/chunk-7QV4TYNM-KsfEaxRL.js';
import { d as findRoot } from '../chunks/hot-validate-plan-audit-verify-DglurztO.js';
import '../chunks/chunk-ZYONVBQU-s7z3Z2Hp.js';
import '../chunks/chunk-UBMSCOQN-DvpQ3ehE.js';
import '../chunks/chunk-OYQDDGAU-Dpe-Jqkv.js';
import '../chunks/chunk-2ZLDIS45-ZCAU1cz0.js';
import '../chunks/chunk-U6HQLEKJ-DFuKjzG7.js';
import '../chunks/chunk-YK35P24K-BysRypHz.js';
import '../chunks/hot-validate-plan-DjS3M9MR.js';
import { o as openWorkspace } from '../chunks/hot-plan-YWGJn6IT.js';
import '../chunks/hot-validate-plan-verify-C9JqfCVv.js';
import '../chunks/chunk-DFUR2YEO-CrRpRbga.js';
import { r as runAction, a as actionIo, l as listInput } from '../chunks/chunk-GQCH3TPH-DiKVRF7d.js';
import { g as getInput, a as group, b as setOutput, n as notice } from '../chunks/chunk-U2N6PYQM-Bne4_qtb.js';
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
