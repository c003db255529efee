import { sha256Bytes } from "../data/hash.ts";
import { CheckFailed, UserError } from "../errors.ts";
import type { GitHubContext } from "../github/index.ts";
import { fetchBranch, isRepository } from "../git/remote.ts";
import { currentIn, type LedgerEntry, parseLedger, promotionsPath } from "../ledger/ledger.ts";
import { versionTag } from "../ledger/tags.ts";
import { defaultBranch } from "../ledger/writer.ts";
import { findModel } from "../manifest/repo.ts";
import { type MonitoringRecord, monitoringRecordPath, monitoringRecordSchema } from "../records/monitoring.ts";
import type { ReleaseResult } from "../release/result.ts";
import { applyRelease, openRelease, planRelease } from "../release/run.ts";
import { defaultEnvironment } from "../release/default-environment.ts";
import { escapeMd } from "../report/escape.ts";
import type { Workspace } from "../workspace/workspace.ts";

/**
 * `--rollback`: a promotion pull request back to the version the environment ran before the one an alert watched.
 * It is release's own promotion, made in-process by the release service (src/release/run.ts) for that version, with
 * two settings forced whatever modelgate.yaml says for the environment: `promotion: pull-request` (the overlay change
 * and its promotion record, action `rollback`, go on a branch with a pull request that a person merges; the GitOps
 * branch does not change before that) and `requiresApproval: true` (release's own check: the run must carry an
 * approval of the environment's GitHub reviewers, so in Actions the job runs in `environment: <env>` and starts only
 * once they approve; without one nothing is pushed or opened). The releaser checks, the record, the stage tag and the
 * pull request are release's. A monitor never deploys: it proposes.
 */

export interface RollbackOptions {
  model: string;
  /** Default: the manifest's spec.monitoring.environment, else production. */
  environment?: string;
  /**
   * The monitoring record (sha256 of its bytes) whose alert asks for the rollback; default, when the manifest's
   * spec.monitoring.onAlert lists rollback: the newest record on the GitOps branch of the promotion running now, if it
   * alerts.
   */
  record?: string;
  /** Release's facts: who releases, the approved run, or a facts file (outside Actions), GitHub's API. */
  actor?: string;
  runId?: string | number;
  facts?: string;
  token?: string;
  repo?: string;
  http?: GitHubContext["http"];
  signingKey?: string;
  statementsDir?: string;
  dryRun?: boolean;
  log?: (line: string) => void;
  maxAttempts?: number;
  backoffMs?: number;
}

export interface RollbackResult {
  /** Why nothing was proposed (no alert on what runs now, no earlier version). */
  skipped?: string;
  /** The alert's monitoring record (sha256), the version it watched, and the version to go back to. */
  monitoringRecord?: string;
  from?: string;
  version?: string;
  tag?: string;
  /** Release's result for the proposal (outcome proposed, or unchanged when the branch exists already). */
  release?: ReleaseResult;
}

/** The environment's promotion, the alert that asks to leave it, and the version to go back to. */
export interface RollbackTarget {
  environment: string;
  current: LedgerEntry;
  alert: { digest: string; record: MonitoringRecord };
  previous: string;
}

export async function proposeRollback(ws: Workspace, opts: RollbackOptions): Promise<RollbackResult> {
  const target = await rollbackTarget(ws, opts);
  if ("skipped" in target) return target;
  const { environment, current, alert, previous } = target;
  const session = await openRelease(ws, {
    model: opts.model,
    version: previous,
    environment,
    ...(opts.actor ? { actor: opts.actor } : {}),
    ...(opts.runId !== undefined ? { runId: opts.runId } : {}),
    ...(opts.facts ? { facts: opts.facts } : {}),
    ...(opts.token ? { token: opts.token } : {}),
    ...(opts.repo ? { repo: opts.repo } : {}),
    ...(opts.http ? { http: opts.http } : {}),
    ...(opts.signingKey ? { signingKey: opts.signingKey } : {}),
    ...(opts.statementsDir ? { statementsDir: opts.statementsDir } : {}),
    ...(opts.log ? { log: opts.log } : {}),
    ...(opts.maxAttempts ? { maxAttempts: opts.maxAttempts } : {}),
    ...(opts.backoffMs !== undefined ? { backoffMs: opts.backoffMs } : {}),
    dryRun: Boolean(opts.dryRun),
  });
  // whatever modelgate.yaml says: a pull request, and only with the environment's approval
  session.environment = { ...session.environment, promotion: "pull-request", requiresApproval: true };
  let plan: Awaited<ReturnType<typeof planRelease>>;
  try {
    plan = await planRelease(session);
  } catch (err) {
    if (err instanceof CheckFailed)
      throw new CheckFailed(
        `rollback of ${opts.model} in ${environment} to ${previous} not proposed (a monitor's rollback needs the environment's approval and a releaser, as every release): ${err.message}`,
      );
    throw err;
  }
  if (plan.kind === "promote" && plan.write.to === "pull-request") {
    const cause = describeAlert(alert, current, ws.repo.config.spec.paths.records, opts.model);
    plan.write = {
      ...plan.write,
      title: `Roll back ${opts.model} to ${previous} in ${environment} (monitoring alert)`,
      body: `${plan.write.body}\n\n${cause}`,
    };
  }
  const release = opts.dryRun ? undefined : await applyRelease(session, plan);
  return {
    monitoringRecord: alert.digest,
    from: current.record.model.version,
    version: previous,
    tag: versionTag(opts.model, previous),
    ...(release ? { release } : {}),
  };
}

/** Reads the GitOps branch: what runs in the environment, the alert on it, and the version that ran before. */
async function rollbackTarget(
  ws: Workspace,
  opts: Pick<RollbackOptions, "model" | "environment" | "record">,
): Promise<RollbackTarget | { skipped: string }> {
  const config = ws.repo.config;
  const manifest = findModel(ws.repo, opts.model).value;
  const environment = opts.environment ?? manifest.spec.monitoring?.environment ?? defaultEnvironment(config);
  if (!(await isRepository(ws.git)))
    throw new UserError(`${ws.root} is not in a git repository; a rollback is proposed from a clone`);
  const remote = config.spec.gitops.remote ?? "origin";
  const branch = config.spec.gitops.branch ?? (await defaultBranch(ws.git, remote));
  const tip = await fetchBranch(ws.git, remote, branch, "refs/modelgate/monitor/tip");
  if (!tip) throw new UserError(`cannot read the GitOps branch ${branch} of ${remote}`);
  const records = config.spec.paths.records;
  const { entries } = parseLedger((await ws.git.show(tip, promotionsPath(records, opts.model))) ?? "");
  const current = currentIn(entries, environment);
  if (!current) return { skipped: `no version of ${opts.model} runs in ${environment}` };
  if (!opts.record && !manifest.spec.monitoring?.onAlert.includes("rollback"))
    return { skipped: `spec.monitoring.onAlert of ${opts.model} does not list rollback` };
  const alert = await alertOn(ws, tip, records, opts, environment, current);
  if ("skipped" in alert) return alert;
  const previous = previousVersion(entries, environment, current.digest);
  if (!previous) return { skipped: `no earlier version of ${opts.model} ran in ${environment}` };
  return { environment, current, alert, previous };
}

/**
 * The monitoring record that asks for the rollback: the one named, which must alert on the promotion running now; or
 * the newest record (by its window's end) on that promotion, which must alert (an alert that later windows cleared
 * asks for nothing).
 */
async function alertOn(
  ws: Workspace,
  tip: string,
  records: string,
  opts: Pick<RollbackOptions, "model" | "record">,
  environment: string,
  current: LedgerEntry,
): Promise<{ digest: string; record: MonitoringRecord } | { skipped: string }> {
  const folder = `${records}/${opts.model}/monitoring`;
  const paths = opts.record
    ? [monitoringRecordPath(records, opts.model, opts.record.replace(/^sha256:/, ""))]
    : (await ws.git.listFiles(tip, [folder])).filter((p) => /\/[0-9a-f]{64}\.json$/.test(p));
  let best: { digest: string; record: MonitoringRecord } | undefined;
  for (const path of paths) {
    const bytes = await ws.git.showBytes(tip, path);
    if (!bytes) throw new UserError(`${path}: no such monitoring record on the GitOps branch`);
    const digest = `sha256:${sha256Bytes(bytes)}`;
    if (!path.endsWith(`/${digest.slice(7)}.json`))
      throw new CheckFailed(`${path}: its bytes hash to ${digest}, not its name; the record was edited`);
    const record = monitoringRecordSchema.parse(JSON.parse(bytes.toString("utf8")));
    const onCurrent = record.environment === environment && record.promotion.record === current.digest;
    if (opts.record && !(onCurrent && record.verdict === "alert"))
      return {
        skipped: `monitoring record ${digest.slice(7, 19)} is not an alert on what runs in ${environment} now (${current.record.model.version}, promotion ${current.digest.slice(7, 19)})`,
      };
    if (onCurrent && (!best || record.window.until > best.record.window.until)) best = { digest, record };
  }
  if (best && best.record.verdict !== "alert")
    return {
      skipped: `the newest monitoring record of ${opts.model} ${current.record.model.version} in ${environment} (${best.digest.slice(7, 19)}, window to ${best.record.window.until}) does not alert`,
    };
  return best ?? { skipped: `no monitoring alert on ${opts.model} ${current.record.model.version} in ${environment}` };
}

function describeAlert(
  alert: { digest: string; record: MonitoringRecord },
  current: LedgerEntry,
  records: string,
  model: string,
): string {
  const r = alert.record;
  const lines = [
    `Asked by the monitoring alert \`${monitoringRecordPath(records, model, alert.digest.slice(7))}\` on ${escapeMd(r.model.name)} ${escapeMd(current.record.model.version)} (window ${r.window.since} to ${r.window.until}, ${r.window.rows} rows):`,
    "",
    ...r.alerts.map((a) => `- ${escapeMd(a.message)}`),
    "",
    "The environment's reviewers approved this proposal's run; merging it deploys the rollback.",
  ];
  return lines.join("\n");
}

/**
 * The version an environment ran before the one `current` (a ledger entry's digest) put there: the latest earlier
 * entry for the environment with another version.
 */
export function previousVersion(entries: LedgerEntry[], environment: string, current: string): string | undefined {
  const at = entries.findIndex((e) => e.digest === current);
  if (at < 0) return undefined;
  const version = entries[at].record.model.version;
  for (let i = at - 1; i >= 0; i--) {
    const r = entries[i].record;
    if (r.environment === environment && r.model.version !== version) return r.model.version;
  }
  return undefined;
}
