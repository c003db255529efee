import { createRequire } from 'node:module';
import { r as runMonitor, a as renderText } from '../chunks/chunk-VZA3NT3X--wGmD8N5.js';
import { p as parseTimestamp } from '../chunks/chunk-MQCGLXLB-CbrzXGu1.js';
import '../chunks/chunk-TTEN63ZV-SY8ycxCd.js';
import '../chunks/hot-verify-CS61MYk-.js';
import '../chunks/chunk-6ISN4EGF-OY3v5fbb.js';
import '../chunks/chunk-UJBNVSBJ-FdgIgU5w.js';
import '../chunks/chunk-DL6T25Z3-Dn6jH0Bt.js';
import '../chunks/hot-validate-Cbhe7qur.js';
import '../chunks/chunk-QY6YSSUQ-DOW5Hrlb.js';
import '../chunks/chunk-3XFCJ3SQ-CY1KQCXb.js';
import '../chunks/chunk-62RWLHT6-DusoIaw8.js';
import '../chunks/hot-audit-verify-DZYJh8zf.js';
import '../chunks/chunk-NKXRGQC5-h4gDLlTY.js';
import { r as resolveContext, w as writeJobSummary } from '../chunks/chunk-BJUODENM-D7tbkoXJ.js';
import '../chunks/chunk-KDNZQSEI-BmEYO2Wc.js';
import '../chunks/chunk-OTHSGMS3-yPQ0aSNM.js';
import '../chunks/chunk-2EP4N2N2-TUQsqfkI.js';
import '../chunks/chunk-2N2GYVU3-BuZWoH5t.js';
import '../chunks/chunk-RUQEVCOP-DcryHeG5.js';
import '../chunks/hot-validate-verify-COnm42W2.js';
import '../chunks/chunk-7QV4TYNM-KsfEaxRL.js';
import { U as UserError } from '../chunks/hot-help-validate-plan-audit-verify-CiDATK95.js';
import '../chunks/chunk-ZYONVBQU-s7z3Z2Hp.js';
import '../chunks/chunk-UBMSCOQN-DvpQ3ehE.js';
import '../chunks/chunk-OYQDDGAU-Dpe-Jqkv.js';
import '../chunks/chunk-2ZLDIS45-ZCAU1cz0.js';
import '../chunks/chunk-U6HQLEKJ-DFuKjzG7.js';
import '../chunks/chunk-YK35P24K-BysRypHz.js';
import '../chunks/hot-validate-plan-DjS3M9MR.js';
import '../chunks/hot-validate-plan-audit-verify-DglurztO.js';
import { o as openWorkspace } from '../chunks/hot-plan-YWGJn6IT.js';
import '../chunks/hot-validate-plan-verify-C9JqfCVv.js';
import '../chunks/chunk-DFUR2YEO-CrRpRbga.js';
import { r as runAction, a as actionIo, l as listInput, w as withGitPushToken, b as boolInput } from '../chunks/chunk-GQCH3TPH-DiKVRF7d.js';
import { g as getInput, s as setSecret, a as group, b as setOutput, e as error } from '../chunks/chunk-U2N6PYQM-Bne4_qtb.js';
import { resolve } from 'node:path';
import 'node:fs';
import 'node:fs/promises';
import 'node:os';
import 'node:crypto';
import 'node:worker_threads';
import 'node:timers/promises';
import 'node:v8';
import 'node:child_process';
import 'node:url';
import 'node:util';
import 'os';
import 'crypto';
import 'fs';
import 'http';
import 'https';

const require$1 = createRequire(import.meta.url);
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
