import { dispatchWorkflow } from "../github/index.ts";
import type { LedgerEntry } from "../ledger/ledger.ts";
import { versionTag } from "../ledger/tags.ts";
import { defaultBranch } from "../ledger/writer.ts";
import type { Gathered, MonitorSession } from "./session.ts";

/**
 * `--rollback`: a request to promote the previous released version back into the environment, made the one way
 * that collects the environment's approval and records it: the release workflow, dispatched with that version. Its
 * run waits for the GitHub environment's reviewers, then writes the rollback as every release is written (a direct
 * overlay commit, or a promotion pull request for an environment with `promotion: pull-request`), with its
 * promotion record and stage tag. A monitor never deploys, and never writes an overlay itself. Outside Actions the
 * result names the command to run.
 */

export interface RollbackResult {
  /** Why nothing was requested (no earlier version ran in the environment). */
  skipped?: string;
  /** The version to go back to, and the tag release reads. */
  version?: string;
  tag?: string;
  /** The workflow dispatched (in Actions). */
  workflow?: string;
  dispatched: boolean;
  /** What a person runs for the same rollback. */
  command?: string;
}

export async function requestRollback(s: MonitorSession, g: Gathered): Promise<RollbackResult> {
  const primary = g.versions[g.versions.length - 1];
  const name = s.manifest.metadata.name;
  const previous = previousVersion(g.ledger, s.environment, primary.entry.digest);
  if (!previous) return { dispatched: false, skipped: `no earlier version of ${name} ran in ${s.environment}` };
  const tag = versionTag(name, previous);
  const command = `modelgate release ${tag} --env ${s.environment}`;
  const workflow = s.opts.releaseWorkflow ?? "modelgate-release.yml";
  if (!s.opts.github) return { version: previous, tag, dispatched: false, command };
  await dispatchWorkflow(s.opts.github, {
    workflow,
    ref: await defaultBranch(s.ws.git, "origin"),
    inputs: { model: name, version: previous },
  });
  return { version: previous, tag, workflow, dispatched: true, command };
}

/**
 * The version an environment ran before the one `current` (a ledger entry's digest) put there: the latest earlier
 * entry for the environment with another version.
 */
export function previousVersion(entries: LedgerEntry[], environment: string, current: string): string | undefined {
  const at = entries.findIndex((e) => e.digest === current);
  if (at < 0) return undefined;
  const version = entries[at].record.model.version;
  for (let i = at - 1; i >= 0; i--) {
    const r = entries[i].record;
    if (r.environment === environment && r.model.version !== version) return r.model.version;
  }
  return undefined;
}
