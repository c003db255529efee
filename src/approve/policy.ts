import type { Permission, ReviewFact, ReviewState } from "../vocabulary.ts";
/**
 * The approval gate as pure functions: reviews and facts (permissions, team members, CODEOWNERS owners) in, a
 * decision out. No I/O here; src/approve/run.ts gathers the facts through src/github.
 *
 * How reviews are read (GitHub's pitfalls):
 * - each reviewer's opinion is their latest review that is not COMMENTED (PENDING drafts are not reviews yet);
 * - APPROVED counts only on the PR's current head commit; an approval of an older commit is stale;
 * - the PR's author, bots (type Bot or a `[bot]` login) and reviewers without write permission never count;
 *   DISMISSED never counts;
 * - CHANGES_REQUESTED from a reviewer allowed for the model blocks, on any commit, until they approve;
 * - GitHub's "approval of the most recent reviewable push": whoever pushed the head commit never approves it, and,
 *   when the policy says `excludeCommitAuthors`, neither does any author or committer of the commits under review.
 */

export type RiskClass = "minimal" | "limited" | "high";

/** modelgate.yaml `spec.approval`, overridable per model (src/manifest/schema.ts `ApprovalPolicy` fits it). */
export interface ApprovalPolicy {
  /** How many distinct allowed reviewers must approve. */
  approvals: number;
  reviewers: {
    users: string[];
    /** org/team-slug */
    teams: string[];
    /** Owners of the model's paths in CODEOWNERS may approve. */
    codeowners: boolean;
  };
  riskClass: Partial<Record<RiskClass, { extraApprovals: number; teams: string[] }>>;
  /** Authors and committers of the commits under review may not approve (GitLab's "prevent approval by committers"). */
  excludeCommitAuthors?: boolean;
}

export interface ModelUnderReview {
  name: string;
  policy: ApprovalPolicy;
  riskClass: RiskClass;
  /** CODEOWNERS owners of the model's paths: "@user" or "@org/team". */
  codeowners: string[];
  /** Why this model is judged as it is, when that is not plain (e.g. a model new in the PR). */
  note?: string;
}

/** The review vocabulary is defined once, in src/vocabulary.ts; re-exported for the library's users. */
export type { ReviewFact, ReviewState } from "../vocabulary.ts";

export interface ApprovalFacts {
  pr: { number: number; author: string; headSha: string };
  reviews: ReviewFact[];
  /** Permission per reviewer login (any case). A login missing here has no write permission. */
  permissions: Record<string, Permission>;
  /** Members per org/team (any case). A team missing here has no members. */
  teams: Record<string, string[]>;
  /** Who pushed the head commit (GitHub's activity log): their approval of it never counts. */
  headPushers?: string[];
  /** GitHub logins of the authors and committers of the commits under review (for `excludeCommitAuthors`). */
  commitAuthors?: string[];
}

export type GateState = "success" | "pending" | "failure";

export interface Approver {
  login: string;
  reviewId: number;
  commit: string;
  submittedAt: string;
}

export interface ModelDecision {
  model: string;
  riskClass: RiskClass;
  state: GateState;
  needed: number;
  approvers: Approver[];
  /** Allowed reviewers whose latest opinion is CHANGES_REQUESTED. */
  blockers: string[];
  /** What is still missing, in words ("1 approval from @acme/ml-reviewers"); empty when approved. */
  missing: string[];
  note?: string;
}

export interface SetAside {
  login: string;
  reviewId: number;
  state: ReviewState;
  reason: string;
}

export interface ApprovalDecision {
  state: GateState;
  approved: boolean;
  /** The commit status description (at most 140 characters). */
  description: string;
  headSha: string;
  models: ModelDecision[];
  /** Everyone whose approval counted for at least one model. */
  approvers: Approver[];
  /** Approvals of an older commit. */
  stale: SetAside[];
  /** Opinions that count for nothing, with the reason. */
  ignored: SetAside[];
  /** Where the rules that judged the change were read, and what the change does to them, in plain words. */
  rules?: { origin: string; notice?: string };
}

const WRITE: Permission[] = ["admin", "maintain", "write"];
const lc = (s: string) => s.toLowerCase();
const stripAt = (s: string) => s.replace(/^@/, "");

export function isBot(login: string, userType: string): boolean {
  return userType === "Bot" || /\[bot\]$/i.test(login);
}

/** The latest opinion (non-COMMENTED, submitted review) of each reviewer, in order of submission. */
export function opinions(reviews: ReviewFact[]): ReviewFact[] {
  const sorted = reviews
    .filter((r) => r.state !== "PENDING" && r.submittedAt)
    .map((r, i) => ({ r, i }))
    .sort((a, b) => (a.r.submittedAt! < b.r.submittedAt! ? -1 : a.r.submittedAt! > b.r.submittedAt! ? 1 : a.i - b.i))
    .map((x) => x.r);
  const latest = new Map<string, ReviewFact>();
  for (const r of sorted) if (r.state !== "COMMENTED") latest.set(lc(r.login), r);
  return [...latest.values()];
}

function teamsOf(m: ModelUnderReview): { policyTeams: string[]; riskTeams: string[]; ownerTeams: string[] } {
  const risk = m.policy.riskClass[m.riskClass];
  return {
    policyTeams: m.policy.reviewers.teams.map(stripAt),
    riskTeams: (risk?.teams ?? []).map(stripAt),
    ownerTeams: m.policy.reviewers.codeowners ? m.codeowners.filter((o) => o.includes("/")).map(stripAt) : [],
  };
}

/**
 * Which facts the evaluation needs: the permission of each reviewer with an opinion, the members of each team, and
 * whether the authors of the commits under review matter (a policy excludes them).
 */
export function factsNeeded(
  models: ModelUnderReview[],
  reviews: ReviewFact[],
  author: string,
): { logins: string[]; teams: string[]; commitAuthors: boolean } {
  const logins = opinions(reviews)
    .filter((r) => (r.state === "APPROVED" || r.state === "CHANGES_REQUESTED") && !isBot(r.login, r.userType))
    .filter((r) => lc(r.login) !== lc(author))
    .map((r) => r.login);
  const teams = new Set<string>();
  for (const m of models) {
    const t = teamsOf(m);
    for (const x of [...t.policyTeams, ...t.riskTeams, ...t.ownerTeams]) teams.add(lc(x));
  }
  return {
    logins: [...new Set(logins)].sort(),
    teams: [...teams].sort(),
    commitAuthors: models.some((m) => m.policy.excludeCommitAuthors),
  };
}

function short(sha: string): string {
  return sha.slice(0, 7);
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? "" : "s"}`;
}

/** Decides, for every model the PR touches, whether its approval policy holds on the PR's head commit. */
export function evaluateApproval(models: ModelUnderReview[], facts: ApprovalFacts): ApprovalDecision {
  const head = facts.pr.headSha;
  const perm = new Map(Object.entries(facts.permissions).map(([k, v]) => [lc(k), v]));
  const teams = new Map(Object.entries(facts.teams).map(([k, v]) => [lc(stripAt(k)), new Set(v.map(lc))]));
  const inTeam = (login: string, team: string) => teams.get(lc(team))?.has(lc(login)) ?? false;
  const pushers = new Set((facts.headPushers ?? []).map(lc));
  const authors = new Set((facts.commitAuthors ?? []).map(lc));

  const stale: SetAside[] = [];
  const ignored: SetAside[] = [];
  const approvals: ReviewFact[] = [];
  const changes: ReviewFact[] = [];
  for (const r of opinions(facts.reviews)) {
    const aside = (reason: string) => ({ login: r.login, reviewId: r.id, state: r.state, reason });
    if (isBot(r.login, r.userType)) ignored.push(aside("a bot is never an approver"));
    else if (lc(r.login) === lc(facts.pr.author)) ignored.push(aside("the pull request's author"));
    else if (r.state === "DISMISSED") ignored.push(aside("review dismissed"));
    else if (r.state === "APPROVED" && pushers.has(lc(r.login))) {
      ignored.push(
        aside(`pushed the head commit ${short(head)}: the most recent push needs the approval of someone else`),
      );
    } else if (!WRITE.includes(perm.get(lc(r.login)) ?? "none")) {
      ignored.push(aside(`no write permission (${perm.get(lc(r.login)) ?? "none"})`));
    } else if (r.state === "APPROVED" && r.commitId !== head) {
      stale.push(
        aside(`approved ${r.commitId ? short(r.commitId) : "an unknown commit"}, not the head ${short(head)}`),
      );
    } else if (r.state === "APPROVED") approvals.push(r);
    else if (r.state === "CHANGES_REQUESTED") changes.push(r);
  }

  const decisions: ModelDecision[] = models.map((m) => {
    const { policyTeams, riskTeams, ownerTeams } = teamsOf(m);
    const users = m.policy.reviewers.users.map((u) => lc(stripAt(u)));
    const ownerUsers = m.policy.reviewers.codeowners
      ? m.codeowners.filter((o) => !o.includes("/")).map((o) => lc(stripAt(o)))
      : [];
    // No reviewers named: anyone with write access may approve (the risk-class teams add to that, never narrow it).
    const open = users.length === 0 && policyTeams.length === 0 && !m.policy.reviewers.codeowners;
    const allowed = (login: string) =>
      open ||
      users.includes(lc(login)) ||
      ownerUsers.includes(lc(login)) ||
      [...policyTeams, ...ownerTeams, ...riskTeams].some((t) => inTeam(login, t));
    const risk = m.policy.riskClass[m.riskClass];
    const needed = Math.max(m.policy.approvals, 0) + (risk?.extraApprovals ?? 0);
    const excluded = (login: string) => Boolean(m.policy.excludeCommitAuthors) && authors.has(lc(login));
    for (const r of approvals.filter((a) => excluded(a.login))) {
      if (!ignored.some((x) => x.reviewId === r.id)) {
        ignored.push({
          login: r.login,
          reviewId: r.id,
          state: r.state,
          reason:
            "authored or committed a commit under review, and the policy excludes commit authors (excludeCommitAuthors)",
        });
      }
    }
    const approvers = approvals
      .filter((r) => allowed(r.login) && !excluded(r.login))
      .map((r) => ({ login: r.login, reviewId: r.id, commit: r.commitId ?? head, submittedAt: r.submittedAt ?? "" }));
    const blockers = changes.filter((r) => allowed(r.login)).map((r) => r.login);
    const riskMet = riskTeams.length === 0 || approvers.some((a) => riskTeams.some((t) => inTeam(a.login, t)));

    const missing: string[] = [];
    const short_ = needed - approvers.length;
    const who = [
      ...m.policy.reviewers.users.map((u) => `@${stripAt(u)}`),
      ...policyTeams.map((t) => `@${t}`),
      ...(m.policy.reviewers.codeowners ? ["CODEOWNERS"] : []),
      ...riskTeams.map((t) => `@${t}`),
    ];
    if (short_ > 0) {
      missing.push(
        `${plural(short_, "approval")}${open ? " from a reviewer with write access" : ` from ${[...new Set(who)].join(", ")}`}`,
      );
    }
    if (!riskMet) {
      missing.push(`an approval from ${riskTeams.map((t) => `@${t}`).join(" or ")} (${m.riskClass} risk)`);
    }
    const state: GateState = blockers.length > 0 ? "failure" : missing.length > 0 ? "pending" : "success";
    return {
      model: m.name,
      riskClass: m.riskClass,
      state,
      needed,
      approvers,
      blockers,
      missing,
      ...(m.note ? { note: m.note } : {}),
    };
  });

  const state: GateState = decisions.some((d) => d.state === "failure")
    ? "failure"
    : decisions.some((d) => d.state === "pending") || decisions.length === 0
      ? "pending"
      : "success";
  const approvers = new Map<string, Approver>();
  for (const d of decisions)
    for (const a of d.approvers) if (!approvers.has(lc(a.login))) approvers.set(lc(a.login), a);
  return {
    state,
    approved: state === "success",
    description: describe(decisions, head, state),
    headSha: head,
    models: decisions,
    approvers: [...approvers.values()],
    stale,
    ignored,
  };
}

function describe(decisions: ModelDecision[], head: string, state: GateState): string {
  if (decisions.length === 0) return "no model to approve";
  const many = decisions.length > 1;
  const prefix = (d: ModelDecision) => (many ? `${d.model}: ` : "");
  let text: string;
  if (state === "success") {
    const logins = [...new Set(decisions.flatMap((d) => d.approvers.map((a) => a.login)))];
    const counts = decisions.map((d) => `${prefix(d)}${Math.min(d.approvers.length, d.needed)}/${d.needed}`).join(", ");
    text = `${counts} approvals (${logins.join(", ")}) on ${short(head)}`;
  } else if (state === "failure") {
    text = decisions
      .filter((d) => d.state === "failure")
      .map((d) => `${prefix(d)}changes requested by ${d.blockers.map((b) => `@${b}`).join(", ")}`)
      .join("; ");
  } else {
    text = decisions
      .filter((d) => d.state === "pending")
      .map((d) => `${prefix(d)}waiting for ${d.missing.join(" and ")}`)
      .join("; ");
  }
  return text.length <= 140 ? text : `${text.slice(0, 139)}…`;
}

/**
 * The risk class whose rules ask the most of a policy (most extra approvals, then a required team; "high" on a
 * tie): how a model is judged when its own manifest cannot be trusted or read, such as one new in the PR.
 */
export function strictestRiskClass(policy: ApprovalPolicy): RiskClass {
  const order: RiskClass[] = ["high", "limited", "minimal"];
  const weight = (c: RiskClass) => {
    const r = policy.riskClass[c];
    return r ? r.extraApprovals * 2 + (r.teams.length > 0 ? 1 : 0) : -1;
  };
  return order.reduce((best, c) => (weight(c) > weight(best) ? c : best), "high" as RiskClass);
}

/**
 * The effective policy of a model: the repository's, with the keys the model's manifest sets (its parsed
 * spec.approval has no defaults, so an absent key is undefined) replacing the repository's.
 */
export function effectivePolicy(base: ApprovalPolicy, override: Partial<ApprovalPolicy> | undefined): ApprovalPolicy {
  if (!override) return base;
  const out: ApprovalPolicy = { ...base };
  if (override.approvals !== undefined) out.approvals = override.approvals;
  if (override.reviewers) out.reviewers = override.reviewers;
  if (override.riskClass) out.riskClass = override.riskClass;
  if (override.excludeCommitAuthors !== undefined) out.excludeCommitAuthors = override.excludeCommitAuthors;
  return out;
}

/** The decision as Markdown: the approval section of the sticky PR comment and the job summary. */
export function renderApprovalMarkdown(d: ApprovalDecision, esc: (s: string) => string = escapeMarkdown): string {
  const icon = { success: "✅", pending: "⏳", failure: "❌" }[d.state];
  const lines = [`### ${icon} Approval on \`${short(d.headSha)}\``, "", esc(d.description), ""];
  if (d.rules) {
    lines.push(`Judged by the rules of ${esc(d.rules.origin)}.`, "");
    if (d.rules.notice) lines.push(`> **The rules change.** ${esc(d.rules.notice)}`, "");
  }
  if (d.models.length > 0) {
    lines.push("| model | risk class | approvals | state | missing |", "| --- | --- | --- | --- | --- |");
    for (const m of d.models) {
      const who = m.approvers.map((a) => `@${esc(a.login)}`).join(", ");
      const missing = [
        ...m.missing.map(esc),
        ...(m.blockers.length ? [`changes requested by ${m.blockers.map((b) => `@${esc(b)}`).join(", ")}`] : []),
      ].join("; ");
      lines.push(
        `| ${esc(m.model)} | ${m.riskClass} | ${Math.min(m.approvers.length, m.needed)}/${m.needed}${who ? ` (${who})` : ""} | ${m.state} | ${missing || "—"} |`,
      );
    }
    lines.push("");
  }
  for (const m of d.models) if (m.note) lines.push(`- ${esc(m.model)}: ${esc(m.note)}`, "");
  if (d.stale.length > 0) {
    lines.push("Stale approvals (an older commit; they count again once the reviewer approves the head):", "");
    for (const s of d.stale) lines.push(`- @${esc(s.login)}: ${esc(s.reason)}`);
    lines.push("");
  }
  if (d.ignored.length > 0) {
    lines.push("Not counted:", "");
    for (const s of d.ignored) lines.push(`- @${esc(s.login)} (${s.state.toLowerCase()}): ${esc(s.reason)}`);
    lines.push("");
  }
  return lines.join("\n");
}

/** Escapes text for a Markdown table cell or line: no HTML, no table breaks, no mentions of arbitrary text. */
export function escapeMarkdown(s: string): string {
  return s.replace(/[\\`*_{}[\]<>|#]/g, (c) => `\\${c}`).replace(/\r?\n/g, " ");
}
