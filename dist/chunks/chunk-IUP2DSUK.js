import { createRequire as __mgCreateRequire } from 'node:module'; const require = __mgCreateRequire(import.meta.url);
import {
  UserError
} from "./chunk-VPZGVLTG.js";

// src/util/facts.ts
import { readFileSync } from "node:fs";
function readFactsFile(file, schema) {
  let json;
  try {
    json = JSON.parse(readFileSync(file, "utf8"));
  } catch (err) {
    throw new UserError(`cannot read the facts file ${file}: ${err.message}`);
  }
  const r = schema.safeParse(json);
  if (!r.success) {
    const issue = r.error.issues[0];
    throw new UserError(`${file}: ${issue.path.join(".") || "the document"}: ${issue.message}`);
  }
  return r.data;
}
function refuseFactsInActions(env, command) {
  if (env.GITHUB_ACTIONS === "true") {
    throw new UserError(
      `${command} --facts is refused inside GitHub Actions (GITHUB_ACTIONS=true): a facts file would replace what GitHub says about reviews, permissions and approvals; drop --facts, and the facts are read from GitHub's API`
    );
  }
}

export {
  readFactsFile,
  refuseFactsInActions
};
