import type { Git } from "./index.ts";

/** True when the clone is shallow (a CI checkout with a fetch depth): its history stops at a boundary. */
export async function isShallow(git: Git): Promise<boolean> {
  return (await git.tryRun(["rev-parse", "--is-shallow-repository"])) === "true";
}
