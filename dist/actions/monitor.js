import { createRequire as __mgCreateRequire } from 'node:module'; const require = __mgCreateRequire(import.meta.url);
import {
  renderText,
  runMonitor
} from "../chunks/chunk-SDWYEOI3.js";
import {
  parseTimestamp
} from "../chunks/chunk-7EF4AYTM.js";
import "../chunks/chunk-6TLLRQX3.js";
import "../chunks/chunk-PYWNDI4J.js";
import "../chunks/chunk-KDZQMBUG.js";
import "../chunks/chunk-ZEUYWIH2.js";
import "../chunks/chunk-ZZZMVQIV.js";
import "../chunks/chunk-BS4AG7M6.js";
import "../chunks/chunk-I6WWZ43L.js";
import "../chunks/chunk-FDR4IDFB.js";
import "../chunks/chunk-YYXK4NTP.js";
import "../chunks/chunk-IUP2DSUK.js";
import "../chunks/chunk-GDI6RP6P.js";
import "../chunks/chunk-LZAAZF7X.js";
import "../chunks/chunk-MNVFN7U6.js";
import "../chunks/chunk-CET7KO5S.js";
import "../chunks/chunk-CJ57OHVI.js";
import "../chunks/chunk-62RWLHT6.js";
import "../chunks/chunk-66TRT6UF.js";
import "../chunks/chunk-HUL4MPMY.js";
import "../chunks/chunk-YN67MKMD.js";
import "../chunks/chunk-Z5SC7QS6.js";
import "../chunks/chunk-4BLITTKA.js";
import "../chunks/chunk-PEFSGJFO.js";
import {
  resolveContext,
  writeJobSummary
} from "../chunks/chunk-QR72UADD.js";
import "../chunks/chunk-YOBALZSW.js";
import "../chunks/chunk-R6G3I7Z7.js";
import "../chunks/chunk-CNXNFV7N.js";
import "../chunks/chunk-6E32F27Q.js";
import "../chunks/chunk-TYVK2T2V.js";
import "../chunks/chunk-U73FS3GH.js";
import "../chunks/chunk-CGGEW7VW.js";
import "../chunks/chunk-GJQMWFI5.js";
import "../chunks/chunk-YI3RFVVZ.js";
import "../chunks/chunk-AFJTW5JC.js";
import "../chunks/chunk-4USZLPHI.js";
import "../chunks/chunk-JPD5CG23.js";
import "../chunks/chunk-CG5OMBRI.js";
import "../chunks/chunk-M57FEL6J.js";
import "../chunks/chunk-WQU6PLY4.js";
import "../chunks/chunk-HESXV63B.js";
import "../chunks/chunk-ILZOLU62.js";
import "../chunks/chunk-BQ3X32ZS.js";
import "../chunks/chunk-IVKPBSHK.js";
import "../chunks/chunk-62NAQUBS.js";
import "../chunks/chunk-3BUM2VMV.js";
import "../chunks/chunk-ULLVEJ36.js";
import "../chunks/chunk-JEOHWBFY.js";
import "../chunks/chunk-LUO2V2UB.js";
import "../chunks/chunk-WQ3D7RZK.js";
import "../chunks/chunk-HGXR76P3.js";
import "../chunks/chunk-YK35P24K.js";
import "../chunks/chunk-2Z7WG6JL.js";
import "../chunks/chunk-MMEZHR7H.js";
import "../chunks/chunk-EJRXWDVW.js";
import {
  openWorkspace
} from "../chunks/chunk-5X42ASO2.js";
import "../chunks/chunk-TFTFQJOP.js";
import "../chunks/chunk-RQB7ZENY.js";
import "../chunks/chunk-DFUR2YEO.js";
import "../chunks/chunk-RWWTBGNL.js";
import "../chunks/chunk-YZUBQ7DK.js";
import "../chunks/chunk-XHJYYTBS.js";
import "../chunks/chunk-S43IQFRZ.js";
import "../chunks/chunk-BW3OKQ3E.js";
import "../chunks/chunk-QOWBSAJO.js";
import {
  actionIo,
  boolInput,
  listInput,
  runAction,
  withGitPushToken
} from "../chunks/chunk-4GRI4MF2.js";
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
