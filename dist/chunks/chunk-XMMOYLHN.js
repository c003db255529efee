import { createRequire as __mgCreateRequire } from 'node:module'; const require = __mgCreateRequire(import.meta.url);
import {
  readFactsFile
} from "./chunk-3ZDSQ6SL.js";
import {
  external_exports
} from "./chunk-S7XOYATL.js";
import {
  UserError
} from "./chunk-H5EPG2ZH.js";

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

// src/approve/decide.ts
import { relative, sep } from "node:path";

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

// src/approve/decide.ts
var APPROVAL_CONTEXT = "modelgate/approval";
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
function decideFromFacts(repo, facts, models) {
  return evaluateApproval(modelsUnderReview(repo, models), facts);
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

// src/vocabulary.ts
var REVIEW_STATES = ["APPROVED", "CHANGES_REQUESTED", "COMMENTED", "DISMISSED", "PENDING"];

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
      state: external_exports.enum(REVIEW_STATES),
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

export {
  factsNeeded,
  evaluateApproval,
  renderApprovalMarkdown,
  APPROVAL_CONTEXT,
  modelsUnderReview,
  decideFromFacts,
  failClosed,
  approvalFactsSchema,
  readApprovalFacts
};
