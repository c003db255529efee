import { resolve } from "node:path";
import * as core from "@actions/core";
import { TrainingFailed, trainModel } from "../train/train.ts";
import { secretValues } from "../train/mask.ts";
import { openWorkspace } from "../workspace/workspace.ts";
import { actionIo, boolInput, runAction } from "./_runtime.ts";

await runAction("train", async () => {
  const io = actionIo();
  // Register the values the training log masks, so the runner masks them too wherever they appear.
  for (const s of secretValues(io.env)) core.setSecret(s);
  const cwd = resolve(io.cwd, core.getInput("working-directory") || ".");
  const model = core.getInput("model", { required: true });
  const timeout = core.getInput("timeout-minutes");
  const reproduce = boolInput("reproduce", false);
  try {
    const r = await core.group(`modelgate train ${model}`, () =>
      trainModel(openWorkspace(io, { cwd }), model, {
        reproduce,
        timeoutMinutes: timeout ? Number(timeout) : undefined,
      }),
    );
    const o = r.record.output!;
    io.out(`trained ${model} ${r.record.model.version}: ${o.artifact} sha256:${o.sha256}\n`);
    for (const n of r.notes) core.notice(n);
    core.setOutput("artifact", o.artifact);
    core.setOutput("sha256", o.sha256);
    core.setOutput("record", r.recordPath);
    core.setOutput("log", r.logPath);
    core.setOutput("reproducible", r.record.reproduce ? String(r.record.reproduce.identical) : "");
    return 0;
  } catch (err) {
    if (err instanceof TrainingFailed) {
      core.setOutput("record", err.result.recordPath);
      core.setOutput("log", err.result.logPath);
    }
    throw err;
  }
});
