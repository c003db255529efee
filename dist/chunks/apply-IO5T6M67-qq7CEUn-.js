import { createRequire } from 'node:module';
import { w as writeAndPush } from './chunk-I7OPH6LF-DZAU6hue.js';
import './chunk-QY6YSSUQ-DOW5Hrlb.js';
import './chunk-62RWLHT6-DusoIaw8.js';
import './chunk-DFUR2YEO-CrRpRbga.js';
import './hot-validate-plan-audit-verify-DglurztO.js';
import './hot-help-validate-plan-audit-verify-CiDATK95.js';
import 'node:fs/promises';
import 'node:os';
import 'node:path';
import 'node:timers/promises';
import 'node:fs';
import 'node:util';
import 'node:crypto';
import 'node:child_process';
import 'node:worker_threads';

const require$1 = createRequire(import.meta.url);

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
    const { upsertStickyIssue } = await import('./github-QFNA3VY4-B1i7MdT9.js');
    out.issue = await upsertStickyIssue(gh, plan.issue);
  }
  const alert = plan.record.verdict === "alert";
  if (alert && (opts.retrain || onAlert.has("retrain"))) {
    const { proposeRetraining } = await import('./retrain-WONMN7X7-BG0DediH.js');
    out.retrain = await proposeRetraining(s, plan, g);
  }
  if (alert && (opts.rollback || onAlert.has("rollback"))) out.rollbackRequested = true;
  return out;
}

export { applyMonitoring };
