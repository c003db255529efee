import { createRequire as __mgCreateRequire } from 'node:module'; const require = __mgCreateRequire(import.meta.url);
import {
  LOG_GLOBS,
  logChanges,
  logPaths,
  reachableCommits,
  tagRefs
} from "./chunk-VWVBXSYG.js";
import {
  prefixIndex
} from "./chunk-DNC5GW5B.js";
import {
  parseTrailers
} from "./chunk-6LQ44VET.js";
import {
  isModelName,
  parseTag
} from "./chunk-NP3OSGPT.js";
import {
  actionText,
  chainProblems,
  parseLedger,
  parsePromotionRecord,
  promotionsPath
} from "./chunk-ES2OW2N4.js";
import {
  recordDigest,
  sha256Of
} from "./chunk-XKBXOX3L.js";
import {
  fastYamlValue
} from "./chunk-NI36P5E6.js";
import {
  API_VERSION,
  repoPath
} from "./chunk-A6WGSW5D.js";
import {
  UserError
} from "./chunk-VPZGVLTG.js";

// src/audit/config-check.ts
var isObj = (x) => typeof x === "object" && x !== null && !Array.isArray(x);
var isString = (x) => typeof x === "string";
var nonEmpty = (x) => typeof x === "string" && x.length >= 1;
var isBool = (x) => typeof x === "boolean";
var oneOf = (...values) => (x) => typeof x === "string" && values.includes(x);
var matches = (re) => (x) => typeof x === "string" && re.test(x);
var int = (min) => (x) => typeof x === "number" && Number.isSafeInteger(x) && x >= min;
var positive = (x) => typeof x === "number" && Number.isFinite(x) && x > 0;
var listOf = (item) => (x) => Array.isArray(x) && x.every(item);
var recordOf = (value, keys) => (x) => isObj(x) && Object.keys(x).every((k) => k !== "__proto__" && (!keys || keys.includes(k)) && value(x[k]));
var strict = (fields, required = []) => (x) => isObj(x) && required.every((k) => Object.hasOwn(x, k)) && Object.keys(x).every((k) => Object.hasOwn(fields, k) && fields[k](x[k]));
var name = matches(/^[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?$/);
var team = matches(/^[^/\s]+\/[^/\s]+$/);
var digest = matches(/^sha256:[0-9a-f]{64}$/);
var environment = strict(
  {
    name,
    promotion: oneOf("direct", "pull-request"),
    requiresTag: isBool,
    githubEnvironment: isString,
    requiresApproval: isBool,
    offlineReleases: isBool,
    namespace: name
  },
  ["name"]
);
var deploy = (x) => strict({
  gitops: oneOf("argocd", "flux"),
  argocd: strict({
    repoURL: nonEmpty,
    targetRevision: nonEmpty,
    namespace: name,
    project: nonEmpty,
    server: nonEmpty
  }),
  flux: strict({
    namespace: name,
    sourceRef: strict({ kind: oneOf("GitRepository", "OCIRepository", "Bucket"), name }),
    interval: matches(/^([0-9]+(\.[0-9]+)?(ms|s|m|h))+$/)
  })
})(x) && // the schema's refinement: Argo CD's objects need the repository it reads
(x.gitops !== "argocd" || nonEmpty(x.argocd?.repoURL));
var spec = strict({
  registry: isString,
  base: strict({ image: isString, digest }, ["image"]),
  kserve: strict({ version: oneOf("0.20.0"), storage: oneOf("modelcar", "image-volume") }),
  deploy,
  environments: listOf(environment),
  approval: strict({
    approvals: int(1),
    reviewers: strict({ users: listOf(nonEmpty), teams: listOf(team), codeowners: isBool }),
    riskClass: recordOf(strict({ extraApprovals: int(0), teams: listOf(team) }), ["minimal", "limited", "high"]),
    excludeCommitAuthors: isBool
  }),
  releasers: strict({ users: listOf(isString), teams: listOf(isString) }),
  drift: strict({ psiWarn: positive, psiFail: positive }),
  paths: strict({ models: isString, data: isString, deploy: isString, records: isString }),
  gitops: strict({ remote: isString, branch: isString }),
  identity: strict({ name: nonEmpty, email: nonEmpty }),
  github: strict({ app: nonEmpty, statusCreator: nonEmpty }),
  storage: strict({ s3: strict({ forcePathStyle: isBool }) }),
  allowWarn: isBool,
  attest: oneOf("required", "optional", "off"),
  trustPolicy: isString
});
var config = strict(
  {
    apiVersion: (x) => x === API_VERSION,
    kind: (x) => x === "Config",
    metadata: strict({ name, labels: recordOf(isString), annotations: recordOf(isString) }, ["name"]),
    spec
  },
  ["apiVersion", "kind", "metadata"]
);
function auditConfigOf(raw) {
  if (!config(raw)) return void 0;
  const s = raw.spec ?? {};
  const paths = s.paths ?? {};
  const identity = s.identity ?? {};
  const gitops = s.gitops ?? {};
  const environments = s.environments ?? DEFAULT_ENVIRONMENTS;
  return {
    // a configured folder as the schema normalises it (a default is taken as written)
    records: paths.records === void 0 ? "records" : repoPath(paths.records),
    deploy: paths.deploy === void 0 ? "deploy" : repoPath(paths.deploy),
    models: paths.models === void 0 ? "models" : repoPath(paths.models),
    data: paths.data === void 0 ? "data" : repoPath(paths.data),
    identity: {
      name: identity.name ?? "modelgate[bot]",
      email: identity.email ?? "modelgate-bot@users.noreply.github.com"
    },
    environments: environments.map((e) => ({
      name: e.name,
      requiresApproval: e.requiresApproval === true,
      ...e.offlineReleases === true ? { offlineReleases: true } : {}
    })),
    gitops: { remote: gitops.remote ?? null, branch: gitops.branch ?? null }
  };
}
var DEFAULT_ENVIRONMENTS = [{ name: "staging" }, { name: "production" }];
var defaultAuditConfig = () => auditConfigOf({ apiVersion: API_VERSION, kind: "Config", metadata: { name: "audit" } });

// src/audit/history.ts
var ZERO = /^0+$/;
function utc(date) {
  if (isUtcSecond(date)) return date;
  const t = Date.parse(date);
  return Number.isFinite(t) ? isoSeconds(new Date(t).toISOString()) : date;
}
function parseIdentLine(text) {
  const m = /^(.*?) <([^>]*)> (\d+) ([+-]\d{4})$/.exec(text.trim());
  if (!m) return void 0;
  return { name: m[1], email: m[2], date: fromEpoch(m[3]) };
}
function parseCommitObject(text) {
  const head = text.slice(0, text.indexOf("\n\n") >= 0 ? text.indexOf("\n\n") : text.length);
  const parents = [];
  let author;
  let committer;
  for (const line of head.split("\n")) {
    if (line.startsWith("parent ")) parents.push(line.slice(7));
    else if (line.startsWith("author ")) author = parseIdentLine(line.slice(7));
    else if (line.startsWith("committer ")) committer = parseIdentLine(line.slice(10));
  }
  return { parents, author, committer };
}
var epochDates = /* @__PURE__ */ new Map();
var fromEpoch = (s) => {
  let date = epochDates.get(s);
  if (date === void 0) {
    date = isoSeconds(new Date(Number(s) * 1e3).toISOString());
    if (epochDates.size >= 1e5) epochDates.clear();
    epochDates.set(s, date);
  }
  return date;
};
var DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
var isLeap = (y) => y % 4 === 0 && y % 100 !== 0 || y % 400 === 0;
var UTC_SECOND = /^(\d\d)(\d\d)-(\d\d)-(\d\d)T(?:[01]\d|2[0-3]):[0-5]\d:[0-5]\dZ$/;
function isUtcSecond(d) {
  const m = d.length === 20 ? UTC_SECOND.exec(d) : null;
  if (m === null) return false;
  const month = Number(m[3]);
  const day = Number(m[4]);
  if (month < 1 || month > 12 || day < 1) return false;
  if (day <= DAYS_IN_MONTH[month - 1]) return true;
  return month === 2 && day === 29 && isLeap(Number(m[1]) * 100 + Number(m[2]));
}
var isoSeconds = (iso) => iso.length === 24 && iso.charCodeAt(19) === 46 ? `${iso.slice(0, 19)}Z` : iso.replace(/\.\d{3}Z$/, "Z");
function configFrom(read, strict2 = false) {
  const spec2 = read.value?.spec;
  if (read.found && !spec2 && strict2) {
    const f = read.findings.find((x) => x.severity === "error");
    throw new UserError(
      `${f?.file ?? read.file}: ${f?.message ?? "not a valid configuration"}${f ? ` (line ${f.line})` : ""}; run \`modelgate validate\``
    );
  }
  if (!spec2) return defaultAuditConfig();
  return {
    records: spec2.paths.records,
    deploy: spec2.paths.deploy,
    models: spec2.paths.models,
    data: spec2.paths.data,
    identity: spec2.identity,
    environments: spec2.environments.map((e) => ({
      name: e.name,
      requiresApproval: e.requiresApproval,
      ...e.offlineReleases ? { offlineReleases: true } : {}
    })),
    gitops: { remote: spec2.gitops.remote ?? null, branch: spec2.gitops.branch ?? null }
  };
}
async function headConfig(ref, bytes) {
  if (bytes === void 0) return defaultAuditConfig();
  const fast = auditConfigOf(fastYamlValue(bytes.toString("utf8")));
  if (fast) return fast;
  const { manifestAt } = await import("./at-commit-TQPEZABA.js");
  return configFrom(manifestAt(ref, "modelgate.yaml", bytes, "Config"), true);
}
async function readHead(git, ref) {
  let got;
  try {
    got = await git.catFileBatch([`${ref}^{commit}`, `${ref}:modelgate.yaml`, `${ref}:records`]);
  } catch (err) {
    if (/not a git repository/i.test(err.message))
      throw new UserError(`${git.dir} is not in a git repository; audit reads a clone's history`);
    throw err;
  }
  const [head, cfgBlob, records] = got;
  if (head?.type !== "commit") {
    throw new UserError(
      `${ref} is not a commit in ${git.dir}; audit reads the GitOps branch (pass --ref, e.g. origin/main, and clone with its whole history: git clone, or actions/checkout with fetch-depth: 0)`
    );
  }
  const tip = head.oid;
  return {
    ref,
    tip,
    tipDate: parseCommitObject(head.content.toString("utf8")).committer?.date ?? "",
    objectFormat: tip.length === 64 ? "sha256" : "sha1",
    config: await headConfig(ref, cfgBlob?.type === "blob" ? cfgBlob.content : void 0),
    configBytes: cfgBlob?.content,
    recordsTree: records?.type === "tree" ? records.content : void 0
  };
}
function tagInfo(t) {
  const annotated = t.type === "tag";
  return {
    name: t.name,
    annotated,
    object: t.object,
    commit: annotated ? t.peeledType === "commit" ? t.peeled : void 0 : t.type === "commit" ? t.object : void 0,
    tagger: annotated && t.date ? { name: t.tagger, email: t.email, date: fromEpoch(t.date) } : void 0,
    subject: t.subject
  };
}
var tagModels = /* @__PURE__ */ new WeakMap();
function modelNamesOfTags(tags) {
  let names = tagModels.get(tags);
  if (!names) {
    names = /* @__PURE__ */ new Set();
    for (const t of tags) {
      const p = parseTag(t.name);
      if (p && isModelName(p.name)) names.add(p.name);
    }
    tagModels.set(tags, names);
  }
  return names;
}
async function readHistory(git, head, opts) {
  const { tip, config: config2 } = head;
  const started = opts.started;
  const [log, tags, reachable] = await Promise.all([
    logChanges(git, tip, logPaths(config2), LOG_GLOBS, started),
    tagRefs(git, started).then((refs) => {
      const tags2 = refs.map(tagInfo);
      modelNamesOfTags(tags2);
      return tags2;
    }),
    opts.reachable ? reachableCommits(git, tip, started) : Promise.resolve(void 0)
  ]);
  const commits = log.map((r) => {
    const parents = r.parents ? r.parents.split(" ") : [];
    const { changes, touched } = changesOf(parents, r.sections);
    return {
      oid: r.oid,
      parents,
      author: { name: r.an, email: r.ae, date: fromEpoch(r.ad) },
      committer: { name: r.cn, email: r.ce, date: fromEpoch(r.cd) },
      subject: r.subject,
      trailers: parseTrailers(r.trailers),
      changes,
      touched
    };
  });
  return {
    ...head,
    commits,
    byOid: new Map(commits.map((c) => [c.oid, c])),
    reachable,
    tags
  };
}
function changesOf(parents, sections) {
  if (sections.length === 0) return { changes: [], touched: [] };
  if (parents.length <= 1) return { changes: sections[0], touched: sections[0] };
  const touched = /* @__PURE__ */ new Map();
  for (const s of sections) for (const ch of s) if (!touched.has(ch.path)) touched.set(ch.path, ch);
  const inAll = sections.length === parents.length ? sections.slice(1).map((s) => new Set(s.map((ch) => ch.path))) : void 0;
  const changes = inAll ? sections[0].filter((ch) => inAll.every((paths) => paths.has(ch.path))) : [];
  return { changes, touched: [...touched.values()] };
}
function treeFolders(tree, format) {
  const out = [];
  if (!tree) return out;
  const idLength = format === "sha256" ? 32 : 20;
  for (let pos = 0; pos < tree.length; ) {
    const space = tree.indexOf(32, pos);
    const nul = tree.indexOf(0, space);
    if (space < 0 || nul < 0) break;
    if (tree.toString("latin1", pos, space) === "40000") out.push(tree.toString("utf8", space + 1, nul));
    pos = nul + 1 + idLength;
  }
  return out;
}
async function readObjects(git, names) {
  const list = [...new Set(names)];
  const got = await git.catFileBatch(list);
  return new Map(list.map((n, i) => [n, got[i]?.content]));
}
function escapeRe(s) {
  return s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}
var deployRe = /* @__PURE__ */ new Map();
var deployPaths = /* @__PURE__ */ new WeakMap();
function deployPathOf(snap, path) {
  let known2 = deployPaths.get(snap);
  if (!known2) {
    known2 = /* @__PURE__ */ new Map();
    deployPaths.set(snap, known2);
  }
  if (known2.has(path)) return known2.get(path);
  const d = readDeployPath(snap, path);
  known2.set(path, d);
  return d;
}
function readDeployPath(snap, path) {
  let re = deployRe.get(snap.config.deploy);
  if (!re) {
    re = new RegExp(`^${escapeRe(snap.config.deploy)}/([^/]+)/(.+)$`);
    deployRe.set(snap.config.deploy, re);
  }
  const m = re.exec(path);
  if (!m) return void 0;
  const o = /^overlays\/([^/]+)\/(.+)$/.exec(m[2]);
  if (o) return { model: m[1], env: o[1], file: o[2], base: false };
  return { model: m[1], file: m[2], base: m[2].startsWith("base/") };
}
function overlayOf(snap, path) {
  const d = deployPathOf(snap, path);
  return d?.env && d.file === "kustomization.yaml" ? { model: d.model, env: d.env } : void 0;
}

// src/audit/digests.ts
import { webcrypto } from "node:crypto";
var known = /* @__PURE__ */ new WeakMap();
function hashAhead(bufs) {
  const jobs = [];
  for (const buf of bufs) {
    if (!buf || known.has(buf)) continue;
    jobs.push(
      webcrypto.subtle.digest("SHA-256", buf).then(
        (d) => {
          known.set(buf, `sha256:${Buffer.from(d).toString("hex")}`);
        },
        () => {
        }
        // hashed when asked
      )
    );
  }
  return Promise.all(jobs).then(() => {
  });
}
function digestOf(buf) {
  return known.get(buf) ?? sha256Of(buf);
}

// src/audit/ledgers.ts
function ledgerModels(snap) {
  const names = /* @__PURE__ */ new Set();
  const re = new RegExp(`^${escapeRe(snap.config.records)}/([^/]+)/promotions\\.jsonl$`);
  for (const c of snap.commits)
    for (const ch of c.touched) {
      const m = re.exec(ch.path);
      if (m) names.add(m[1]);
    }
  return names;
}
function modelsOf(snap) {
  const names = ledgerModels(snap);
  for (const n of modelNamesOfTags(snap.tags)) names.add(n);
  return [...names].sort();
}
var lines = (text) => text.split("\n").filter((l) => l.trim() !== "");
var byPath = /* @__PURE__ */ new WeakMap();
function ledgerChanges(snap, path) {
  let index = byPath.get(snap);
  if (!index) {
    index = /* @__PURE__ */ new Map();
    for (const c of snap.commits)
      for (const ch of c.changes) {
        const list = index.get(ch.path) ?? [];
        list.push({ commit: c, change: ch });
        index.set(ch.path, list);
      }
    byPath.set(snap, index);
  }
  return index.get(path) ?? [];
}
function planLedger(snap, model, text, opts) {
  const path = promotionsPath(snap.config.records, model);
  const appends = /* @__PURE__ */ new Map();
  const read = /* @__PURE__ */ new Set();
  if (!opts.exact) {
    const lineOf = new Map(opts.parsed.entries.map((e) => [e.digest, e.line]));
    for (const { commit, change } of ledgerChanges(snap, path)) {
      for (const d of commit.trailers.get("Promotion-Record") ?? []) {
        const line = lineOf.get(d);
        if (line !== void 0) appends.set(`${commit.oid}:${change.newOid}`, line);
      }
    }
    return { path, appends, read: [], exact: false };
  }
  const index = opts.index ?? prefixIndex(text, snap.objectFormat);
  const tipLines = text === void 0 ? [] : text.split("\n");
  for (const { commit, change } of ledgerChanges(snap, path)) {
    const before = ZERO.test(change.oldOid) ? 0 : index.get(change.oldOid);
    const after = ZERO.test(change.newOid) ? void 0 : index.get(change.newOid);
    if (before !== void 0 && after !== void 0 && after === before + 1 && tipLines[after - 1].trim() !== "") {
      appends.set(`${commit.oid}:${change.newOid}`, after);
      continue;
    }
    if (!ZERO.test(change.oldOid)) read.add(change.oldOid);
    if (!ZERO.test(change.newOid)) read.add(change.newOid);
  }
  return { path, appends, read: [...read], exact: true };
}
function parseLine(line) {
  let json;
  try {
    json = JSON.parse(line);
  } catch {
    return {};
  }
  const r = parsePromotionRecord(json);
  return r.success ? { record: r.data, digest: recordDigest(json) } : {};
}
var describe = (line) => {
  const { record, digest: digest2 } = parseLine(line);
  if (record) return `#${record.sequence} (${actionText(record)}, ${digest2})`;
  try {
    const j = JSON.parse(line);
    if (typeof j.sequence === "number") return `#${j.sequence} (not a valid record)`;
  } catch {
  }
  return `"${line.slice(0, 60)}${line.length > 60 ? "\u2026" : ""}"`;
};
function changedFields(a, b) {
  let x;
  let y;
  try {
    x = JSON.parse(a);
    y = JSON.parse(b);
  } catch {
    return [];
  }
  const out = [];
  const walk = (p, u, v) => {
    if (JSON.stringify(u) === JSON.stringify(v)) return;
    if (u && v && typeof u === "object" && typeof v === "object" && !Array.isArray(u) && !Array.isArray(v)) {
      for (const k of /* @__PURE__ */ new Set([...Object.keys(u), ...Object.keys(v)]))
        walk(p ? `${p}.${k}` : k, u[k], v[k]);
      return;
    }
    out.push(p || "(the whole record)");
  };
  walk("", x, y);
  return out;
}
function classify(before, after) {
  const isPrefix = before.length <= after.length && before.every((l, i) => after[i] === l);
  if (isPrefix) {
    const added2 = after.slice(before.length);
    if (added2.length === 1) return { kind: "append", added: added2, message: "" };
    return {
      kind: "bulk",
      added: added2,
      message: `appended ${added2.length} records in one commit (${added2.map(describe).join(", ")}); modelgate appends one record per commit, with its trailers`
    };
  }
  const beforeSet = new Set(before);
  const afterSet = new Set(after);
  const removed = before.filter((l) => !afterSet.has(l));
  const added = after.filter((l) => !beforeSet.has(l));
  if (added.length === 0 && removed.length > 0) {
    return {
      kind: "deleted",
      added,
      message: `deleted ${removed.length === 1 ? "record" : `${removed.length} records`} ${removed.map(describe).join(", ")}`
    };
  }
  if (removed.length === 0 && added.length > 0) {
    const at = after.indexOf(added[0]);
    return {
      kind: "inserted",
      added,
      message: `inserted ${added.map(describe).join(", ")} at line ${at + 1}, before ${describe(after[at + 1] ?? "")}: records are only ever appended, in order`
    };
  }
  if (removed.length === 0 && added.length === 0) {
    return { kind: "reordered", added, message: "reordered the records (same lines, another order)" };
  }
  if (removed.length === added.length && removed.every((l) => before.indexOf(l) === after.indexOf(added[removed.indexOf(l)]))) {
    const parts = removed.map((l, i) => {
      const fields = changedFields(l, added[i]);
      return `${describe(l)}${fields.length ? `: ${fields.join(", ")} changed` : ""}`;
    });
    return {
      kind: "edited",
      added,
      message: `edited record ${parts.join("; ")}`,
      replaced: new Map(added.map((l, i) => [l, removed[i]]))
    };
  }
  return {
    kind: "rewritten",
    added,
    message: `rewrote the ledger: removed ${removed.map(describe).join(", ")}; added ${added.map(describe).join(", ")}`
  };
}
function indexLedger(snap, model, text, plan, blobs, parsed = parseLedger(text ?? "")) {
  const tipLines = text === void 0 ? [] : text.split("\n");
  const known2 = new Map(parsed.entries.map((e) => [tipLines[e.line - 1], { record: e.record, digest: e.digest }]));
  const added = /* @__PURE__ */ new Map();
  const byCommit = /* @__PURE__ */ new Map();
  const rewrites = [];
  const removed = /* @__PURE__ */ new Set();
  let unreadable = false;
  const add = (line, commit, tampered) => {
    if (added.has(line)) return;
    const a = { line, commit, tampered };
    const read = known2.get(line) ?? parseLine(line);
    if ("record" in read) a.record = read.record;
    if ("digest" in read) a.digest = read.digest;
    added.set(line, a);
    const list = byCommit.get(commit) ?? [];
    list.push(a);
    byCommit.set(commit, list);
  };
  for (const { commit, change } of ledgerChanges(snap, plan.path)) {
    const k = plan.appends.get(`${commit.oid}:${change.newOid}`);
    if (k !== void 0 && tipLines[k - 1].trim() !== "") {
      add(tipLines[k - 1], commit.oid, false);
      continue;
    }
    if (!plan.exact) continue;
    const read = (oid) => ZERO.test(oid) ? [] : blobs.get(oid) !== void 0 ? lines(blobs.get(oid).toString("utf8")) : void 0;
    const before = read(change.oldOid);
    const after = read(change.newOid);
    if (before === void 0 || after === void 0) {
      unreadable = true;
      rewrites.push({
        commit: commit.oid,
        message: `changed ${plan.path}, but a version of it is missing from the repository`,
        expected: "every version of the ledger readable in git"
      });
      continue;
    }
    const kept = new Set(after);
    for (const l of before) if (!kept.has(l)) removed.add(l);
    if (ZERO.test(change.newOid)) {
      rewrites.push({
        commit: commit.oid,
        message: `deleted ${plan.path} (${before.length} record${before.length === 1 ? "" : "s"})`,
        expected: "the ledger kept, and only ever appended to"
      });
      continue;
    }
    const c = classify(before, after);
    if (c.kind === "append") {
      add(c.added[0], commit.oid, false);
      continue;
    }
    for (const l of c.added) add(l, added.get(c.replaced?.get(l) ?? "")?.commit ?? commit.oid, true);
    rewrites.push({
      commit: commit.oid,
      message: `${plan.path}: ${c.message}`,
      expected: "one record appended at the end, chained to the last"
    });
  }
  if (plan.exact && !unreadable) rewrites.push(...dropped(snap, plan.path, tipLines, added, removed));
  return {
    model,
    path: plan.path,
    text,
    lines: tipLines,
    entries: parsed.entries,
    problems: parsed.problems,
    chain: chainProblems(parsed.entries),
    added,
    byCommit,
    rewrites
  };
}
function dropped(snap, path, tipLines, added, removed) {
  const atTip = new Set(tipLines);
  const out = [];
  for (const a of added.values()) {
    if (atTip.has(a.line) || removed.has(a.line)) continue;
    out.push({
      commit: a.commit,
      message: `${path}: record ${describe(a.line)} it appended is not in the ledger at ${snap.ref}, and no commit of the history deleted it: a merge dropped it`,
      expected: "every record appended kept in the ledger, which is only ever appended to"
    });
  }
  return out;
}
function entryLine(view, entry) {
  return view.lines[entry.line - 1] ?? "";
}
function addedBy(view, entry) {
  return view.added.get(entryLine(view, entry));
}

export {
  ZERO,
  utc,
  parseCommitObject,
  configFrom,
  readHead,
  readHistory,
  treeFolders,
  readObjects,
  escapeRe,
  deployPathOf,
  overlayOf,
  hashAhead,
  digestOf,
  ledgerModels,
  modelsOf,
  planLedger,
  indexLedger,
  entryLine,
  addedBy
};
