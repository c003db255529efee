import { readFileSync } from "node:fs";
import type { z } from "zod";
import { UserError } from "../errors.ts";

/**
 * Reads a `--facts FILE` (what a command would otherwise read from GitHub) against its schema: the file's first
 * problem as a usage error naming the file and the field.
 */
export function readFactsFile<S extends z.ZodType>(file: string, schema: S): z.output<S> {
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(file, "utf8"));
  } catch (err) {
    throw new UserError(`cannot read the facts file ${file}: ${(err as Error).message}`);
  }
  const r = schema.safeParse(json);
  if (!r.success) {
    const issue = r.error.issues[0];
    throw new UserError(`${file}: ${issue.path.join(".") || "the document"}: ${issue.message}`);
  }
  return r.data;
}

/**
 * `--facts` skips every GitHub check, so it is for other CIs, rehearsals and the offline demo: inside GitHub Actions
 * (GITHUB_ACTIONS=true) the facts come from GitHub's API, always.
 */
export function refuseFactsInActions(env: NodeJS.ProcessEnv, command: string): void {
  if (env.GITHUB_ACTIONS === "true") {
    throw new UserError(
      `${command} --facts is refused inside GitHub Actions (GITHUB_ACTIONS=true): a facts file would replace what GitHub says about reviews, permissions and approvals; drop --facts, and the facts are read from GitHub's API`,
    );
  }
}
