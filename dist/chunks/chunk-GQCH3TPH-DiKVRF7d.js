import { createRequire } from 'node:module';
import { d as setFailed, g as getInput, s as setSecret } from './chunk-U2N6PYQM-Bne4_qtb.js';
import { g as EXIT_USAGE, h as describeError, l as logWriter, U as UserError } from './hot-help-validate-plan-audit-verify-CiDATK95.js';
import { isMainThread } from 'node:worker_threads';

const require$1 = createRequire(import.meta.url);
async function runAction(name, fn) {
  if (!isMainThread) return;
  try {
    const code = await fn();
    if (typeof code === "number" && code !== 0) {
      if (code === EXIT_USAGE) setFailed(`modelgate ${name}: configuration error (see the log above)`);
      else setFailed(`modelgate ${name}: failed (see the log above)`);
      process.exitCode = code;
    }
  } catch (err) {
    const d = describeError(err);
    setFailed(`modelgate ${name}: ${d.message}`);
    process.exitCode = d.exitCode;
  }
}
function actionIo() {
  const log = logWriter((t) => process.stdout.write(t), process.env);
  return {
    out: log,
    err: log,
    command: (t) => process.stdout.write(t),
    cwd: process.env.GITHUB_WORKSPACE || process.cwd(),
    env: process.env,
    isTTY: false
  };
}
function boolInput(name, fallback) {
  const v = getInput(name);
  if (v === "") return fallback;
  if (["true", "True", "TRUE"].includes(v)) return true;
  if (["false", "False", "FALSE"].includes(v)) return false;
  throw new UserError(`input ${name} is "${v}": write true or false (YAML 1.2 core schema booleans)`);
}
function listInput(name) {
  return getInput(name).split(/[\n,]/).map((s) => s.trim()).filter(Boolean);
}
async function withGitPushToken(cwd, token, env) {
  if (!token) return env;
  const server = (env.GITHUB_SERVER_URL || "https://github.com").replace(/\/+$/, "");
  const key = `http.${server}/.extraheader`;
  const [{ openGit }, { configValue }] = await Promise.all([import('./git-K2J44RE6-DR05szzy.js'), import('./worktree-KZACRBYG-V_Nnd9eq.js')]);
  if (await configValue(openGit(cwd, { env }), key)) return env;
  const basic = Buffer.from(`x-access-token:${token}`).toString("base64");
  setSecret(token);
  setSecret(basic);
  const n = Number(env.GIT_CONFIG_COUNT ?? 0) || 0;
  return {
    ...env,
    GIT_CONFIG_COUNT: String(n + 1),
    [`GIT_CONFIG_KEY_${n}`]: key,
    [`GIT_CONFIG_VALUE_${n}`]: `AUTHORIZATION: basic ${basic}`
  };
}

export { actionIo as a, boolInput as b, listInput as l, runAction as r, withGitPushToken as w };
