import * as core from "@actions/core";
import { CheckFailed, UserError } from "../errors.ts";
import type { Io } from "../util/io.ts";
import { logWriter } from "../util/workflow-commands.ts";

/**
 * The one wrapper every action entry uses: runs `fn`, turns a user error into a failed step with its message and no
 * stack, a failed check into a failed step, and anything else into a failed step with the stack in the debug log.
 */
export async function runAction(name: string, fn: () => Promise<number | void>): Promise<void> {
  try {
    const code = await fn();
    if (typeof code === "number" && code !== 0) {
      process.exitCode = code;
      if (code === 2) core.setFailed(`modelgate ${name}: configuration error (see the log above)`);
      else core.setFailed(`modelgate ${name}: failed (see the log above)`);
    }
  } catch (err) {
    if (err instanceof UserError || err instanceof CheckFailed) {
      core.setFailed(`modelgate ${name}: ${err.message}`);
      process.exitCode = err.exitCode;
      return;
    }
    core.debug((err as Error)?.stack ?? String(err));
    core.setFailed(`modelgate ${name}: ${(err as Error)?.message ?? String(err)}`);
    process.exitCode = 1;
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
  return core.getInput(name) === "" ? fallback : core.getBooleanInput(name);
}

/** A list input: one item per line or comma-separated; blank entries dropped. */
export function listInput(name: string): string[] {
  return core
    .getInput(name)
    .split(/[\n,]/)
    .map((s) => s.trim())
    .filter(Boolean);
}
