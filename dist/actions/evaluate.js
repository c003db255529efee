import { createRequire as __mgCreateRequire } from 'node:module'; const require = __mgCreateRequire(import.meta.url);
import {
  resamplesArg,
  summarize
} from "../chunks/chunk-FAKT2HUR.js";
import {
  evaluateRepositoryModel,
  mergeShardFiles
} from "../chunks/chunk-4XQEDHKK.js";
import "../chunks/chunk-KQ33QBFR.js";
import "../chunks/chunk-KDNZQSEI.js";
import "../chunks/chunk-OTHSGMS3.js";
import "../chunks/chunk-2EP4N2N2.js";
import "../chunks/chunk-2N2GYVU3.js";
import "../chunks/chunk-O7KZ7V2Q.js";
import "../chunks/chunk-7DC5CDGY.js";
import "../chunks/chunk-RUQEVCOP.js";
import "../chunks/chunk-LH4MYGKA.js";
import "../chunks/chunk-Q6QXFFZK.js";
import "../chunks/chunk-3RH2EWC2.js";
import "../chunks/chunk-7B77QO44.js";
import "../chunks/chunk-OOQO5JDE.js";
import "../chunks/chunk-Y72I2OFL.js";
import "../chunks/chunk-SKWY5OI3.js";
import "../chunks/chunk-6UXFBPQ7.js";
import "../chunks/chunk-X6OXJVG3.js";
import "../chunks/chunk-7QV4TYNM.js";
import "../chunks/chunk-64266JRY.js";
import "../chunks/chunk-3BUM2VMV.js";
import "../chunks/chunk-2BWFZXJO.js";
import "../chunks/chunk-ZYONVBQU.js";
import "../chunks/chunk-UBMSCOQN.js";
import "../chunks/chunk-OYQDDGAU.js";
import "../chunks/chunk-2ZLDIS45.js";
import "../chunks/chunk-U6HQLEKJ.js";
import "../chunks/chunk-YK35P24K.js";
import {
  isRemote
} from "../chunks/chunk-4JQXYHBV.js";
import "../chunks/chunk-OZK2C7TC.js";
import "../chunks/chunk-EW3JDDCC.js";
import "../chunks/chunk-FEFSD2JC.js";
import "../chunks/chunk-EJRXWDVW.js";
import "../chunks/chunk-RQB7ZENY.js";
import {
  openWorkspace
} from "../chunks/chunk-TNV3NBNK.js";
import "../chunks/chunk-DQHGHTZX.js";
import "../chunks/chunk-2E6TZQRV.js";
import "../chunks/chunk-LYRQXBMV.js";
import "../chunks/chunk-YR32LSL5.js";
import "../chunks/chunk-KMZ2SU7I.js";
import "../chunks/chunk-XPVOVGWT.js";
import "../chunks/chunk-UPGHJSZ6.js";
import "../chunks/chunk-S43IQFRZ.js";
import "../chunks/chunk-YZUBQ7DK.js";
import "../chunks/chunk-DFUR2YEO.js";
import "../chunks/chunk-AVCTVMN2.js";
import "../chunks/chunk-NI36P5E6.js";
import {
  findRoot
} from "../chunks/chunk-A6WGSW5D.js";
import {
  actionIo,
  listInput,
  runAction
} from "../chunks/chunk-GQCH3TPH.js";
import {
  getInput,
  group,
  notice,
  setOutput
} from "../chunks/chunk-U2N6PYQM.js";
import "../chunks/chunk-4AOTTLI5.js";
import {
  UserError
} from "../chunks/chunk-VPZGVLTG.js";
import "../chunks/chunk-CCN2QAD7.js";

// src/actions/evaluate.ts
import { relative, resolve } from "node:path";
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
