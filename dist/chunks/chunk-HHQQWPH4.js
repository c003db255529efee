import { createRequire as __mgCreateRequire } from 'node:module'; const require = __mgCreateRequire(import.meta.url);
import {
  readFactsFile
} from "./chunk-ECKY5JUV.js";
import {
  PR_COMMENT_MARKER,
  collaboratorPermission,
  getPullRequest,
  listReviews,
  resolveContext,
  setCommitStatus,
  teamMembers,
  upsertStickySection,
  writeJobSummary
} from "./chunk-BQKVR4UH.js";
import {
  parseArgs,
  str
} from "./chunk-NJ3H4BEK.js";
import {
  loadRepository
} from "./chunk-ZY5OX6SA.js";
import {
  toJson
} from "./chunk-RQB7ZENY.js";
import {
  external_exports
} from "./chunk-WARMS5WM.js";
import {
  EXIT_FAILED,
  EXIT_OK,
  UserError
} from "./chunk-7SHYJVU3.js";

// src/commands/approve.ts
import { relative, resolve, sep } from "node:path";

// src/approve/codeowners.ts
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
var CODEOWNERS_LOCATIONS = [".github/CODEOWNERS", "CODEOWNERS", "docs/CODEOWNERS"];
function readCodeowners(root) {
  for (const file of CODEOWNERS_LOCATIONS) {
    const abs = join(root, file);
    if (existsSync(abs)) return { file, rules: parseCodeowners(readFileSync(abs, "utf8")) };
  }
  return void 0;
}
function parseCodeowners(text) {
  const rules = [];
  text.split(/\r?\n/).forEach((raw, i) => {
    const line = raw.replace(/(^|\s)#.*$/, "").trim();
    if (!line) return;
    const parts = line.match(/(?:\\.|\S)+/g) ?? [];
    const [pattern, ...owners] = parts;
    if (!pattern || pattern.startsWith("!") || pattern.includes("[")) return;
    rules.push({ pattern, owners, line: i + 1, regex: patternRegex(pattern.replace(/\\(.)/g, "$1")) });
  });
  return rules;
}
function patternRegex(pattern) {
  let p = pattern;
  const dirOnly = p.endsWith("/");
  if (dirOnly) p = p.slice(0, -1);
  const anchored = p.startsWith("/") || p.includes("/");
  if (p.startsWith("/")) p = p.slice(1);
  const directChildren = p.endsWith("/*");
  let re = "";
  for (let i = 0; i < p.length; i++) {
    const c = p[i];
    if (c === "*" && p[i + 1] === "*") {
      if (p[i + 2] === "/") {
        re += "(?:.*/)?";
        i += 2;
      } else {
        re += ".*";
        i += 1;
      }
    } else if (c === "*") re += "[^/]*";
    else if (c === "?") re += "[^/]";
    else re += c.replace(/[.+^${}()|[\]\\]/g, "\\$&");
  }
  const prefix = anchored ? "^" : "^(?:.*/)?";
  const suffix = dirOnly ? "/.*$" : directChildren ? "$" : "(?:/.*)?$";
  return new RegExp(prefix + re + suffix);
}
function ownersOf(rules, path) {
  const p = path.replace(/^\/+/, "");
  let owners = [];
  for (const r of rules) if (r.regex.test(p)) owners = r.owners;
  return owners;
}
function ownersOfPaths(rules, paths) {
  const out = /* @__PURE__ */ new Set();
  for (const path of paths) for (const o of ownersOf(rules, path)) if (o.startsWith("@")) out.add(o);
  return [...out].sort();
}

// src/approve/facts.ts
var approvalFactsSchema = external_exports.strictObject({
  pr: external_exports.strictObject({
    number: external_exports.number().int().positive(),
    author: external_exports.string().min(1),
    headSha: external_exports.string().regex(/^[0-9a-f]{7,64}$/, "must be a commit id"),
    url: external_exports.string().optional().describe("The pull request's web address (publish records it).")
  }),
  mergedBy: external_exports.string().optional().describe("Who merged the pull request (publish --facts records it)."),
  reviews: external_exports.array(
    external_exports.strictObject({
      id: external_exports.number().int(),
      login: external_exports.string().min(1),
      userType: external_exports.string().default("User"),
      state: external_exports.enum(["APPROVED", "CHANGES_REQUESTED", "COMMENTED", "DISMISSED", "PENDING"]),
      commitId: external_exports.string().nullable(),
      submittedAt: external_exports.string().nullable().describe("null for a pending review, which never counts")
    })
  ),
  permissions: external_exports.record(external_exports.string(), external_exports.enum(["admin", "maintain", "write", "triage", "read", "none"])).default({}),
  teams: external_exports.record(external_exports.string(), external_exports.array(external_exports.string())).default({})
});
function readApprovalFacts(file) {
  return readFactsFile(file, approvalFactsSchema);
}

// src/approve/policy.ts
var WRITE = ["admin", "maintain", "write"];
var lc = (s) => s.toLowerCase();
var stripAt = (s) => s.replace(/^@/, "");
function isBot(login, userType) {
  return userType === "Bot" || /\[bot\]$/i.test(login);
}
function opinions(reviews) {
  const sorted = reviews.filter((r) => r.state !== "PENDING" && r.submittedAt).map((r, i) => ({ r, i })).sort((a, b) => a.r.submittedAt < b.r.submittedAt ? -1 : a.r.submittedAt > b.r.submittedAt ? 1 : a.i - b.i).map((x) => x.r);
  const latest = /* @__PURE__ */ new Map();
  for (const r of sorted) if (r.state !== "COMMENTED") latest.set(lc(r.login), r);
  return [...latest.values()];
}
function teamsOf(m) {
  const risk = m.policy.riskClass[m.riskClass];
  return {
    policyTeams: m.policy.reviewers.teams.map(stripAt),
    riskTeams: (risk?.teams ?? []).map(stripAt),
    ownerTeams: m.policy.reviewers.codeowners ? m.codeowners.filter((o) => o.includes("/")).map(stripAt) : []
  };
}
function factsNeeded(models, reviews, author) {
  const logins = opinions(reviews).filter((r) => (r.state === "APPROVED" || r.state === "CHANGES_REQUESTED") && !isBot(r.login, r.userType)).filter((r) => lc(r.login) !== lc(author)).map((r) => r.login);
  const teams = /* @__PURE__ */ new Set();
  for (const m of models) {
    const t = teamsOf(m);
    for (const x of [...t.policyTeams, ...t.riskTeams, ...t.ownerTeams]) teams.add(lc(x));
  }
  return { logins: [...new Set(logins)].sort(), teams: [...teams].sort() };
}
function short(sha) {
  return sha.slice(0, 7);
}
function plural(n, word) {
  return `${n} ${word}${n === 1 ? "" : "s"}`;
}
function evaluateApproval(models, facts) {
  const head = facts.pr.headSha;
  const perm = new Map(Object.entries(facts.permissions).map(([k, v]) => [lc(k), v]));
  const teams = new Map(Object.entries(facts.teams).map(([k, v]) => [lc(stripAt(k)), new Set(v.map(lc))]));
  const inTeam = (login, team) => teams.get(lc(team))?.has(lc(login)) ?? false;
  const stale = [];
  const ignored = [];
  const approvals = [];
  const changes = [];
  for (const r of opinions(facts.reviews)) {
    const aside = (reason) => ({ login: r.login, reviewId: r.id, state: r.state, reason });
    if (isBot(r.login, r.userType)) ignored.push(aside("a bot is never an approver"));
    else if (lc(r.login) === lc(facts.pr.author)) ignored.push(aside("the pull request's author"));
    else if (r.state === "DISMISSED") ignored.push(aside("review dismissed"));
    else if (!WRITE.includes(perm.get(lc(r.login)) ?? "none")) {
      ignored.push(aside(`no write permission (${perm.get(lc(r.login)) ?? "none"})`));
    } else if (r.state === "APPROVED" && r.commitId !== head) {
      stale.push(
        aside(`approved ${r.commitId ? short(r.commitId) : "an unknown commit"}, not the head ${short(head)}`)
      );
    } else if (r.state === "APPROVED") approvals.push(r);
    else if (r.state === "CHANGES_REQUESTED") changes.push(r);
  }
  const decisions = models.map((m) => {
    const { policyTeams, riskTeams, ownerTeams } = teamsOf(m);
    const users = m.policy.reviewers.users.map((u) => lc(stripAt(u)));
    const ownerUsers = m.policy.reviewers.codeowners ? m.codeowners.filter((o) => !o.includes("/")).map((o) => lc(stripAt(o))) : [];
    const open = users.length === 0 && policyTeams.length === 0 && !m.policy.reviewers.codeowners;
    const allowed = (login) => open || users.includes(lc(login)) || ownerUsers.includes(lc(login)) || [...policyTeams, ...ownerTeams, ...riskTeams].some((t) => inTeam(login, t));
    const risk = m.policy.riskClass[m.riskClass];
    const needed = Math.max(m.policy.approvals, 0) + (risk?.extraApprovals ?? 0);
    const approvers2 = approvals.filter((r) => allowed(r.login)).map((r) => ({ login: r.login, reviewId: r.id, commit: r.commitId ?? head, submittedAt: r.submittedAt ?? "" }));
    const blockers = changes.filter((r) => allowed(r.login)).map((r) => r.login);
    const riskMet = riskTeams.length === 0 || approvers2.some((a) => riskTeams.some((t) => inTeam(a.login, t)));
    const missing = [];
    const short_ = needed - approvers2.length;
    const who = [
      ...m.policy.reviewers.users.map((u) => `@${stripAt(u)}`),
      ...policyTeams.map((t) => `@${t}`),
      ...m.policy.reviewers.codeowners ? ["CODEOWNERS"] : [],
      ...riskTeams.map((t) => `@${t}`)
    ];
    if (short_ > 0) {
      missing.push(
        `${plural(short_, "approval")}${open ? " from a reviewer with write access" : ` from ${[...new Set(who)].join(", ")}`}`
      );
    }
    if (!riskMet) {
      missing.push(`an approval from ${riskTeams.map((t) => `@${t}`).join(" or ")} (${m.riskClass} risk)`);
    }
    const state2 = blockers.length > 0 ? "failure" : missing.length > 0 ? "pending" : "success";
    return {
      model: m.name,
      riskClass: m.riskClass,
      state: state2,
      needed,
      approvers: approvers2,
      blockers,
      missing,
      ...m.note ? { note: m.note } : {}
    };
  });
  const state = decisions.some((d) => d.state === "failure") ? "failure" : decisions.some((d) => d.state === "pending") || decisions.length === 0 ? "pending" : "success";
  const approvers = /* @__PURE__ */ new Map();
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
    ignored
  };
}
function describe(decisions, head, state) {
  if (decisions.length === 0) return "no model to approve";
  const many = decisions.length > 1;
  const prefix = (d) => many ? `${d.model}: ` : "";
  let text;
  if (state === "success") {
    const logins = [...new Set(decisions.flatMap((d) => d.approvers.map((a) => a.login)))];
    const counts = decisions.map((d) => `${prefix(d)}${Math.min(d.approvers.length, d.needed)}/${d.needed}`).join(", ");
    text = `${counts} approvals (${logins.join(", ")}) on ${short(head)}`;
  } else if (state === "failure") {
    text = decisions.filter((d) => d.state === "failure").map((d) => `${prefix(d)}changes requested by ${d.blockers.map((b) => `@${b}`).join(", ")}`).join("; ");
  } else {
    text = decisions.filter((d) => d.state === "pending").map((d) => `${prefix(d)}waiting for ${d.missing.join(" and ")}`).join("; ");
  }
  return text.length <= 140 ? text : `${text.slice(0, 139)}\u2026`;
}
function strictestRiskClass(policy) {
  const order = ["high", "limited", "minimal"];
  const weight = (c) => {
    const r = policy.riskClass[c];
    return r ? r.extraApprovals * 2 + (r.teams.length > 0 ? 1 : 0) : -1;
  };
  return order.reduce((best, c) => weight(c) > weight(best) ? c : best, "high");
}
function effectivePolicy(base, override) {
  if (!override) return base;
  const out = { ...base };
  if (override.approvals !== void 0) out.approvals = override.approvals;
  if (override.reviewers) out.reviewers = override.reviewers;
  if (override.riskClass) out.riskClass = override.riskClass;
  return out;
}
function renderApprovalMarkdown(d, esc = escapeMarkdown) {
  const icon = { success: "\u2705", pending: "\u23F3", failure: "\u274C" }[d.state];
  const lines = [`### ${icon} Approval on \`${short(d.headSha)}\``, "", esc(d.description), ""];
  if (d.models.length > 0) {
    lines.push("| model | risk class | approvals | state | missing |", "| --- | --- | --- | --- | --- |");
    for (const m of d.models) {
      const who = m.approvers.map((a) => `@${esc(a.login)}`).join(", ");
      const missing = [
        ...m.missing.map(esc),
        ...m.blockers.length ? [`changes requested by ${m.blockers.map((b) => `@${esc(b)}`).join(", ")}`] : []
      ].join("; ");
      lines.push(
        `| ${esc(m.model)} | ${m.riskClass} | ${Math.min(m.approvers.length, m.needed)}/${m.needed}${who ? ` (${who})` : ""} | ${m.state} | ${missing || "\u2014"} |`
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
function escapeMarkdown(s) {
  return s.replace(/[\\`*_{}[\]<>|#]/g, (c) => `\\${c}`).replace(/\r?\n/g, " ");
}

// src/commands/approve.ts
var APPROVAL_CONTEXT = "modelgate/approval";
function parseModelList(text) {
  const t = (text ?? "").trim();
  if (!t) return void 0;
  if (t.startsWith("[")) {
    let list;
    try {
      list = JSON.parse(t);
    } catch (err) {
      throw new UserError(`models: not valid JSON (${err.message}); give a JSON list or a comma list`);
    }
    if (!Array.isArray(list) || list.some((x) => typeof x !== "string" && typeof x?.name !== "string")) {
      throw new UserError(`models: expected a JSON list of model names, got ${t.slice(0, 80)}`);
    }
    return list.map((x) => typeof x === "string" ? x : x.name);
  }
  return t.split(/[\s,]+/).map((s) => s.trim()).filter(Boolean);
}
function modelsUnderReview(repo, names) {
  const base = repo.config.spec.approval;
  const owners = readCodeowners(repo.root);
  const available = repo.models.map((m) => m.value.metadata.name);
  const wanted = names ?? available;
  return wanted.map((name) => {
    const m = repo.models.find((x) => x.value.metadata.name === name);
    if (!m) {
      const broken = repo.findings.find((f) => f.severity === "error" && f.file.includes(`/${name}/`));
      if (broken || !/^[a-z0-9]([a-z0-9._-]*[a-z0-9])?$/.test(name)) {
        throw new UserError(
          broken ? `model "${name}" has an invalid manifest (${broken.file}:${broken.line ?? 1}: ${broken.message}); run \`modelgate validate\`` : `no model named "${name}" in ${repo.root}${available.length ? ` (models: ${available.join(", ")})` : ""}`
        );
      }
      const riskClass = strictestRiskClass(base);
      const dir = `${repo.config.spec.paths.models}/${name}/`;
      return {
        name,
        policy: base,
        riskClass,
        codeowners: owners ? ownersOfPaths(owners.rules, [dir, `${dir}model.yaml`]) : [],
        note: `not in this checkout (new in this pull request?): judged by the repository's policy at the strictest risk class (${riskClass})`
      };
    }
    const policy = effectivePolicy(base, m.value.spec.approval);
    const artifact = relative(repo.root, `${m.dir}${sep}${m.value.spec.artifact.path}`).split(sep).join("/");
    const paths = [m.file, artifact, `${m.file.replace(/[^/]+$/, "")}`];
    return {
      name,
      policy,
      riskClass: m.value.spec.riskClass ?? "minimal",
      codeowners: owners ? ownersOfPaths(owners.rules, paths) : []
    };
  });
}
async function runApprove(opts) {
  const ctx = resolveContext(opts.env, {
    repo: opts.repo,
    pr: opts.pr,
    token: opts.token,
    appSlug: opts.appSlug,
    http: opts.http
  });
  if (!ctx.pr) {
    throw new UserError("no pull request: pass --pr N (or run on a pull_request or pull_request_review event)");
  }
  let headSha = ctx.eventHeadSha;
  let decision;
  let apiError;
  let models;
  try {
    models = modelsUnderReview(loadRepository(opts.cwd), opts.models);
  } catch (err) {
    if (headSha && opts.status !== false) {
      await setCommitStatus(ctx, {
        sha: headSha,
        state: "failure",
        context: APPROVAL_CONTEXT,
        description: "configuration error: see the job log",
        targetUrl: ctx.runUrl
      }).catch(() => {
      });
    }
    throw err;
  }
  try {
    const permissions = {};
    const teams = {};
    let pr = await getPullRequest(ctx);
    headSha = pr.headSha;
    let reviews = await listReviews(ctx);
    for (let attempt = 1; ; attempt++) {
      headSha = pr.headSha;
      const need = factsNeeded(models, reviews, pr.author);
      for (const login of need.logins) permissions[login] ??= await collaboratorPermission(ctx, login);
      for (const team of need.teams) teams[team] ??= await teamMembers(ctx, team);
      decision = evaluateApproval(models, {
        pr: { number: pr.number, author: pr.author, headSha: pr.headSha },
        reviews,
        permissions,
        teams
      });
      if (opts.status === false) break;
      const [prNow, reviewsNow] = await Promise.all([getPullRequest(ctx), listReviews(ctx)]);
      if (prNow.headSha === pr.headSha && snapshot(reviewsNow) === snapshot(reviews)) break;
      if (attempt >= 3) throw new Error("the pull request kept changing while its reviews were read; re-run");
      pr = prNow;
      reviews = reviewsNow;
    }
  } catch (err) {
    if (err instanceof UserError) throw err;
    apiError = err.message;
    decision = failClosed(models, headSha ?? "", apiError);
  }
  const result = { decision, statusSet: false, apiError };
  if (opts.status !== false) {
    if (!headSha) {
      result.statusError = "the head commit is unknown (the pull request could not be read), so no status was set";
    } else {
      try {
        await setCommitStatus(ctx, {
          sha: headSha,
          state: decision.state,
          context: APPROVAL_CONTEXT,
          description: decision.description,
          targetUrl: ctx.runUrl ?? `${ctx.serverUrl}/${ctx.owner}/${ctx.repo}/pull/${ctx.pr}`
        });
        result.statusSet = true;
      } catch (err) {
        result.statusError = err.message;
      }
    }
  }
  if (opts.comment !== false && !apiError) {
    try {
      await upsertStickySection(ctx, ctx.pr, PR_COMMENT_MARKER, "approval", renderApprovalMarkdown(decision));
    } catch (err) {
      result.commentError = err.message;
    }
  }
  return result;
}
function snapshot(reviews) {
  return reviews.map((r) => `${r.id}:${r.state}:${r.commitId}`).join(",");
}
function failClosed(models, headSha, error) {
  const description = `not approved: ${error}`;
  return {
    state: "failure",
    approved: false,
    description: description.length <= 140 ? description : `${description.slice(0, 139)}\u2026`,
    headSha,
    models: models.map((m) => ({
      model: m.name,
      riskClass: m.riskClass,
      state: "failure",
      needed: 0,
      approvers: [],
      blockers: [],
      missing: [`could not verify approvals: ${error}`]
    })),
    approvers: [],
    stale: [],
    ignored: []
  };
}
function decideFromFacts(cwd, file, models) {
  const facts = readApprovalFacts(file);
  const decision = evaluateApproval(modelsUnderReview(loadRepository(cwd), models), facts);
  return { decision, statusSet: false };
}
function formatApproveResult(r) {
  const d = r.decision;
  const lines = [`${APPROVAL_CONTEXT}: ${d.state} \u2014 ${d.description}`];
  for (const m of d.models) {
    const who = m.approvers.map((a) => a.login).join(", ");
    lines.push(
      `  ${m.model} (${m.riskClass} risk): ${m.state}, ${Math.min(m.approvers.length, m.needed)}/${m.needed} approvals${who ? ` (${who})` : ""}${m.missing.length ? `; missing ${m.missing.join(" and ")}` : ""}${m.blockers.length ? `; changes requested by ${m.blockers.join(", ")}` : ""}`
    );
  }
  for (const m of d.models) if (m.note) lines.push(`  ${m.model}: ${m.note}`);
  for (const s of d.stale) lines.push(`  stale: ${s.login} (review ${s.reviewId}) ${s.reason}`);
  for (const s of d.ignored) lines.push(`  not counted: ${s.login} (review ${s.reviewId}, ${s.state}): ${s.reason}`);
  if (r.apiError) lines.push(`GitHub API error, so the gate stays closed: ${r.apiError}`);
  if (r.statusSet) lines.push(`status ${APPROVAL_CONTEXT} set on ${d.headSha.slice(0, 7)}`);
  else if (r.statusError) lines.push(`could not set the status ${APPROVAL_CONTEXT}: ${r.statusError}`);
  if (r.commentError) lines.push(`warning: could not update the PR comment: ${r.commentError}`);
  return `${lines.join("\n")}
`;
}
function approveExitCode(r, statusWanted = true) {
  if (r.decision.state === "failure") return EXIT_FAILED;
  if (statusWanted && !r.statusSet) return EXIT_FAILED;
  return EXIT_OK;
}
var command = {
  name: "approve",
  summary: "read the PR's reviews against the approval policy; set the modelgate/approval status",
  usage: `Usage: modelgate approve [--repo OWNER/NAME] [--pr N] [--models a,b] [--dry-run] [--no-comment] [--json]
       modelgate approve --facts FILE [--models a,b] [--json]

Reads every review of the pull request and decides, for each model it touches, whether that model's approval
policy (modelgate.yaml spec.approval, overridden by a Model's spec.approval) holds on the PR's head commit, then
sets the commit status ${APPROVAL_CONTEXT} on that commit (branch protection can require it) and updates the
approval section of the sticky PR comment.

How reviews are read: each reviewer's latest review that is not a comment is their opinion; an approval counts only
on the head commit (older ones are listed as stale); the PR's author, bots, reviewers without write permission,
dismissed and pending reviews never count; "changes requested" from an allowed reviewer blocks. Any GitHub API
error leaves the gate unapproved (status failure, with the error).

Options:
  --repo OWNER/NAME   the repository (default: GITHUB_REPOSITORY)
  --pr N              the pull request (default: from the event in GITHUB_EVENT_PATH)
  --models a,b        the models the PR touches (default: every model in the repository); a model that is
                      not in the checkout (new in the PR, when the base branch is checked out) is judged by
                      the repository's policy at its strictest risk class
  --dry-run           decide and print; set no status, write no comment
  --facts FILE        decide from a JSON file instead of GitHub, and set nothing: {"pr": {number, author,
                      headSha}, "reviews": [{id, login, userType, state, commitId, submittedAt}],
                      "permissions": {login: "write"|\u2026}, "teams": {"org/team": [logins]}}
  --no-comment        set the status but leave the PR comment alone
  --app-slug SLUG     the GitHub App that issued the token (an installation token other than GITHUB_TOKEN):
                      the sticky comment is the one <SLUG>[bot] wrote; modelgate edits no other comment
  --json              the decision as JSON (approvers: login, reviewId, commit, submittedAt)
  -h, --help          this text

Environment: GITHUB_TOKEN (needs statuses: write, pull-requests: read; teams need a token that can read the
organization's members), GITHUB_API_URL for GitHub Enterprise Server.
Exit codes: 0 approved or waiting for approvals (see the status), 1 changes requested, an API error, or the status
could not be set, 2 usage or configuration error (also a GitHub token that is refused or cannot see the
repository), 70 internal error (a bug in modelgate; please report it).
`,
  async run(args, io) {
    const { values } = parseArgs(
      "approve",
      args,
      {
        repo: { type: "string" },
        pr: { type: "string" },
        models: { type: "string" },
        "dry-run": { type: "boolean" },
        "no-comment": { type: "boolean" },
        facts: { type: "string" },
        "app-slug": { type: "string" }
      },
      false
    );
    const dry = Boolean(values["dry-run"]);
    const factsFile = str(values.facts);
    const result = factsFile ? decideFromFacts(io.cwd, resolve(io.cwd, factsFile), parseModelList(str(values.models))) : await runApprove({
      cwd: io.cwd,
      env: io.env,
      repo: str(values.repo),
      pr: str(values.pr),
      models: parseModelList(str(values.models)),
      appSlug: str(values["app-slug"]),
      status: !dry,
      comment: !dry && !values["no-comment"]
    });
    if (io.env.GITHUB_STEP_SUMMARY) writeJobSummary(renderApprovalMarkdown(result.decision), io.env);
    if (values.json) {
      io.out(
        toJson({
          approved: result.decision.approved,
          state: result.decision.state,
          description: result.decision.description,
          headSha: result.decision.headSha,
          approvers: result.decision.approvers,
          models: result.decision.models,
          stale: result.decision.stale,
          ignored: result.decision.ignored,
          statusSet: result.statusSet,
          ...result.statusError ? { statusError: result.statusError } : {},
          ...result.apiError ? { apiError: result.apiError } : {}
        })
      );
    } else {
      io.out(formatApproveResult(result));
    }
    return approveExitCode(result, !dry && !factsFile);
  }
};

export {
  approvalFactsSchema,
  renderApprovalMarkdown,
  APPROVAL_CONTEXT,
  parseModelList,
  runApprove,
  decideFromFacts,
  formatApproveResult,
  approveExitCode,
  command
};
