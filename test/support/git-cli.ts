import { execFileSync } from "node:child_process";

/** git in `cwd` with a fixed author, as the tests build their repositories: its standard output, trimmed. */
export function gitIn(cwd: string): (...args: string[]) => string {
  return (...args) =>
    execFileSync("git", ["-c", "user.name=t", "-c", "user.email=t@example.com", ...args], { cwd })
      .toString()
      .trim();
}
