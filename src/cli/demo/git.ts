import { appendFileSync } from "node:fs";
import { join } from "node:path";
import { type Git, openGit } from "../../git/index.ts";

/** People of the demo's story: the model author, a reviewer, the release manager, and modelgate's CI. */
export const PEOPLE = {
  alice: { name: "Alice Author", email: "alice@example.com" },
  bob: { name: "Bob Reviewer", email: "bob@example.com" },
  dana: { name: "Dana Release-Manager", email: "dana@example.com" },
  ci: { name: "modelgate CI", email: "ci@example.com" },
} as const;
export type Person = keyof typeof PEOPLE;

/**
 * git's housekeeping off in the demo's repositories: `gc --auto` and `maintenance run --auto`, which git starts after
 * commits, fetches and pushes (about 80 processes in one demo), have nothing to do in repositories this small.
 */
export const QUIET_GIT_ENV = {
  GIT_CONFIG_COUNT: "2",
  GIT_CONFIG_KEY_0: "gc.auto",
  GIT_CONFIG_VALUE_0: "0",
  GIT_CONFIG_KEY_1: "maintenance.auto",
  GIT_CONFIG_VALUE_1: "false",
} as const;

/**
 * A bare repository of the demo (its remote) told not to start `git gc --auto` after each push it receives: the
 * commands push with their own environment, which QUIET_GIT_ENV does not reach (about 20 processes in one demo).
 */
export function quietRemote(bareDir: string): void {
  appendFileSync(join(bareDir, "config"), "[receive]\n\tautogc = false\n");
}

const handles = new Map<string, Git>();

/**
 * git in `cwd` as `who`, with no global or system configuration (the demo never depends on the user's); one handle
 * per folder and person for the whole demo.
 */
export function gitAs(cwd: string, who: Person = "ci"): Git {
  const key = `${who}\0${cwd}`;
  let g = handles.get(key);
  if (!g) {
    g = openGit(cwd, { identity: PEOPLE[who], isolated: true, env: { HOME: cwd, ...QUIET_GIT_ENV } });
    handles.set(key, g);
  }
  return g;
}

/** Runs `git ARGS` in `cwd` as `who` and returns its trimmed output. */
export async function git(cwd: string, args: string[], who: Person = "ci"): Promise<string> {
  return (await gitAs(cwd, who).run(args)).trim();
}
