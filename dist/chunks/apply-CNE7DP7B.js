import { createRequire as __mgCreateRequire } from 'node:module'; const require = __mgCreateRequire(import.meta.url);
import {
  writeAndPush
} from "./chunk-I7OPH6LF.js";
import "./chunk-QY6YSSUQ.js";
import "./chunk-62RWLHT6.js";
import "./chunk-DFUR2YEO.js";
import "./chunk-AVCTVMN2.js";
import "./chunk-VPZGVLTG.js";
import "./chunk-CCN2QAD7.js";

// src/monitor/apply.ts
async function applyMonitoring(s, plan, g) {
  const { ws, opts } = s;
  const written = await writeAndPush(
    ws.git,
    { remote: s.gitops.remote, branch: s.gitops.branch },
    async (tip) => {
      if (await tip.read(plan.path) === plan.text) return void 0;
      return { files: plan.files, message: plan.message, tags: [] };
    },
    {
      identity: s.config.spec.identity,
      log: opts.log ?? (() => {
      }),
      ...opts.maxAttempts ? { maxAttempts: opts.maxAttempts } : {},
      ...opts.backoffMs !== void 0 ? { backoffMs: opts.backoffMs } : {}
    }
  );
  const out = written ? { commit: written.commit } : {};
  const gh = opts.github;
  const onAlert = new Set(gh ? s.monitoring.onAlert : []);
  if (gh && onAlert.has("issue")) {
    const { upsertStickyIssue } = await import("./github-QFNA3VY4.js");
    out.issue = await upsertStickyIssue(gh, plan.issue);
  }
  const alert = plan.record.verdict === "alert";
  if (alert && (opts.retrain || onAlert.has("retrain"))) {
    const { proposeRetraining } = await import("./retrain-IDVO2CWM.js");
    out.retrain = await proposeRetraining(s, plan, g);
  }
  if (alert && (opts.rollback || onAlert.has("rollback"))) out.rollbackRequested = true;
  return out;
}
export {
  applyMonitoring
};
