import { createRequire } from 'node:module';
import { f as filesAt } from './chunk-62RWLHT6-DusoIaw8.js';
import { a as listPullRequestFiles, f as fileAtCommit, c as collaboratorPermission, t as teamMembers, p as pullRequestCommitAuthors, h as headPushers } from './chunk-NKXRGQC5-h4gDLlTY.js';
import { g as readManifestAt, f as readManifestsAt } from './hot-validate-verify-COnm42W2.js';
import { g as configSchema, b as parseManifest } from './hot-plan-YWGJn6IT.js';
import { f as findingLocation } from './hot-validate-plan-verify-C9JqfCVv.js';
import { C as CONFIG_FILE } from './hot-validate-plan-audit-verify-DglurztO.js';
import { U as UserError } from './hot-help-validate-plan-audit-verify-CiDATK95.js';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { isDeepStrictEqual } from 'node:util';

const require$1 = createRequire(import.meta.url);

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
  return {
    logins: [...new Set(logins)].sort(),
    teams: [...teams].sort(),
    commitAuthors: models.some((m) => m.policy.excludeCommitAuthors)
  };
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
  const pushers = new Set((facts.headPushers ?? []).map(lc));
  const authors = new Set((facts.commitAuthors ?? []).map(lc));
  const stale = [];
  const ignored = [];
  const approvals = [];
  const changes = [];
  for (const r of opinions(facts.reviews)) {
    const aside = (reason) => ({ login: r.login, reviewId: r.id, state: r.state, reason });
    if (isBot(r.login, r.userType)) ignored.push(aside("a bot is never an approver"));
    else if (lc(r.login) === lc(facts.pr.author)) ignored.push(aside("the pull request's author"));
    else if (r.state === "DISMISSED") ignored.push(aside("review dismissed"));
    else if (r.state === "APPROVED" && pushers.has(lc(r.login))) {
      ignored.push(
        aside(`pushed the head commit ${short(head)}: the most recent push needs the approval of someone else`)
      );
    } else if (!WRITE.includes(perm.get(lc(r.login)) ?? "none")) {
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
    const excluded = (login) => Boolean(m.policy.excludeCommitAuthors) && authors.has(lc(login));
    for (const r of approvals.filter((a) => excluded(a.login))) {
      if (!ignored.some((x) => x.reviewId === r.id)) {
        ignored.push({
          login: r.login,
          reviewId: r.id,
          state: r.state,
          reason: "authored or committed a commit under review, and the policy excludes commit authors (excludeCommitAuthors)"
        });
      }
    }
    const approvers2 = approvals.filter((r) => allowed(r.login) && !excluded(r.login)).map((r) => ({ login: r.login, reviewId: r.id, commit: r.commitId ?? head, submittedAt: r.submittedAt ?? "" }));
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
  if (override.excludeCommitAuthors !== void 0) out.excludeCommitAuthors = override.excludeCommitAuthors;
  return out;
}
function renderApprovalMarkdown(d, esc = escapeMarkdown) {
  const icon = { success: "\u2705", pending: "\u23F3", failure: "\u274C" }[d.state];
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
var MODEL_FILE = /^([^/]+)\/model\.ya?ml$/;
async function readRulesAt(git, commit, what = `commit ${commit.slice(0, 12)}`) {
  if (await git.objectType(commit) !== "commit") {
    throw new UserError(
      `the rules are read from ${what}, which is not in this clone (${git.dir}); fetch it (\`git fetch origin ${commit}\`) or check it out, as the workflows in workflows/ do`
    );
  }
  const cfg = await readManifestAt(git, commit, CONFIG_FILE, "Config");
  if (cfg.found && !cfg.value) {
    const f = cfg.findings[0];
    throw new UserError(
      `${CONFIG_FILE} at ${what} is invalid (${f ? `${findingLocation(f)}: ${f.message}` : "unreadable"}): the rules are read from there, so fix it there first`
    );
  }
  const config = cfg.value ?? configSchema.parse({ apiVersion: "modelgate.dev/v1alpha1", kind: "Config", metadata: { name: "default" } });
  const modelsDir = config.spec.paths.models.replace(/^\.\//, "").replace(/\/+$/, "");
  const files = (await git.listFiles(commit, [modelsDir])).map((f) => ({ f, m: MODEL_FILE.exec(f.slice(modelsDir.length + 1)) })).filter((x) => x.f.startsWith(`${modelsDir}/`) && x.m).map((x) => ({ file: x.f, folder: x.m[1] }));
  const read = await readManifestsAt(
    git,
    commit,
    files.map((f) => f.file),
    "Model"
  );
  const models = [];
  const invalid = [];
  for (const [i, r] of read.entries()) {
    const { file, folder } = files[i];
    if (!r.value) {
      const f = r.findings[0];
      invalid.push({ file, name: folder, problem: f ? `${findingLocation(f)}: ${f.message}` : "unreadable" });
    } else if (r.value.metadata.name !== folder) {
      invalid.push({
        file,
        name: folder,
        problem: `metadata.name "${r.value.metadata.name}" differs from its folder "${folder}"`
      });
    } else if (!models.some((m) => m.name === folder)) {
      models.push({ name: folder, file, value: r.value });
    }
  }
  let codeowners;
  const texts = await Promise.all(CODEOWNERS_LOCATIONS.map(filesAt(git, commit)));
  for (const [i, file] of CODEOWNERS_LOCATIONS.entries()) {
    const text = texts[i];
    if (text !== void 0) {
      codeowners = { file, rules: parseCodeowners(text) };
      break;
    }
  }
  return { commit, config, models, invalid, ...codeowners ? { codeowners } : {} };
}
function rulesOfCheckout(repo) {
  const codeowners = readCodeowners(repo.root);
  return {
    config: repo.config,
    models: repo.models.map((m) => ({ name: m.value.metadata.name, file: m.file, value: m.value })),
    invalid: repo.invalid.filter((x) => x.kind === "Model").map((x) => {
      const f = repo.findings.find((y) => y.severity === "error" && y.file === x.file);
      return { file: x.file, ...x.name ? { name: x.name } : {}, problem: f ? f.message : "invalid" };
    }),
    ...codeowners ? { codeowners } : {}
  };
}
function rulesOrigin(rules, branch = "the base branch") {
  return rules.commit ? `${branch} at ${rules.commit.slice(0, 7)}` : "this checkout";
}
var CONFIG_RULES = [
  ["approval", "the approval policy"],
  ["releasers", "who may release"],
  ["environments", "the environments and their approvals"],
  ["allowWarn", "whether a warning may be published"],
  ["github", "the identity modelgate's jobs run as on GitHub"],
  ["identity", "the identity of modelgate's commits"],
  ["paths", "where models, records and overlays live"],
  ["gitops", "where promotions are committed"]
];
var MODEL_RULES = [
  ["gates", "gates"],
  ["approval", "approval policy"],
  ["riskClass", "risk class"]
];
function ruleFilesTouched(paths, rules) {
  const modelsDir = modelsFolder(rules);
  return [...new Set(paths)].filter(
    (file) => file === CONFIG_FILE || CODEOWNERS_LOCATIONS.includes(file) || file.startsWith(`${modelsDir}/`) && MODEL_FILE.test(file.slice(modelsDir.length + 1))
  ).sort();
}
var modelsFolder = (rules) => rules.config.spec.paths.models.replace(/^\.\//, "").replace(/\/+$/, "");
function rulesWithFiles(base, files) {
  const unreadable = [];
  const problem = (file, findings) => unreadable.push({ file, what: `invalid in the change: ${findings[0]?.message ?? "unreadable"}` });
  let config = base.config;
  if (files.has(CONFIG_FILE)) {
    const text = files.get(CONFIG_FILE);
    if (text === void 0)
      config = configSchema.parse({
        apiVersion: "modelgate.dev/v1alpha1",
        kind: "Config",
        metadata: { name: "default" }
      });
    else {
      const parsed = parseManifest(CONFIG_FILE, text, "Config");
      if (parsed.manifest?.value) config = parsed.manifest.value;
      else problem(CONFIG_FILE, parsed.findings);
    }
  }
  const modelsDir = modelsFolder(base);
  const models = base.models.filter((m) => !files.has(m.file));
  for (const [file, text] of files) {
    const m = file.startsWith(`${modelsDir}/`) ? MODEL_FILE.exec(file.slice(modelsDir.length + 1)) : null;
    if (!m || text === void 0) continue;
    const parsed = parseManifest(file, text, "Model");
    const value = parsed.manifest?.value;
    if (value?.metadata.name === m[1]) models.push({ name: m[1], file, value });
    else
      problem(
        file,
        value ? [{ message: `metadata.name "${value.metadata.name}" differs from its folder` }] : parsed.findings
      );
  }
  let codeowners = base.codeowners;
  if (CODEOWNERS_LOCATIONS.some((loc) => files.has(loc))) {
    codeowners = void 0;
    for (const loc of CODEOWNERS_LOCATIONS) {
      if (files.has(loc)) {
        const text = files.get(loc);
        if (text === void 0) continue;
        codeowners = { file: loc, rules: parseCodeowners(text) };
        break;
      }
      if (base.codeowners?.file === loc) {
        codeowners = base.codeowners;
        break;
      }
    }
  }
  return {
    rules: {
      ...base,
      config,
      models: models.sort((a, b) => a.name.localeCompare(b.name)),
      ...codeowners ? { codeowners } : { codeowners: void 0 }
    },
    unreadable
  };
}
function ruleChanges(before, after) {
  const out = [];
  const changedKeys = (a, b, keys) => keys.filter(([k]) => !isDeepStrictEqual(a[k], b[k])).map(([, what]) => what);
  const cfg = changedKeys(before.config.spec, after.config.spec, CONFIG_RULES);
  if (cfg.length) out.push({ file: CONFIG_FILE, what: cfg.join(", ") });
  const beforeOwners = before.codeowners?.rules.map((r) => [r.pattern, r.owners]);
  const afterOwners = after.codeowners?.rules.map((r) => [r.pattern, r.owners]);
  if (!isDeepStrictEqual(beforeOwners, afterOwners)) {
    out.push({ file: after.codeowners?.file ?? before.codeowners?.file ?? "CODEOWNERS", what: "the code owners" });
  }
  for (const m of after.models) {
    const old = before.models.find((x) => x.name === m.name);
    if (!old) continue;
    const parts = changedKeys(old.value.spec, m.value.spec, MODEL_RULES);
    if (parts.length) out.push({ file: m.file, what: `the ${parts.join(", ")} of ${m.name}` });
  }
  return out;
}
function reportRuleNotice(changes, gatesOrigin) {
  if (changes.length === 0) return void 0;
  const list = changes.map((c) => `${c.file} (${c.what})`).join("; ");
  return `This pull request changes the rules that judge it: ${list}. It is judged by the rules of its base branch, not by the ones it proposes: approve reads the approval policy there, and publish judges the gates and the approval again with the rules of the merge's first parent, so it needs the approvals the current rules require; its own rules apply only to changes after it is merged. The gates in this report are those of ${gatesOrigin}.`;
}
function ruleChangeNotice(changes, origin, subject = "This pull request") {
  if (changes.length === 0) return void 0;
  const list = changes.map((c) => `${c.file} (${c.what})`).join("; ");
  return `${subject} changes the rules that judge it: ${list}. It is judged by the rules of ${origin}, not by the ones it proposes: it needs the approvals the current rules require, and its own rules apply only to changes after it is merged.`;
}

// src/approve/read.ts
function newFactCache() {
  return { permissions: {}, teams: {} };
}
async function pullRequestRuleChanges(ctx, pr, rules) {
  const touched = ruleFilesTouched(await listPullRequestFiles(ctx, pr.number), rules);
  if (touched.length === 0) return [];
  const files = /* @__PURE__ */ new Map();
  for (const f of touched) files.set(f, await fileAtCommit(ctx, f, pr.headSha));
  const after = rulesWithFiles(rules, files);
  return [...ruleChanges(rules, after.rules), ...after.unreadable];
}
async function approvalFactsFromGitHub(ctx, pr, models, reviews, cache = newFactCache()) {
  const need = factsNeeded(models, reviews, pr.author);
  for (const login of need.logins) cache.permissions[login] ??= await collaboratorPermission(ctx, login);
  for (const team of need.teams) cache.teams[team] ??= await teamMembers(ctx, team);
  return {
    pr: { number: pr.number, author: pr.author, headSha: pr.headSha },
    reviews,
    permissions: cache.permissions,
    teams: cache.teams,
    headPushers: await headPushers(ctx, pr),
    ...need.commitAuthors ? { commitAuthors: await pullRequestCommitAuthors(ctx, pr.number) } : {}
  };
}

export { readRulesAt as a, rulesOfCheckout as b, rulesOrigin as c, approvalFactsFromGitHub as d, evaluateApproval as e, ruleChangeNotice as f, effectivePolicy as g, ruleChanges as h, reportRuleNotice as i, newFactCache as n, ownersOfPaths as o, pullRequestRuleChanges as p, renderApprovalMarkdown as r, strictestRiskClass as s };
