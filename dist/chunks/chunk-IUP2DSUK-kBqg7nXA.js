import { createRequire } from 'node:module';
import { U as UserError } from './hot-help-validate-plan-audit-verify-CiDATK95.js';
import { readFileSync } from 'node:fs';

const require$1 = createRequire(import.meta.url);
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

export { readFactsFile as a, refuseFactsInActions as r };
