import { execFileSync } from "node:child_process";

/** People of the demo's story: the model author, a reviewer, and modelgate's CI. */
export const PEOPLE = {
  alice: { name: "Alice Author", email: "alice@example.com" },
  bob: { name: "Bob Reviewer", email: "bob@example.com" },
  ci: { name: "modelgate CI", email: "ci@example.com" },
} as const;
export type Person = keyof typeof PEOPLE;

/** Runs git in `cwd` as `who`, with no global or system configuration (the demo never depends on the user's). */
export function git(cwd: string, args: string[], who: Person = "ci"): string {
  const p = PEOPLE[who];
  return execFileSync("git", args, {
    cwd,
    encoding: "utf8",
    stdio: ["ignore", "pipe", "pipe"],
    env: {
      PATH: process.env.PATH,
      HOME: cwd,
      GIT_CONFIG_NOSYSTEM: "1",
      GIT_CONFIG_GLOBAL: "/dev/null",
      GIT_AUTHOR_NAME: p.name,
      GIT_AUTHOR_EMAIL: p.email,
      GIT_COMMITTER_NAME: p.name,
      GIT_COMMITTER_EMAIL: p.email,
    },
  }).trim();
}
