import type { LedgerEntry } from "../../ledger/ledger.ts";
import type { Finding } from "../schema.ts";

/**
 * approval-source (issue #19, item 12): a release into an environment that requires approval, whose approvals came
 * from a facts file (`release --facts`, refused inside GitHub Actions) rather than from GitHub's API, is a finding
 * unless modelgate.yaml lets that environment be released offline (`offlineReleases: true`): nothing but the file
 * vouches for those approvals.
 *
 * A ledger rule (house-audit's `LedgerRule` shape: a model's ledger and the configuration in, findings out), pure.
 */
export function approvalsFromGitHub(
  view: { model: string; path: string; entries: LedgerEntry[] },
  environments: { name: string; requiresApproval: boolean; offlineReleases?: boolean }[],
): Finding[] {
  const out: Finding[] = [];
  for (const e of view.entries) {
    const r = e.record;
    if (r.action === "publish" || r.release?.approvalSource?.from !== "facts-file") continue;
    const env = environments.find((x) => x.name === r.environment);
    if (!env?.requiresApproval || env.offlineReleases) continue;
    out.push({
      check: "approval-source",
      model: view.model,
      commit: r.source,
      tag: r.stageTag,
      record: { sequence: r.sequence, digest: e.digest },
      path: view.path,
      message: `${view.path}: record #${r.sequence} (${r.action} ${r.model.version} to ${r.environment}) holds environment approvals from a facts file, and ${r.environment} requires approval`,
      expected: `approvals of ${r.environment} read from GitHub by the release workflow's run, or modelgate.yaml spec.environments[${r.environment}].offlineReleases: true`,
    });
  }
  return out;
}
