import { overlayOf } from "../audit/history.ts";
import { runAudit } from "../audit/run.ts";
import type { Placement } from "../audit/schema.ts";
import { CheckFailed } from "../errors.ts";

/**
 * What ran in an environment during a window, from the GitOps history alone: `audit --at` (src/audit) answers "what
 * ran at T"; it is asked at the window's start and at each change of the model's overlay for the environment inside
 * the window, so that a rollback mid-window splits the window into the versions that served it.
 */

export interface Segment {
  /** ms since the epoch; the segment holds [from, until). */
  from: number;
  until: number;
  placement: Placement;
}

const iso = (t: number) => new Date(t).toISOString().replace(/\.\d{3}Z$/, "Z");

export async function servedDuring(
  cwd: string,
  ref: string,
  model: string,
  environment: string,
  since: number,
  until: number,
): Promise<Segment[]> {
  // the history read once: the audit at the window's start holds every commit of the ref (what ran then, and the
  // changes inside the window); each change's time is audited after it
  const first = await runAudit({ cwd, ref, models: [model], at: { time: since, environment } });
  const snap = first.snap;
  const changes = new Set<number>();
  for (const c of snap.commits) {
    const t = Date.parse(c.committer.date);
    // the window is [since, until): a change at its end serves none of it
    if (!(t > since && t < until)) continue;
    if (
      c.changes.some((ch) => overlayOf(snap, ch.path)?.model === model && overlayOf(snap, ch.path)?.env === environment)
    )
      changes.add(t);
  }
  const starts = [since, ...[...changes].sort((a, b) => a - b)];
  const segments: Segment[] = [];
  for (let i = 0; i < starts.length; i++) {
    const from = starts[i];
    const to = i + 1 < starts.length ? starts[i + 1] : until;
    const at = i === 0 ? first : await runAudit({ cwd, ref, models: [model], at: { time: from, environment } });
    const placement = at.report.at?.models.find((m) => m.model === model)?.placement ?? null;
    if (!placement) continue;
    if (!placement.record) {
      throw new CheckFailed(
        `${model} in ${environment} at ${iso(from)}: the overlay pins ${placement.image ?? "an image"} without a promotion record (a change made outside modelgate; \`modelgate audit verify\` names it), so monitor cannot tell which model ran`,
      );
    }
    const prev = segments.at(-1);
    if (prev && prev.placement.record?.digest === placement.record.digest && prev.until === from) prev.until = to;
    else segments.push({ from, until: to, placement });
  }
  return segments;
}
