import type { StickyIssue } from "../github/index.ts";
import { writeAndPush } from "../ledger/writer.ts";
import type { MonitoringPlan } from "./plan.ts";
import type { RetrainResult } from "./retrain.ts";
import type { Gathered, MonitorSession } from "./session.ts";

/**
 * Writes a monitoring plan: the record committed to the GitOps branch by the GitOps writer (with its trailers; a
 * re-run of the same window finds the same bytes there and commits nothing), then, in Actions, the sticky issue of
 * the model and environment (opened, updated, closed when the alert clears), and on an alert what was asked:
 * a retraining pull request (./retrain.ts), and whether a rollback is asked for. The rollback itself is a promotion
 * pull request that needs the environment's approval (./rollback.ts): in Actions the monitor workflow's rollback job,
 * which runs in the environment, proposes it; `runMonitorWithRollback` (./run.ts) with approval facts. A monitor never
 * deploys.
 */

export interface Applied {
  /** The commit that added the record; undefined when the branch already held it. */
  commit?: string;
  issue?: StickyIssue;
  retrain?: RetrainResult;
  /** An alert for which `--rollback` or spec.monitoring.onAlert asks a rollback pull request. */
  rollbackRequested?: boolean;
}

export async function applyMonitoring(s: MonitorSession, plan: MonitoringPlan, g: Gathered): Promise<Applied> {
  const { ws, opts } = s;
  const written = await writeAndPush(
    ws.git,
    { remote: s.gitops.remote, branch: s.gitops.branch },
    async (tip) => {
      if ((await tip.read(plan.path)) === plan.text) return undefined;
      return { files: plan.files, message: plan.message, tags: [] };
    },
    {
      identity: s.config.spec.identity,
      log: opts.log ?? (() => {}),
      ...(opts.maxAttempts ? { maxAttempts: opts.maxAttempts } : {}),
      ...(opts.backoffMs !== undefined ? { backoffMs: opts.backoffMs } : {}),
    },
  );
  const out: Applied = written ? { commit: written.commit } : {};
  const gh = opts.github;
  const onAlert = new Set(gh ? s.monitoring.onAlert : []);
  // GitHub's client and the retraining's code are loaded where they are used (a run outside Actions needs neither)
  if (gh && onAlert.has("issue")) {
    const { upsertStickyIssue } = await import("../github/index.ts");
    out.issue = await upsertStickyIssue(gh, plan.issue);
  }
  const alert = plan.record.verdict === "alert";
  if (alert && (opts.retrain || onAlert.has("retrain"))) {
    const { proposeRetraining } = await import("./retrain.ts");
    out.retrain = await proposeRetraining(s, plan, g);
  }
  if (alert && (opts.rollback || onAlert.has("rollback"))) out.rollbackRequested = true;
  return out;
}
