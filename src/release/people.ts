import type { EnvironmentReview, Permission } from "../vocabulary.ts";
import type { EnvironmentApproval } from "../records/promotion.ts";
import type { Refusal } from "./checks.ts";

/**
 * Who may release, and whether the GitHub environment's reviewers approved: pure decisions over the facts GitHub
 * gives (or a facts file holds). The actor is the workflow's actor, whom GitHub authenticated when they pushed the
 * tag or dispatched the run; a tag's own tagger line is unverified text and decides nothing.
 */

export interface Releasers {
  users: string[];
  teams: string[];
}

/** GitHub logins and team slugs are case-insensitive. */
const same = (a: string, b: string) => a.toLowerCase() === b.toLowerCase();

/** The teams whose members must be read to decide for this actor: none when the actor is listed by name. */
export function teamsNeeded(actor: string, releasers: Releasers): string[] {
  return releasers.users.some((u) => same(u, actor)) ? [] : releasers.teams;
}

/**
 * An allowed releaser has write access to the repository (maintain, admin) and is named in modelgate.yaml
 * `spec.releasers` (users, or a member of one of the teams). With no releasers configured, write access suffices.
 * A bot releases only when listed by its exact login.
 */
export function checkReleaser(
  model: string,
  tag: string,
  actor: string,
  releasers: Releasers,
  facts: { permission: Permission; teams: Record<string, string[]> },
): { via: string } | Refusal {
  const refuse = (why: string): Refusal => ({
    check: "releaser",
    message: `${model}: ${tag} was pushed by ${actor}, who ${why}; nothing was released`,
  });
  if (!["admin", "maintain", "write"].includes(facts.permission)) {
    return refuse(`has ${facts.permission} permission on the repository (a releaser needs write, maintain or admin)`);
  }
  const listed = releasers.users.some((u) => same(u, actor));
  if (/\[bot\]$/i.test(actor) && !listed) {
    return refuse("is a bot; a bot releases only when modelgate.yaml spec.releasers.users names it");
  }
  if (listed) return { via: "spec.releasers.users" };
  for (const team of releasers.teams) {
    const key = Object.keys(facts.teams).find((k) => same(k, team));
    if (key && facts.teams[key].some((m) => same(m, actor))) return { via: `team ${team}` };
  }
  if (releasers.users.length === 0 && releasers.teams.length === 0) {
    return { via: "write permission (modelgate.yaml spec.releasers names nobody)" };
  }
  const list = [
    releasers.users.length ? `users ${releasers.users.join(", ")}` : "",
    releasers.teams.length ? `teams ${releasers.teams.join(", ")}` : "",
  ]
    .filter(Boolean)
    .join(" and ");
  return refuse(
    `is not an allowed releaser: modelgate.yaml spec.releasers allows ${list}. Ask one of them to tag, or add ${actor} there`,
  );
}

/**
 * The environment's reviews of this run, as they go into the record. When the configuration requires an approval,
 * a run without one (or with a rejection), or no run at all, is refused.
 */
export function checkEnvironmentApproval(
  opts: {
    model: string;
    tag: string;
    environment: string;
    githubEnvironment: string;
    required: boolean;
    runId: number | undefined;
    readAt: string;
  },
  reviews: EnvironmentReview[],
): { approvals: EnvironmentApproval[] } | Refusal {
  const approvals: EnvironmentApproval[] = reviews
    .filter((r) => r.state !== "pending" && r.environments.some((e) => same(e, opts.githubEnvironment)))
    .map((r) => ({
      user: r.user,
      state: r.state as "approved" | "rejected",
      comment: r.comment,
      at: r.at ?? opts.readAt,
      environments: r.environments,
    }));
  if (!opts.required) return { approvals };
  const where = `the GitHub environment "${opts.githubEnvironment}"`;
  if (opts.runId === undefined) {
    return {
      check: "approval",
      message: `${opts.model}: ${opts.environment} requires the approval of ${where}'s reviewers (modelgate.yaml requiresApproval: true), and this release is not a workflow run: release from workflows/modelgate-release.yml, whose job declares \`environment: ${opts.githubEnvironment}\`, or pass --run-id of the approved run`,
    };
  }
  const rejected = approvals.find((a) => a.state === "rejected");
  if (rejected) {
    return {
      check: "approval",
      message: `${opts.model}: ${rejected.user} rejected the deployment of run ${opts.runId} to ${where}; ${opts.tag} was not released`,
    };
  }
  if (!approvals.some((a) => a.state === "approved")) {
    return {
      check: "approval",
      message: `${opts.model}: run ${opts.runId} has no approval from ${where}'s reviewers, and ${opts.environment} requires one (modelgate.yaml requiresApproval: true); add required reviewers to the environment in the repository's settings and let one of them approve the run`,
    };
  }
  return { approvals };
}
