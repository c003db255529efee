import { createRequire } from 'node:module';
import { U as UserError } from './hot-help-validate-plan-audit-verify-CiDATK95.js';
import { readFileSync, appendFileSync } from 'node:fs';

const require$1 = createRequire(import.meta.url);
function tuningFromEnv(env) {
  const out = {};
  for (const [name, key] of [
    ["MODELGATE_GITHUB_TIMEOUT", "timeoutMs"],
    ["MODELGATE_GITHUB_BUDGET", "budgetMs"],
    ["MODELGATE_GITHUB_BACKOFF", "retryBaseMs"]
  ]) {
    const v = env[name];
    if (v === void 0 || v === "") continue;
    const n = Number(v);
    if (!Number.isFinite(n) || n <= 0)
      throw new UserError(`${name}="${v}" is not a number of seconds above 0; set e.g. ${name}=60`);
    out[key] = Math.round(n * 1e3);
  }
  return out;
}
function resolveContext(env, flags = {}) {
  const inActions = env.GITHUB_ACTIONS === "true";
  let event;
  if (env.GITHUB_EVENT_PATH) {
    try {
      event = JSON.parse(readFileSync(env.GITHUB_EVENT_PATH, "utf8"));
    } catch (err) {
      throw new UserError(
        `cannot read the event payload at GITHUB_EVENT_PATH=${env.GITHUB_EVENT_PATH}: ${err.message}`
      );
    }
  }
  const full = flags.repo || env.GITHUB_REPOSITORY || event?.repository?.full_name;
  const offline = flags.offline ? `; offline, ${flags.offline}` : "";
  if (!full) {
    throw new UserError(`no repository given: pass --repo OWNER/NAME (or set GITHUB_REPOSITORY)${offline}`);
  }
  const m = /^([A-Za-z0-9_.-]+)\/([A-Za-z0-9_.-]+)$/.exec(full);
  if (!m) throw new UserError(`--repo expects OWNER/NAME, got "${full}"`);
  let pr;
  if (flags.pr !== void 0 && flags.pr !== "") {
    pr = Number(flags.pr);
    if (!Number.isInteger(pr) || pr <= 0) throw new UserError(`--pr expects a pull request number, got "${flags.pr}"`);
  } else if (event?.pull_request?.number) {
    pr = Number(event.pull_request.number);
  } else if (event?.issue?.pull_request && event.issue.number) {
    pr = Number(event.issue.number);
  }
  const token = flags.token || env.GITHUB_TOKEN || env.GH_TOKEN;
  if (!token) {
    const expr = "${{ github.token }}";
    throw new UserError(
      `no GitHub token: set GITHUB_TOKEN (in a workflow: \`env: GITHUB_TOKEN: ${expr}\`, or the action's \`token\` input)${offline}`
    );
  }
  const appSlug = flags.appSlug?.trim() || void 0;
  if (appSlug && !/^[A-Za-z0-9][A-Za-z0-9-]*$/.test(appSlug)) {
    throw new UserError(
      `app-slug expects a GitHub App's slug (letters, digits and hyphens, e.g. my-models-bot), got "${appSlug}"`
    );
  }
  const apiUrl = (env.GITHUB_API_URL || "https://api.github.com").replace(/\/+$/, "");
  const serverUrl = (env.GITHUB_SERVER_URL || "https://github.com").replace(/\/+$/, "");
  const runUrl = env.GITHUB_RUN_ID && inActions ? `${serverUrl}/${m[1]}/${m[2]}/actions/runs/${env.GITHUB_RUN_ID}` : void 0;
  return {
    owner: m[1],
    repo: m[2],
    pr,
    eventHeadSha: event?.pull_request?.head?.sha,
    apiUrl,
    serverUrl,
    token,
    appSlug,
    eventName: env.GITHUB_EVENT_NAME,
    event,
    runUrl,
    inActions,
    http: { ...tuningFromEnv(env), ...flags.http }
  };
}
var JOB_SUMMARY_MAX_BYTES = 1024 * 1024;
function writeJobSummary(text, env = process.env) {
  const path = env.GITHUB_STEP_SUMMARY;
  if (!path) return false;
  let out = text.endsWith("\n") ? text : `${text}
`;
  if (Buffer.byteLength(out) > JOB_SUMMARY_MAX_BYTES) {
    const note = "\n\n\u2026cut to fit the job summary's 1 MiB limit.\n";
    const budget = JOB_SUMMARY_MAX_BYTES - Buffer.byteLength(note);
    let cut = Buffer.from(out).subarray(0, budget).toString("utf8");
    if (cut.endsWith("\uFFFD")) cut = cut.slice(0, -1);
    out = cut + note;
  }
  appendFileSync(path, out);
  return true;
}

export { JOB_SUMMARY_MAX_BYTES as J, resolveContext as r, writeJobSummary as w };
