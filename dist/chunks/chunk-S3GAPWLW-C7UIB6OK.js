import { createRequire } from 'node:module';
import { o as openRelease, p as planRelease, a as applyRelease } from './chunk-XTTDOJEG-BXV6SU6K.js';
import { d as defaultBranch } from './chunk-I7OPH6LF-DZAU6hue.js';
import { a as monitoringRecordPath, m as monitoringRecordSchema } from './chunk-UJBNVSBJ-FdgIgU5w.js';
import { d as defaultEnvironment } from './chunk-DL6T25Z3-Dn6jH0Bt.js';
import { i as isRepository, g as fetchBranch } from './chunk-QY6YSSUQ-DOW5Hrlb.js';
import { y as versionTag, O as parseLedger, D as promotionsPath, z as currentIn, f as escapeMd } from './hot-audit-verify-DZYJh8zf.js';
import { q as sha256Bytes } from './hot-validate-Cbhe7qur.js';
import { o as findModel } from './hot-validate-plan-DjS3M9MR.js';
import { C as CheckFailed, U as UserError } from './hot-help-validate-plan-audit-verify-CiDATK95.js';

const require$1 = createRequire(import.meta.url);

// src/monitor/rollback.ts
async function proposeRollback(ws, opts) {
  const target = await rollbackTarget(ws, opts);
  if ("skipped" in target) return target;
  const { environment, current, alert, previous } = target;
  const session = await openRelease(ws, {
    model: opts.model,
    version: previous,
    environment,
    ...opts.actor ? { actor: opts.actor } : {},
    ...opts.runId !== void 0 ? { runId: opts.runId } : {},
    ...opts.facts ? { facts: opts.facts } : {},
    ...opts.token ? { token: opts.token } : {},
    ...opts.repo ? { repo: opts.repo } : {},
    ...opts.http ? { http: opts.http } : {},
    ...opts.signingKey ? { signingKey: opts.signingKey } : {},
    ...opts.statementsDir ? { statementsDir: opts.statementsDir } : {},
    ...opts.log ? { log: opts.log } : {},
    ...opts.maxAttempts ? { maxAttempts: opts.maxAttempts } : {},
    ...opts.backoffMs !== void 0 ? { backoffMs: opts.backoffMs } : {},
    dryRun: Boolean(opts.dryRun)
  });
  session.environment = { ...session.environment, promotion: "pull-request", requiresApproval: true };
  let plan;
  try {
    plan = await planRelease(session);
  } catch (err) {
    if (err instanceof CheckFailed)
      throw new CheckFailed(
        `rollback of ${opts.model} in ${environment} to ${previous} not proposed (a monitor's rollback needs the environment's approval and a releaser, as every release): ${err.message}`
      );
    throw err;
  }
  if (plan.kind === "promote" && plan.write.to === "pull-request") {
    const cause = describeAlert(alert, current, ws.repo.config.spec.paths.records, opts.model);
    plan.write = {
      ...plan.write,
      title: `Roll back ${opts.model} to ${previous} in ${environment} (monitoring alert)`,
      body: `${plan.write.body}

${cause}`
    };
  }
  const release = opts.dryRun ? void 0 : await applyRelease(session, plan);
  return {
    monitoringRecord: alert.digest,
    from: current.record.model.version,
    version: previous,
    tag: versionTag(opts.model, previous),
    ...release ? { release } : {}
  };
}
async function rollbackTarget(ws, opts) {
  const config = ws.repo.config;
  const manifest = findModel(ws.repo, opts.model).value;
  const environment = opts.environment ?? manifest.spec.monitoring?.environment ?? defaultEnvironment(config);
  if (!await isRepository(ws.git))
    throw new UserError(`${ws.root} is not in a git repository; a rollback is proposed from a clone`);
  const remote = config.spec.gitops.remote ?? "origin";
  const branch = config.spec.gitops.branch ?? await defaultBranch(ws.git, remote);
  const tip = await fetchBranch(ws.git, remote, branch, "refs/modelgate/monitor/tip");
  if (!tip) throw new UserError(`cannot read the GitOps branch ${branch} of ${remote}`);
  const records = config.spec.paths.records;
  const { entries } = parseLedger(await ws.git.show(tip, promotionsPath(records, opts.model)) ?? "");
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
async function alertOn(ws, tip, records, opts, environment, current) {
  const folder = `${records}/${opts.model}/monitoring`;
  const paths = opts.record ? [monitoringRecordPath(records, opts.model, opts.record.replace(/^sha256:/, ""))] : (await ws.git.listFiles(tip, [folder])).filter((p) => /\/[0-9a-f]{64}\.json$/.test(p));
  let best;
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
        skipped: `monitoring record ${digest.slice(7, 19)} is not an alert on what runs in ${environment} now (${current.record.model.version}, promotion ${current.digest.slice(7, 19)})`
      };
    if (onCurrent && (!best || record.window.until > best.record.window.until)) best = { digest, record };
  }
  if (best && best.record.verdict !== "alert")
    return {
      skipped: `the newest monitoring record of ${opts.model} ${current.record.model.version} in ${environment} (${best.digest.slice(7, 19)}, window to ${best.record.window.until}) does not alert`
    };
  return best ?? { skipped: `no monitoring alert on ${opts.model} ${current.record.model.version} in ${environment}` };
}
function describeAlert(alert, current, records, model) {
  const r = alert.record;
  const lines = [
    `Asked by the monitoring alert \`${monitoringRecordPath(records, model, alert.digest.slice(7))}\` on ${escapeMd(r.model.name)} ${escapeMd(current.record.model.version)} (window ${r.window.since} to ${r.window.until}, ${r.window.rows} rows):`,
    "",
    ...r.alerts.map((a) => `- ${escapeMd(a.message)}`),
    "",
    "The environment's reviewers approved this proposal's run; merging it deploys the rollback."
  ];
  return lines.join("\n");
}
function previousVersion(entries, environment, current) {
  const at = entries.findIndex((e) => e.digest === current);
  if (at < 0) return void 0;
  const version = entries[at].record.model.version;
  for (let i = at - 1; i >= 0; i--) {
    const r = entries[i].record;
    if (r.environment === environment && r.model.version !== version) return r.model.version;
  }
  return void 0;
}

export { previousVersion as a, proposeRollback as p };
