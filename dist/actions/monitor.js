import { createRequire as __mgCreateRequire } from 'node:module'; const require = __mgCreateRequire(import.meta.url);
import {
  parseTimestamp,
  renderText,
  runMonitor
} from "../chunks/chunk-PGC3QEOP.js";
import "../chunks/chunk-24QGWIVJ.js";
import "../chunks/chunk-GP7PTS52.js";
import "../chunks/chunk-2BJPAHIH.js";
import "../chunks/chunk-QVTZ3WRW.js";
import "../chunks/chunk-W25P7FJR.js";
import "../chunks/chunk-4BLITTKA.js";
import {
  resolveContext,
  writeJobSummary
} from "../chunks/chunk-QWMNQFYR.js";
import "../chunks/chunk-KFQZAHPT.js";
import "../chunks/chunk-GMOKSZ4Z.js";
import "../chunks/chunk-TYVK2T2V.js";
import "../chunks/chunk-U73FS3GH.js";
import "../chunks/chunk-3ZPMFXZI.js";
import "../chunks/chunk-H5HDO6CS.js";
import "../chunks/chunk-7XCPHYBP.js";
import "../chunks/chunk-IVEDCC66.js";
import "../chunks/chunk-JKXZ7UUB.js";
import "../chunks/chunk-CCZROEOA.js";
import "../chunks/chunk-7NLYG22G.js";
import "../chunks/chunk-C2SNXGYQ.js";
import "../chunks/chunk-3BUM2VMV.js";
import "../chunks/chunk-6NYQBZND.js";
import "../chunks/chunk-EZNW2EO3.js";
import "../chunks/chunk-6DLVQG5F.js";
import "../chunks/chunk-EJRXWDVW.js";
import {
  openWorkspace
} from "../chunks/chunk-IFQWKWHI.js";
import "../chunks/chunk-E6R2VPCC.js";
import "../chunks/chunk-RQB7ZENY.js";
import "../chunks/chunk-AWCHZ6SK.js";
import "../chunks/chunk-DFUR2YEO.js";
import "../chunks/chunk-M65JNBWF.js";
import "../chunks/chunk-PPKR4CHL.js";
import "../chunks/chunk-CET7KO5S.js";
import "../chunks/chunk-QOWBSAJO.js";
import {
  actionIo,
  boolInput,
  listInput,
  runAction,
  withGitPushToken
} from "../chunks/chunk-IUVAUNZX.js";
import {
  error,
  getInput,
  group,
  setOutput,
  setSecret
} from "../chunks/chunk-HKORXWJV.js";
import "../chunks/chunk-4AOTTLI5.js";
import {
  UserError
} from "../chunks/chunk-VPZGVLTG.js";
import "../chunks/chunk-CCN2QAD7.js";

// src/actions/monitor.ts
import { resolve } from "node:path";
function time(name) {
  const v = getInput(name);
  if (!v) return void 0;
  const t = /^\d{4}-\d{2}-\d{2}$/.test(v) ? Date.parse(`${v}T00:00:00Z`) : parseTimestamp(v);
  if (!Number.isFinite(t))
    throw new UserError(`input ${name} is "${v}": give RFC 3339 with a zone, a date or epoch seconds`);
  return t;
}
await runAction("monitor", async () => {
  const io = actionIo();
  const token = getInput("token");
  if (token) setSecret(token);
  const cwd = resolve(io.cwd, getInput("working-directory") || ".");
  const model = getInput("model");
  if (!model) throw new UserError("the model input is required");
  const logs = listInput("logs");
  if (logs.length === 0) throw new UserError("the logs input is required: files or folders of logs, one per line");
  const github = resolveContext(io.env, { token: token || void 0, appSlug: getInput("app-slug") || void 0 });
  io.env = await withGitPushToken(cwd, token, io.env);
  const r = await group(
    `modelgate monitor ${model}`,
    () => runMonitor(openWorkspace({ ...io, cwd }, { cwd, env: io.env }), {
      model,
      logs,
      labels: listInput("labels"),
      environment: getInput("environment") || void 0,
      since: time("since"),
      until: time("until"),
      retrain: boolInput("retrain", false),
      rollback: boolInput("rollback", false),
      dryRun: boolInput("dry-run", false),
      releaseWorkflow: getInput("release-workflow") || void 0,
      github,
      log: (line) => io.err(`${line}
`)
    })
  );
  const rec = r.plan.record;
  io.out(renderText(rec, { path: r.plan.path, ...r.commit ? { commit: r.commit } : {} }));
  writeJobSummary(r.plan.summary, io.env);
  setOutput("verdict", rec.verdict);
  setOutput("alerts", rec.alerts.length);
  setOutput("record", r.plan.path);
  setOutput("record-digest", r.plan.digest);
  setOutput("commit", r.commit ?? "");
  setOutput("issue", r.issue?.number ? String(r.issue.number) : "");
  setOutput("retrain-branch", r.retrain?.branch ?? "");
  setOutput("pull-request", r.retrain?.pullRequest ? String(r.retrain.pullRequest.number) : "");
  setOutput("rollback", r.rollback?.dispatched ? r.rollback.version ?? "" : "");
  setOutput("json", JSON.stringify(r.plan.output));
  if (rec.verdict === "alert") {
    error(
      `modelgate monitor: ${rec.alerts.length} alert${rec.alerts.length === 1 ? "" : "s"} for ${rec.model.name} ${rec.model.version} in ${rec.environment}; the job summary and ${r.plan.path} hold the details`
    );
    return 1;
  }
  return 0;
});
