import type { Git } from "./index.ts";

/** The commit time of HEAD in seconds since 1970 (`git log -1 --format=%ct`), or undefined without a commit. */
export async function headCommitTime(git: Git): Promise<number | undefined> {
  const t = await git.tryRun(["log", "-1", "--format=%ct"]);
  return t ? Number(t) : undefined;
}
