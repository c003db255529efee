import { isMainThread } from "node:worker_threads";
import * as core from "@actions/core";
import { describeError, EXIT_USAGE, UserError } from "../errors.ts";
import type { Io } from "../util/io.ts";
import { logWriter } from "../util/workflow-commands.ts";

/**
 * The one wrapper every action entry uses: runs `fn`, and turns what it throws into a failed step the way the CLI
 * does (src/errors.ts describeError): a ModelgateError (user error, failed check, GitHub or registry refusal) with its
 * message and no stack and its own exit code; anything else, a bug, as "internal error" with the stack, exit 70.
 */
export async function runAction(name: string, fn: () => Promise<number | void>): Promise<void> {
  // A worker thread (bootstrap, scoring, reading) may load this entry when the bundler put the worker's module in it:
  // it runs that module's worker side, never the action again.
  if (!isMainThread) return;
  try {
    const code = await fn();
    if (typeof code === "number" && code !== 0) {
      if (code === EXIT_USAGE) core.setFailed(`modelgate ${name}: configuration error (see the log above)`);
      else core.setFailed(`modelgate ${name}: failed (see the log above)`);
      process.exitCode = code;
    }
  } catch (err) {
    const d = describeError(err);
    core.setFailed(`modelgate ${name}: ${d.message}`);
    process.exitCode = d.exitCode;
  }
}

/** An Io writing to the job log: what it prints can never run as a workflow command (see neutraliseCommands). */
export function actionIo(): Io {
  const log = logWriter((t) => process.stdout.write(t), process.env);
  return {
    out: log,
    err: log,
    command: (t) => process.stdout.write(t),
    cwd: process.env.GITHUB_WORKSPACE || process.cwd(),
    env: process.env,
    isTTY: false,
  };
}

/** A boolean input that accepts true/false only (YAML 1.2 core schema, as core.getBooleanInput). */
export function boolInput(name: string, fallback: boolean): boolean {
  const v = core.getInput(name);
  if (v === "") return fallback;
  if (["true", "True", "TRUE"].includes(v)) return true;
  if (["false", "False", "FALSE"].includes(v)) return false;
  throw new UserError(`input ${name} is "${v}": write true or false (YAML 1.2 core schema booleans)`);
}

/** A list input: one item per line or comma-separated; blank entries dropped. */
export function listInput(name: string): string[] {
  return core
    .getInput(name)
    .split(/[\n,]/)
    .map((s) => s.trim())
    .filter(Boolean);
}

/**
 * The environment with which git pushes to the repository's server using `token`, without writing it to disk: an
 * `http.<server>/.extraheader` through git's GIT_CONFIG_* variables (the workflow's checkout keeps no credentials:
 * `persist-credentials: false`). Pass it to the git handles that push. When the checkout did configure a header, it
 * is left alone (two Authorization headers are refused). The token and the encoded header are masked in the log.
 */
export async function withGitPushToken(
  cwd: string,
  token: string | undefined,
  env: NodeJS.ProcessEnv,
): Promise<NodeJS.ProcessEnv> {
  if (!token) return env;
  const server = (env.GITHUB_SERVER_URL || "https://github.com").replace(/\/+$/, "");
  const key = `http.${server}/.extraheader`;
  const [{ openGit }, { configValue }] = await Promise.all([import("../git/index.ts"), import("../git/worktree.ts")]);
  if (await configValue(openGit(cwd, { env }), key)) return env;
  const basic = Buffer.from(`x-access-token:${token}`).toString("base64");
  core.setSecret(token);
  core.setSecret(basic);
  const n = Number(env.GIT_CONFIG_COUNT ?? 0) || 0;
  return {
    ...env,
    GIT_CONFIG_COUNT: String(n + 1),
    [`GIT_CONFIG_KEY_${n}`]: key,
    [`GIT_CONFIG_VALUE_${n}`]: `AUTHORIZATION: basic ${basic}`,
  };
}
