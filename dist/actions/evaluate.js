import { createRequire as __mgCreateRequire } from 'node:module'; const require = __mgCreateRequire(import.meta.url);
import {
  evaluateRepositoryModel,
  mergeShards,
  readShardState,
  resamplesArg,
  summarize,
  writeRecord
} from "../chunks/chunk-CU6ODRXF.js";
import "../chunks/chunk-LDAYPA3N.js";
import "../chunks/chunk-CCZROEOA.js";
import "../chunks/chunk-2BJAIYUF.js";
import "../chunks/chunk-E3IMRBGU.js";
import "../chunks/chunk-GJCN4XM6.js";
import {
  recordPath
} from "../chunks/chunk-4C7CTABB.js";
import "../chunks/chunk-SNVQYJ2T.js";
import "../chunks/chunk-AJFWQFH3.js";
import "../chunks/chunk-3BUM2VMV.js";
import "../chunks/chunk-NJ3H4BEK.js";
import {
  findRoot
} from "../chunks/chunk-ZY5OX6SA.js";
import "../chunks/chunk-QOWBSAJO.js";
import "../chunks/chunk-7Q46JTV7.js";
import "../chunks/chunk-RQB7ZENY.js";
import "../chunks/chunk-WARMS5WM.js";
import {
  actionIo,
  listInput,
  runAction
} from "../chunks/chunk-OPQOOSZP.js";
import {
  getInput,
  group,
  notice,
  setOutput
} from "../chunks/chunk-4MS45GGA.js";
import "../chunks/chunk-4AOTTLI5.js";
import {
  UserError
} from "../chunks/chunk-7SHYJVU3.js";
import "../chunks/chunk-ZGDBGMMU.js";

// src/actions/evaluate.ts
import { relative, resolve } from "node:path";
await runAction("evaluate", async () => {
  const io = actionIo();
  const cwd = resolve(io.cwd, getInput("working-directory") || ".");
  const merge = listInput("merge");
  const resamples = resamplesArg("the resamples input", getInput("resamples"));
  const out = getInput("out");
  const show = (p) => relative(cwd, p) || p;
  if (merge.length > 0) {
    const record = await group(`modelgate evaluate merge (${merge.length} shards)`, async () => {
      const states = merge.map((f) => readShardState(resolve(cwd, f)));
      return mergeShards(states, { ...io, cwd }, merge);
    });
    const path = out ? resolve(cwd, out) : resolve(findRoot(cwd), recordPath(record.model.name));
    await writeRecord(path, record);
    io.out(summarize(record, show(path)));
    setOutput("record", show(path));
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
    () => evaluateRepositoryModel(
      {
        cwd,
        env: io.env,
        model,
        baseline: getInput("baseline") || void 0,
        out: out || void 0,
        resamples,
        shard
      },
      { ...io, cwd }
    )
  );
  setOutput("record", show(r.path));
  if (!r.record) {
    io.out(`shard state: ${show(r.path)}
`);
    return 0;
  }
  io.out(summarize(r.record, show(r.path)));
  if (!r.record.baseline) notice(`${model}: ${r.baselineNote}`);
  setOutput("candidate", show(resolve(findRoot(cwd), r.record.candidate.source)));
  setOutput("baseline", r.record.baseline?.source ?? "");
  setOutput("metrics", JSON.stringify(r.record.candidate.metrics));
  setOutput("deltas", JSON.stringify(r.record.deltas));
  return 0;
});
