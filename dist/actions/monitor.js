import { createRequire as __mgCreateRequire } from 'node:module'; const require = __mgCreateRequire(import.meta.url);
import {
  renderText,
  runMonitor
} from "../chunks/chunk-OA6RA2FP.js";
import "../chunks/chunk-7R5MOTPG.js";
import {
  parseTimestamp
} from "../chunks/chunk-MQCGLXLB.js";
import "../chunks/chunk-TTEN63ZV.js";
import "../chunks/chunk-WHN7KFKK.js";
import "../chunks/chunk-6ISN4EGF.js";
import "../chunks/chunk-UJBNVSBJ.js";
import "../chunks/chunk-DL6T25Z3.js";
import "../chunks/chunk-QT2EU3SI.js";
import "../chunks/chunk-OL25SVDW.js";
import "../chunks/chunk-QY6YSSUQ.js";
import "../chunks/chunk-3XFCJ3SQ.js";
import "../chunks/chunk-62RWLHT6.js";
import "../chunks/chunk-FDJDL6UK.js";
import "../chunks/chunk-NBE4FVDL.js";
import "../chunks/chunk-VWVBXSYG.js";
import "../chunks/chunk-YN67MKMD.js";
import "../chunks/chunk-DNC5GW5B.js";
import "../chunks/chunk-4BLITTKA.js";
import "../chunks/chunk-NKXRGQC5.js";
import {
  resolveContext,
  writeJobSummary
} from "../chunks/chunk-BJUODENM.js";
import "../chunks/chunk-6LQ44VET.js";
import "../chunks/chunk-NP3OSGPT.js";
import "../chunks/chunk-ES2OW2N4.js";
import "../chunks/chunk-XKBXOX3L.js";
import "../chunks/chunk-TYVK2T2V.js";
import "../chunks/chunk-U73FS3GH.js";
import "../chunks/chunk-FKCR242C.js";
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
import "../chunks/chunk-ZYONVBQU.js";
import "../chunks/chunk-UBMSCOQN.js";
import "../chunks/chunk-OYQDDGAU.js";
import "../chunks/chunk-2ZLDIS45.js";
import "../chunks/chunk-U6HQLEKJ.js";
import "../chunks/chunk-YK35P24K.js";
import "../chunks/chunk-4JQXYHBV.js";
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
import "../chunks/chunk-A6WGSW5D.js";
import {
  actionIo,
  boolInput,
  listInput,
  runAction,
  withGitPushToken
} from "../chunks/chunk-GQCH3TPH.js";
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
