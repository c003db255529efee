import { relative, resolve } from "node:path";
import * as core from "@actions/core";
import { resamplesArg } from "../commands/evaluate.ts";
import { UserError } from "../errors.ts";
import { evaluateRepositoryModel, mergeShardFiles } from "../evaluate/run.ts";
import { summarize } from "../evaluate/summary.ts";
import { findRoot } from "../manifest/repo.ts";
import { isRemote } from "../storage/source.ts";
import { openWorkspace } from "../workspace/workspace.ts";
import { actionIo, listInput, runAction } from "./_runtime.ts";

/** The candidate's file for the artifact beside the record: a path in the checkout, empty for a remote artifact. */
function candidateFile(root: string, source: string, show: (p: string) => string): string {
  return isRemote(source) ? "" : show(resolve(root, source));
}

await runAction("evaluate", async () => {
  const io = actionIo();
  const cwd = resolve(io.cwd, core.getInput("working-directory") || ".");
  const merge = listInput("merge");
  const resamples = resamplesArg("the resamples input", core.getInput("resamples"));
  const out = core.getInput("out");
  const show = (p: string) => relative(cwd, p) || p;
  if (merge.length > 0) {
    const root = out ? cwd : findRoot(cwd);
    const { record, path } = await core.group(`modelgate evaluate merge (${merge.length} shards)`, () =>
      mergeShardFiles(merge, { ...io, cwd }, out ? resolve(cwd, out) : undefined, root),
    );
    io.out(summarize(record, show(path)));
    core.setOutput("record", show(path));
    core.setOutput("candidate", candidateFile(findRoot(cwd), record.candidate.source, show));
    core.setOutput("baseline", record.baseline?.source ?? "");
    core.setOutput("metrics", JSON.stringify(record.candidate.metrics));
    core.setOutput("deltas", JSON.stringify(record.deltas));
    return 0;
  }
  const model = core.getInput("model");
  if (!model) throw new UserError("the model input is required (or merge: with shard state files)");
  const shardText = core.getInput("shard");
  let shard: { index: number; count: number } | undefined;
  if (shardText) {
    const m = /^(\d+)\/(\d+)$/.exec(shardText.trim());
    if (!m || Number(m[1]) < 1 || Number(m[1]) > Number(m[2]))
      throw new UserError(`shard must be I/N with 1 <= I <= N, got "${shardText}"`);
    shard = { index: Number(m[1]), count: Number(m[2]) };
  }
  const r = await core.group(`modelgate evaluate ${model}`, () =>
    evaluateRepositoryModel(openWorkspace({ ...io, cwd }), {
      model,
      baseline: core.getInput("baseline") || undefined,
      out: out || undefined,
      resamples,
      shard,
    }),
  );
  core.setOutput("record", show(r.path));
  if (!r.record) {
    io.out(`shard state: ${show(r.path)}\n`);
    return 0;
  }
  io.out(summarize(r.record, show(r.path)));
  if (!r.record.baseline) core.notice(`${model}: ${r.baselineNote}`);
  core.setOutput("candidate", candidateFile(findRoot(cwd), r.record.candidate.source, show));
  core.setOutput("baseline", r.record.baseline?.source ?? "");
  core.setOutput("metrics", JSON.stringify(r.record.candidate.metrics));
  core.setOutput("deltas", JSON.stringify(r.record.deltas));
  return 0;
});
