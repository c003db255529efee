import { createRequire as __mgCreateRequire } from 'node:module'; const require = __mgCreateRequire(import.meta.url);
import {
  parseTimestamp,
  renderText,
  runMonitor
} from "../chunks/chunk-QQUOTNM3.js";
import "../chunks/chunk-F2XIDHYF.js";
import "../chunks/chunk-LCIT2NBM.js";
import "../chunks/chunk-SVYG4AGF.js";
import "../chunks/chunk-NAVHUC6L.js";
import "../chunks/chunk-IUP2DSUK.js";
import "../chunks/chunk-ZKMPUHXQ.js";
import "../chunks/chunk-7R7HQWQJ.js";
import "../chunks/chunk-2OWILWUJ.js";
import "../chunks/chunk-2HXN46L7.js";
import "../chunks/chunk-4BLITTKA.js";
import "../chunks/chunk-FTB6E32E.js";
import {
  resolveContext,
  writeJobSummary
} from "../chunks/chunk-TVF3X2IB.js";
import "../chunks/chunk-X65YSUAR.js";
import "../chunks/chunk-O27KKOZS.js";
import "../chunks/chunk-TYVK2T2V.js";
import "../chunks/chunk-U73FS3GH.js";
import "../chunks/chunk-56DURYJZ.js";
import "../chunks/chunk-UXNPWOCM.js";
import "../chunks/chunk-MJAFSI56.js";
import "../chunks/chunk-BPUDVWNX.js";
import "../chunks/chunk-KQNK6T7H.js";
import "../chunks/chunk-ITYQG6NC.js";
import "../chunks/chunk-QLBLFMMI.js";
import "../chunks/chunk-LXOC5J5Z.js";
import "../chunks/chunk-7NLYG22G.js";
import "../chunks/chunk-G3WJWGWY.js";
import "../chunks/chunk-3BUM2VMV.js";
import "../chunks/chunk-7Q6ZZL3W.js";
import "../chunks/chunk-N2OGNGPG.js";
import "../chunks/chunk-Q4S76GKL.js";
import "../chunks/chunk-SGVNIGME.js";
import "../chunks/chunk-44HAN3UA.js";
import "../chunks/chunk-EJRXWDVW.js";
import "../chunks/chunk-RYALGRLQ.js";
import {
  openWorkspace
} from "../chunks/chunk-2MYDR3ZF.js";
import "../chunks/chunk-6VQLFMRB.js";
import "../chunks/chunk-RQB7ZENY.js";
import "../chunks/chunk-KMWO5SHS.js";
import "../chunks/chunk-DFUR2YEO.js";
import "../chunks/chunk-PPKR4CHL.js";
import "../chunks/chunk-CET7KO5S.js";
import "../chunks/chunk-QOWBSAJO.js";
import {
  actionIo,
  boolInput,
  listInput,
  runAction,
  withGitPushToken
} from "../chunks/chunk-A5QBJPMI.js";
import {
  error,
  getInput,
  group,
  setOutput,
  setSecret
} from "../chunks/chunk-U2N6PYQM.js";
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
  if (r.rollbackRequested) setOutput("rollback", "requested");
  setOutput("json", JSON.stringify(r.plan.output));
  if (rec.verdict === "alert") {
    error(
      `modelgate monitor: ${rec.alerts.length} alert${rec.alerts.length === 1 ? "" : "s"} for ${rec.model.name} ${rec.model.version} in ${rec.environment}; the job summary and ${r.plan.path} hold the details`
    );
    return 1;
  }
  return 0;
});
