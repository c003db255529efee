import { ledgerAppendFindings } from "../audit/run.ts";
import { CheckFailed, ModelgateError, UserError } from "../errors.ts";
import { filesAt } from "../git/batch.ts";
import { cameAfter } from "../git/merge-order.ts";
import { parseLedger } from "../ledger/ledger.ts";
import { readTip, trackingRef } from "../ledger/writer.ts";
import { readLayoutIndexIfAny } from "../oci/layout.ts";
import type { Workspace } from "../workspace/workspace.ts";
import {
  heldBy,
  type ModelPublishPlan,
  type PublishChange,
  type PublishPlan,
  publishChange,
  type TipFacts,
  tipReads,
  UNBUILT_IMAGE,
} from "./change.ts";
import type { Refusal } from "./checks.ts";

/**
 * Publish's look at the GitOps branch: each model's files at the tip, its tags, and whether the environment already
 * runs a record from a later merge. Read once before anything is built or written (the pre-flight: everything that
 * can refuse is known before the image push), and again on each push attempt, on the tip that attempt lands on.
 */

/** The tip as one attempt sees it: reads at its commit, and the remote's tag names. */
export interface TipReader {
  read(path: string): Promise<string | undefined>;
  tags: Iterable<string>;
}

const short = (sha: string) => sha.slice(0, 12);

/** The commit and time publishChange is computed at: now, RFC 3339, whole seconds. */
export const stamp = (ws: Workspace) =>
  ws
    .now()
    .toISOString()
    .replace(/\.\d{3}Z$/, "Z");

/**
 * What publishChange needs of the tip for one model. The environment's current record's merge is asked whether it
 * came after the merged commit (fetched from the GitOps remote, then origin, when the clone lacks it); when neither
 * has it, `warn` says that merge order was not checked.
 */
export async function tipFacts(
  ws: Workspace,
  plan: PublishPlan,
  m: ModelPublishPlan,
  tip: TipReader,
  warn: (line: string) => void = () => {},
): Promise<TipFacts> {
  const files: Record<string, string | undefined> = {};
  const paths = tipReads(m);
  const texts = await Promise.all(paths.map((p) => tip.read(p)));
  paths.forEach((p, i) => {
    files[p] = texts[i];
  });
  const laterMerges = new Set<string>();
  const held = heldBy(parseLedger(files[m.files.ledger] ?? "").entries, m.environment);
  if (held && held.merge !== plan.sha) {
    let after: boolean | undefined;
    for (const remote of new Set([plan.target.remote, "origin"])) {
      after = await cameAfter(ws.git, remote, plan.sha, held.merge);
      if (after !== undefined) break;
    }
    if (after) laterMerges.add(held.merge);
    if (after === undefined) {
      const r = held.entry.record;
      warn(
        `${m.name}: ${m.environment} runs ${r.model.version} (record #${r.sequence}) from the merge ${short(held.merge)}, which neither this clone nor ${plan.target.remote} has, so merge order was not checked; fetch the default branch's history to check it`,
      );
    }
  }
  return { files, tags: tip.tags, laterMerges };
}

/** The refusal of a merge older than the one the environment runs: publishing it would downgrade the environment. */
export function supersededRefusal(
  plan: PublishPlan,
  m: ModelPublishPlan,
  s: Extract<PublishChange, { kind: "superseded" }>,
): Refusal {
  const r = s.held.record;
  return {
    model: m.name,
    field: "merge order",
    expected: plan.sha,
    actual: s.merge,
    message: `${m.name}: merge order: ${m.environment} already runs ${r.model.version} (record #${r.sequence}, ${r.stageTag}) from the merge ${short(s.merge)}, which came after this one (${short(plan.sha)}); publishing ${m.version} from the older merge would downgrade ${m.environment}, so nothing was written and ${m.environment} keeps ${r.model.version}`,
  };
}

export interface Preflight {
  /** Each model's change on the tip, computed with an image not yet built: "commit", "already" or "superseded". */
  outcomes: Map<string, PublishChange>;
  refusals: Refusal[];
  /** Each model's ledger text whose history was verified (ledgerRefusal), so a push attempt on it need not again. */
  verified: Map<string, string>;
}

/**
 * The refusal of a ledger that may not be extended: audit verify's ledger rules on its history at the GitOps tip
 * (../audit/run.ts ledgerAppendFindings: readable, chained, exactly the records modelgate appended). undefined: fine.
 */
export async function ledgerRefusal(
  ws: Workspace,
  plan: PublishPlan,
  m: ModelPublishPlan,
  warn: (line: string) => void = () => {},
): Promise<Refusal | undefined> {
  const { findings, shallow } = await ledgerAppendFindings(ws.git, trackingRef(plan.target.branch), m.name);
  if (shallow) {
    warn(
      `${m.name}: this clone is shallow, so only the ledger's lines at the tip were checked, not its history; check out with fetch-depth: 0`,
    );
  }
  if (findings.length === 0) return undefined;
  const more = findings.length > 1 ? ` (and ${findings.length - 1} more)` : "";
  return {
    model: m.name,
    field: "ledger",
    expected: "only records appended by modelgate",
    actual: findings[0].check,
    message: `${m.name}: ledger: ${m.files.ledger} on ${plan.target.branch} may not be extended: ${findings[0].message}${more}. modelgate does not chain a record onto a ledger whose records were changed or removed after they were written; restore it from git history (revert the change), then publish again; \`modelgate audit verify ${m.name}\` lists every finding`,
  };
}

/**
 * Every model's change computed on the GitOps branch's tip before any image is built: a damaged ledger, a record that
 * cannot be made, or an environment that runs a later merge is refused now, while nothing is written anywhere; a
 * merge already published is found, so that the rerun only finishes what its first run left undone.
 */
export async function preflight(ws: Workspace, plan: PublishPlan, warn: (line: string) => void): Promise<Preflight> {
  const refusals: Refusal[] = [];
  if (!plan.registry) {
    // the layout the images go to: an index.json that cannot be read refuses now, not after the image is written
    await readLayoutIndexIfAny(plan.layoutDir).catch((err) => {
      if (!(err instanceof CheckFailed)) throw err;
      for (const m of plan.models)
        refusals.push({ model: m.name, field: "layout", message: `${m.name}: layout: ${err.message}` });
    });
  }
  const [commit, tags] = await readTip(ws.git, plan.target);
  const tip: TipReader = { read: filesAt(ws.git, commit), tags };
  const outcomes = new Map<string, PublishChange>();
  const verified = new Map<string, string>();
  const at = stamp(ws);
  for (const m of plan.models) {
    const facts = await tipFacts(ws, plan, m, tip, warn);
    if (commit) {
      const refused = await ledgerRefusal(ws, plan, m, warn);
      if (refused) {
        refusals.push(refused);
        continue;
      }
    }
    verified.set(m.name, facts.files[m.files.ledger] ?? "");
    let change: PublishChange;
    try {
      change = publishChange({ plan, model: m, image: UNBUILT_IMAGE, tip: facts, at });
    } catch (err) {
      if (!(err instanceof ModelgateError)) throw err;
      // a damaged ledger (UserError), or the version published before with other bytes (CheckFailed)
      const field = err instanceof UserError ? "ledger" : "version";
      refusals.push({ model: m.name, field, message: `${m.name}: ${field}: ${err.message}` });
      continue;
    }
    if (change.kind === "superseded") refusals.push(supersededRefusal(plan, m, change));
    outcomes.set(m.name, change);
  }
  return { outcomes, refusals, verified };
}
