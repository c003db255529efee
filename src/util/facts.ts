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
