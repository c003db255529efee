import assert from "node:assert/strict";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { test } from "node:test";
import { parse } from "yaml";
import { packageHome } from "../../src/init/home.ts";
import {
  callSites,
  endpointOf,
  ghApiCalls,
  matchesTemplate,
  pushesWithGit,
  reachedChunks,
  restCallsOf,
} from "./github-calls.ts";

/**
 * Each job's `permissions:` derived from the calls its steps make, against GitHub's own table of the permission each
 * REST endpoint needs (test/fixtures/github/server-to-server-permissions.json, copied from github/docs): every call is
 * covered (the job can do its work), and every permission granted is needed by some call (least privilege: taking any
 * one away, or lowering a write to a read, leaves a call uncovered).
 */

type Level = "read" | "write";
type Grant = Record<string, Level>;
/** One alternative is enough; each alternative needs all of its permissions. */
interface Requirement {
  what: string;
  anyOf: Grant[];
}

interface Row {
  verb: string;
  requestPath: string;
  access: Level;
  "additional-permissions": boolean;
}
const fixture = JSON.parse(readFileSync("test/fixtures/github/server-to-server-permissions.json", "utf8")) as {
  permissions: Record<string, { permissions: Row[] }>;
  alternatives: { endpoints: string[] };
};
const rows = Object.entries(fixture.permissions).flatMap(([permission, group]) =>
  group.permissions.map((r) => ({ permission, endpoint: `${r.verb.toUpperCase()} ${r.requestPath}`, ...r })),
);

/** The table's permission names as a workflow's `permissions:` spells them; metadata: read every token has. */
const WORKFLOW_KEY: Record<string, string | null> = {
  actions: "actions",
  checks: "checks",
  contents: "contents",
  issues: "issues",
  packages: "packages",
  pull_requests: "pull-requests",
  statuses: "statuses",
  metadata: null,
};

/**
 * Calls no `permissions:` can grant to GITHUB_TOKEN, each with what happens instead. modelgate's actions take a
 * `token` input for them.
 */
const OTHER_TOKEN: Record<string, string> = {
  "GET /user":
    "tokenIdentity asks whom the token acts as; the table has no installation-token row for it (its Profile group lists PATCH /user for user tokens only), GitHub answers GITHUB_TOKEN 403, and modelgate reads that as github-actions[bot]",
  "GET /orgs/{org}/teams/{team_slug}/members":
    "only for policies that name teams: the table's Members permission is an organization permission, which no workflow can grant GITHUB_TOKEN; such a policy needs a token that reads the organization's members in the action's token input",
};

/**
 * Calls an action reaches in code but switches off by an option: the names are not followed, and the test checks
 * that every call site passes the options.
 */
const SWITCHED_OFF: Record<string, { names: string[]; call: string; options: RegExp[]; why: string }> = {
  // publish reads the approval back from GitHub itself (src/publish/approval.ts) and sets no status: nothing to switch off
};

function requirement(endpoint: string, what: string): Requirement | { other: string } {
  const other = Object.entries(OTHER_TOKEN).find(([e]) => matchesTemplate(endpoint, e));
  if (other) return { other: other[1] };
  const hits = rows.filter((r) => matchesTemplate(endpoint, r.endpoint));
  assert.ok(hits.length > 0, `${what}: ${endpoint} has no row in the fixture; copy its rows from GitHub's table`);
  const sets = hits.map((r) => {
    const key = WORKFLOW_KEY[r.permission];
    assert.notEqual(key, undefined, `${endpoint}: the table's ${r.permission} permission is not a workflow permission`);
    return key === null ? {} : { [key]: r.access };
  });
  const anyOf =
    hits.length === 1 || fixture.alternatives.endpoints.some((e) => matchesTemplate(endpoint, e))
      ? sets
      : [Object.assign({}, ...sets)]; // read strictly: all of them
  return { what: `${what}: ${endpoint}`, anyOf };
}

const rank = (l: Level | undefined) => (l === "write" ? 2 : l === "read" ? 1 : 0);
const covers = (g: Grant, r: Requirement) =>
  r.anyOf.some((alt) => Object.entries(alt).every(([k, v]) => rank(g[k]) >= rank(v)));

const home = packageHome(process.cwd());

/** What one step of a job needs, with where each need comes from. */
function stepNeeds(step: any): Requirement[] {
  const uses = String(step.uses ?? "");
  const out: Requirement[] = [];
  const add = (r: Requirement | { other: string }) => {
    if ("anyOf" in r) out.push(r);
  };
  if (uses.startsWith(`${home.repo}/actions/`)) {
    const action = /\/actions\/([a-z-]+)@/.exec(uses)![1];
    const entry = `src/actions/${action}.ts`;
    assert.ok(existsSync(entry), `${uses}: no ${entry}`);
    const skip = new Set(SWITCHED_OFF[action]?.names ?? []);
    for (const c of restCallsOf(entry, skip)) add(requirement(c.endpoint, `${action} (${c.via})`));
    if (pushesWithGit(entry, skip))
      out.push({ what: `${action}: git push (the commit and the tags)`, anyOf: [{ contents: "write" }] });
    // publish and release write the records' Statements for actions/attest when the job can mint an OIDC token
    // (src/attest/setup.ts: spec.attest); the token is their signal that this workflow signs
    if (reachedChunks(entry, skip).some((c) => c.chunk.text.includes("ACTIONS_ID_TOKEN_REQUEST_URL")))
      out.push({
        what: `${action}: Statements for actions/attest (an OIDC token: the workflow signs)`,
        anyOf: [{ "id-token": "write" }],
      });
    if (/GITHUB_TOKEN|github\.token/.test(String(step.with?.["registry-password"] ?? "")))
      out.push({ what: `${action}: push the image to ghcr.io with GITHUB_TOKEN`, anyOf: [{ packages: "write" }] });
  } else if (uses.startsWith("actions/checkout@")) {
    out.push({ what: "actions/checkout: git fetch with the job's token", anyOf: [{ contents: "read" }] });
  } else if (uses.startsWith("actions/download-artifact@")) {
    // With run-id and github-token it reads another run's artifacts through the REST API (@actions/artifact:
    // listArtifactsPublic, downloadArtifactPublic); without, through the runtime token, which needs no permission.
    if (step.with?.["run-id"])
      for (const m of ["actions.listWorkflowRunArtifacts", "actions.downloadArtifact"])
        add(requirement(endpointOf(m), `actions/download-artifact (${m})`));
  } else if (uses.startsWith("actions/attest@")) {
    // keyless signing: the job's OIDC token for the Sigstore certificate; then the attestation stored with GitHub's
    // attestation API (POST /repos/{owner}/{repo}/attestations, the attestations permission)
    out.push({
      what: "actions/attest: the Sigstore signing certificate (OIDC token)",
      anyOf: [{ "id-token": "write" }],
    });
    out.push({ what: "actions/attest: POST /repos/{owner}/{repo}/attestations", anyOf: [{ attestations: "write" }] });
  } else if (uses.startsWith("actions/upload-artifact@") || uses.startsWith("actions/cache@")) {
    // the runtime token: no permission of GITHUB_TOKEN
  } else if (uses) {
    assert.fail(`${uses}: an action this test does not know; say which calls it makes`);
  }
  for (const call of ghApiCalls(String(step.run ?? ""))) add(requirement(call, `gh api in "${step.name ?? step.id}"`));
  return out;
}

const workflowFiles = ["workflows", ".github/workflows"].flatMap((d) =>
  readdirSync(d)
    .filter((f) => /\.ya?ml$/.test(f))
    .map((f) => join(d, f)),
);

/** Problems with a job's grant: calls it does not cover, and permissions no call needs. */
function judge(grant: Grant, needs: Requirement[]): string[] {
  const problems: string[] = [];
  for (const r of needs)
    if (!covers(grant, r)) problems.push(`lacks ${r.anyOf.map((a) => JSON.stringify(a)).join(" or ")} for ${r.what}`);
  for (const [k, v] of Object.entries(grant)) {
    const { [k]: _, ...without } = grant;
    if (needs.every((r) => covers(without, r))) problems.push(`grants ${k}: ${v}, which no call needs`);
    else if (v === "write" && needs.every((r) => covers({ ...grant, [k]: "read" }, r)))
      problems.push(`grants ${k}: write where read is enough`);
  }
  return problems;
}

test("the fixture is GitHub's table: rows as the docs generate them, for the endpoints modelgate calls", () => {
  for (const r of rows) {
    assert.match(r.verb, /^(get|post|patch|put|delete)$/);
    assert.ok(r.requestPath.startsWith("/"), r.requestPath);
    assert.ok(r.access === "read" || r.access === "write");
    assert.ok(r.permission in WORKFLOW_KEY || r.permission === "members", r.permission);
  }
  // endpoints listed under several permissions carry the table's mark, and the alternatives are among them
  for (const e of fixture.alternatives.endpoints) {
    const hits = rows.filter((r) => r.endpoint === e);
    assert.ok(hits.length >= 2 && hits.every((r) => r["additional-permissions"]), e);
  }
});

test("every REST call in src/github/api.ts maps to GitHub's table (or is one no workflow token can make)", () => {
  const text = readFileSync("src/github/api.ts", "utf8");
  const methods = [...new Set([...text.matchAll(/\.rest\.(\w+)\.(\w+)\b/g)].map((m) => `${m[1]}.${m[2]}`))].sort();
  assert.ok(methods.length >= 15, methods.join(", "));
  for (const m of methods) {
    const r = requirement(endpointOf(m), m);
    if ("anyOf" in r) assert.ok(r.anyOf.length > 0);
  }
});

test("the call graph is live: it finds the calls each action makes, and each call an option switches off is switched off where it is called", () => {
  const endpoints = (action: string) =>
    new Set(restCallsOf(`src/actions/${action}.ts`, new Set(SWITCHED_OFF[action]?.names ?? [])).map((c) => c.endpoint));
  const publish = endpoints("publish");
  assert.ok(publish.has("GET /repos/{owner}/{repo}/commits/{ref}/check-runs"), "publish reads a fork's check run");
  assert.ok(publish.has("GET /repos/{owner}/{repo}/commits/{ref}/statuses"), "publish reads modelgate/approval");
  assert.ok(!publish.has("POST /repos/{owner}/{repo}/statuses/{sha}"), "publish sets no status");
  for (const [action, reached] of [
    ["approve", endpoints("approve")],
    ["publish", publish],
  ] as const) {
    assert.ok(reached.has("GET /repos/{owner}/{repo}/activity"), `${action} reads who pushed the head`);
    assert.ok(reached.has("GET /repos/{owner}/{repo}/pulls/{pull_number}/commits"), `${action} reads commit authors`);
  }
  const release = endpoints("release");
  assert.ok(release.has("POST /repos/{owner}/{repo}/pulls"), "release opens promotion pull requests");
  const report = endpoints("report");
  assert.ok(report.has("POST /repos/{owner}/{repo}/check-runs") && report.has("GET /user"));
  assert.ok(!report.has("POST /repos/{owner}/{repo}/statuses/{sha}"), "report sets no status");
  for (const a of ["plan", "validate", "train", "evaluate", "audit"])
    assert.deepEqual([...endpoints(a)], [], `${a} makes no GitHub call`);
  for (const [action, off] of Object.entries(SWITCHED_OFF)) {
    const entry = `src/actions/${action}.ts`;
    const sites = callSites(entry, off.call);
    assert.ok(sites.length > 0, `${action} calls ${off.call}`);
    for (const site of sites) {
      const args = new RegExp(`\\b${off.call}\\(\\{([\\s\\S]*?)\\}\\)`).exec(site)?.[1] ?? "";
      for (const o of off.options) assert.match(args, o, `${action}: ${off.why}`);
    }
    // what the switched-off names would add: the test's reason for skipping them is about these calls
    const all = new Set(restCallsOf(entry).map((c) => c.endpoint));
    assert.ok(all.has("POST /repos/{owner}/{repo}/statuses/{sha}"), "the skip is not empty");
  }
  assert.ok(pushesWithGit("src/actions/publish.ts") && pushesWithGit("src/actions/release.ts"));
  assert.ok(!pushesWithGit("src/actions/report.ts") && !pushesWithGit("src/actions/approve.ts"));
  assert.ok(reachedChunks("src/actions/audit.ts").length > 10);
});

test("each job's permissions are exactly what its steps' calls need (GitHub's table; least privilege)", () => {
  const problems: string[] = [];
  let jobs = 0;
  for (const f of workflowFiles) {
    const wf = parse(readFileSync(f, "utf8"));
    for (const [name, job] of Object.entries<any>(wf.jobs)) {
      if (!job.steps) continue; // a job that calls a reusable workflow: see the init tests
      jobs++;
      const grant = (job.permissions ?? wf.permissions) as Grant;
      assert.equal(typeof grant, "object", `${f} job ${name}: permissions are listed, not read-all/write-all`);
      const needs = job.steps.flatMap(stepNeeds);
      for (const p of judge(grant, needs)) problems.push(`${f} job ${name}: ${p}`);
    }
  }
  assert.ok(jobs >= 12, `${jobs} jobs`);
  assert.deepEqual(problems, []);
});

test("the permission check fails a job that lacks a permission its calls need, or grants one they do not", () => {
  const publish = parse(readFileSync("workflows/modelgate-publish.yml", "utf8")).jobs.publish;
  const needs = publish.steps.flatMap(stepNeeds);
  const { checks: _checks, ...withoutChecks } = publish.permissions as Grant;
  assert.deepEqual(
    judge(withoutChecks, needs).map((p) => p.replace(/ for .*/, "")),
    ['lacks {"checks":"read"}'],
    "the fork check run lookup needs checks: read",
  );
  assert.deepEqual(judge({ ...(publish.permissions as Grant), issues: "write" }, needs), [
    "grants issues: write, which no call needs",
  ]);
  const release = parse(readFileSync("workflows/modelgate-release.yml", "utf8")).jobs.release;
  const { "pull-requests": _pr, ...withoutPr } = release.permissions as Grant;
  assert.ok(
    judge(withoutPr, release.steps.flatMap(stepNeeds)).some((p) => p.startsWith('lacks {"pull-requests":"write"}')),
    "promotion: pull-request opens a pull request",
  );
});

test("calls GITHUB_TOKEN cannot be granted go through a token input of the action", () => {
  for (const action of ["approve", "report", "publish", "release"]) {
    const meta = parse(readFileSync(`actions/${action}/action.yml`, "utf8"));
    const reached = restCallsOf(`src/actions/${action}.ts`).map((c) => c.endpoint);
    if (reached.some((e) => Object.keys(OTHER_TOKEN).some((o) => matchesTemplate(e, o))))
      assert.ok(meta.inputs?.token, `${action}: a token input for calls GITHUB_TOKEN cannot make`);
  }
});
