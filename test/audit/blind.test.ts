/**
 * audit verify cannot be blinded (issue #19, items 1–5, 8): separator bytes in every field of commits and tags, a
 * hand edit taken back by a merge, a configured path spelled another way, files of the deploy root no record
 * explains, and a run from a subfolder. Each on a real git history made by publish and release-shaped promotions
 * (test/support/audit-scenario.ts), tampered as someone with push access would.
 */
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { before, test } from "node:test";
import type { AuditReport } from "../../src/audit/schema.ts";
import { copyScenario, git, hour, iso, PEOPLE, type Scenario, standardScenario } from "../support/audit-scenario.ts";
import { runAuditCli, show, verifyJson } from "./helpers.ts";

let base: Scenario;
before(async () => {
  base = await standardScenario();
});

const PRODUCTION = "deploy/churn/overlays/production/kustomization.yaml";
/** The bytes that split git's output in one format or another; NUL is the one git never prints inside a field. */
const SEPARATORS = [0x1c, 0x1d, 0x1e, 0x1f, 0x0a, 0x09, 0x0d];
const hex = (b: number) => `0x${b.toString(16).padStart(2, "0")}`;

/** git with full control of every identity field and the clock (the scenario's helper names people only). */
function rawGit(
  cwd: string,
  args: string[],
  o: { author?: [string, string]; committer?: [string, string]; at: Date },
): string {
  const [an, ae] = o.author ?? [PEOPLE.mallory.name, PEOPLE.mallory.email];
  const [cn, ce] = o.committer ?? [an, ae];
  const date = `${Math.floor(o.at.getTime() / 1000)} +0000`;
  return execFileSync("git", args, {
    cwd,
    encoding: "utf8",
    env: {
      PATH: process.env.PATH,
      HOME: cwd,
      GIT_CONFIG_NOSYSTEM: "1",
      GIT_CONFIG_GLOBAL: "/dev/null",
      GIT_AUTHOR_NAME: an,
      GIT_AUTHOR_EMAIL: ae,
      GIT_COMMITTER_NAME: cn,
      GIT_COMMITTER_EMAIL: ce,
      GIT_AUTHOR_DATE: date,
      GIT_COMMITTER_DATE: date,
    },
  }).trim();
}

/** The production overlay pinned to a forged digest made of `fill`, committed with `message` (a file: any byte). */
function handEdit(s: Scenario, fill: string, message: string, who: Parameters<typeof rawGit>[2]): string {
  const file = join(s.repo, PRODUCTION);
  writeFileSync(file, readFileSync(file, "utf8").replace(/sha256:[0-9a-f]{64}/, `sha256:${fill.repeat(64)}`));
  const msg = join(s.dir, "message");
  writeFileSync(msg, message);
  rawGit(s.repo, ["add", PRODUCTION], who);
  rawGit(s.repo, ["commit", "-q", "--cleanup=verbatim", "-F", msg], who);
  return rawGit(s.repo, ["rev-parse", "HEAD"], who);
}

test("a separator byte in any field of a commit hides none of its changes (each byte, each field)", async () => {
  const s = copyScenario(base);
  const made: { commit: string; what: string; digest: string }[] = [];
  const fields = ["subject", "body", "trailer", "author name", "author email", "committer name"] as const;
  let n = 0;
  for (const b of SEPARATORS) {
    const c = String.fromCharCode(b);
    for (const field of fields) {
      n++;
      const fill = (n % 16).toString(16);
      const subject = field === "subject" ? `hotfix ${c} production` : "hotfix production";
      const body = field === "body" ? `pinned by hand${c}\n` : "pinned by hand\n";
      const trailer = field === "trailer" ? `Signed-off-by: Mallory <mallory@example.com>${c}` : "Reviewed: no";
      const author: [string, string] =
        field === "author name"
          ? [`Mal${c}lory`, PEOPLE.mallory.email]
          : field === "author email"
            ? [PEOPLE.mallory.name, `mal${c}lory@example.com`]
            : [PEOPLE.mallory.name, PEOPLE.mallory.email];
      const committer: [string, string] = field === "committer name" ? [`Com${c}mitter`, "c@example.com"] : author;
      const commit = handEdit(s, fill, `${subject}\n\n${body}\n${trailer}\n`, {
        author,
        committer,
        at: hour(16 + n / 60),
      });
      made.push({ commit, what: `${hex(b)} in the ${field}`, digest: `sha256:${fill.repeat(64)}` });
    }
  }
  const r = await verifyJson(s.repo);
  assert.equal(r.code, 1, r.stderr);
  const edits = new Map(r.findings.filter((f) => f.check === "deploy-edit").map((f) => [f.commit, f]));
  for (const m of made) {
    const f = edits.get(m.commit);
    assert.ok(f, `the hand edit with ${m.what} (${m.commit}) is a finding:\n${show(r.findings)}`);
    assert.equal(f.path, PRODUCTION);
    assert.ok(f.message.includes(m.digest), `${m.what}: the finding names the forged digest`);
  }
  // and `audit --at` says what production runs: the last hand edit's image, put there by no record
  const at = await runAuditCli(s.repo, ["--at", "now", "--json"]);
  assert.equal(at.code, 0, at.stderr);
  const placement = (JSON.parse(at.stdout) as AuditReport).at?.models[0].placement;
  assert.equal(placement?.image?.replace(/^.*@/, ""), made.at(-1)?.digest);
  assert.equal(placement?.record, null);
});

test("a separator byte in any field of a tag: a moved stage tag is found, a hand-made one too, and audit never crashes", async () => {
  const s = copyScenario(base);
  const name = "churn#production#1";
  const was = git(s.repo, ["rev-parse", `refs/tags/${name}`]);
  const wasCommit = git(s.repo, ["rev-parse", `refs/tags/${name}^{commit}`]);
  const elsewhere = s.versions["1.2.0"].publish;
  // The attack of issue #19: the moved tag's message carries a record separator and a fake entry (in the format
  // for-each-ref was read with) that names the tag's old object and commit.
  const fake = [name, "tag", was, "commit", wasCommit, "modelgate[bot]", "<bot@example.com>", "1772442000", "Release"];
  const msg = join(s.dir, "tag-message");
  writeFileSync(msg, `Release churn 1.1.0 to production\x1e${fake.join("\x1f")}\n`);
  rawGit(s.repo, ["tag", "-f", "-a", "--cleanup=verbatim", "-F", msg, name, elsewhere], { at: hour(20) });
  // hand-made stage tags, each with one separator byte in one field
  const made: { tag: string; what: string }[] = [];
  let n = 10;
  for (const b of SEPARATORS) {
    const c = String.fromCharCode(b);
    for (const field of ["tagger name", "tagger email", "message subject", "message body"] as const) {
      const tag = `churn#production#${n++}`;
      const who: [string, string] =
        field === "tagger name"
          ? [`Mal${c}lory`, PEOPLE.mallory.email]
          : field === "tagger email"
            ? [PEOPLE.mallory.name, `mal${c}lory@example.com`]
            : [PEOPLE.mallory.name, PEOPLE.mallory.email];
      writeFileSync(
        msg,
        field === "message subject"
          ? `back to 1.2.0 ${c} now\n`
          : field === "message body"
            ? `back to 1.2.0\n\nby hand${c}${fake.join("\x1f")}\n`
            : "back to 1.2.0\n",
      );
      rawGit(s.repo, ["tag", "-a", "--cleanup=verbatim", "-F", msg, tag, elsewhere], { author: who, at: hour(21) });
      made.push({ tag, what: `${hex(b)} in the ${field}` });
    }
  }
  const r = await verifyJson(s.repo);
  assert.equal(r.code, 1, r.stderr);
  const moved = r.findings.filter((f) => f.check === "tag-moved" && f.tag === name);
  assert.equal(moved.length, 1, show(r.findings));
  assert.equal(moved[0].commit, elsewhere);
  const unbacked = new Set(r.findings.filter((f) => f.check === "tag-without-record").map((f) => f.tag));
  for (const m of made) assert.ok(unbacked.has(m.tag), `${m.tag} (${m.what}) is a finding:\n${show(r.findings)}`);
  // the timeline reads the same tags, and the evidence folder lists each on one line of six columns
  const timeline = await runAuditCli(s.repo, ["--json"]);
  assert.equal(timeline.code, 0, timeline.stderr);
  const evidence = join(s.dir, "evidence");
  assert.equal((await runAuditCli(s.repo, ["--evidence", evidence])).code, 0);
  const lines = readFileSync(join(evidence, "tags.txt"), "utf8").split("\n").filter(Boolean);
  assert.equal(lines.length, Number(git(s.repo, ["tag", "-l"]).split("\n").length) + 1);
  for (const l of lines) assert.equal(l.split("\t").length, 6, JSON.stringify(l));
});

test("a hand edit taken back by a merge whose tree is the one before it is still a finding, and --at says it ran", async () => {
  const s = copyScenario(base);
  const before = git(s.repo, ["rev-parse", "HEAD"]);
  const edit = handEdit(s, "d", "hotfix production\n", { at: hour(20) });
  // M: parents (edit, the old tip), the old tip's tree: git log's default simplification drops the edit
  const tree = git(s.repo, ["rev-parse", `${before}^{tree}`]);
  const merge = rawGit(s.repo, ["commit-tree", tree, "-p", edit, "-p", before, "-m", "Merge: undo"], { at: hour(22) });
  git(s.repo, ["reset", "-q", "--hard", merge]);
  const r = await verifyJson(s.repo);
  assert.equal(r.code, 1, r.stderr);
  const f = r.findings.filter((x) => x.check === "deploy-edit");
  assert.equal(f.length, 1, show(r.findings));
  assert.equal(f[0].commit, edit);
  assert.match(f[0].message, /sha256:d{64}/);
  // what ran in between: the edit's image, by no record; after the merge, the rollback record's again
  const at = async (h: number) =>
    (JSON.parse((await runAuditCli(s.repo, ["--at", iso(hour(h)), "--json"])).stdout) as AuditReport).at?.models[0];
  const during = await at(21);
  assert.equal(during?.placement?.image?.replace(/^.*@/, ""), `sha256:${"d".repeat(64)}`);
  assert.equal(during?.placement?.record, null);
  assert.equal(during?.placement?.commit, edit);
  const after = await at(23);
  assert.equal(after?.placement?.version, "1.1.0");
  assert.equal(after?.placement?.record?.sequence, 5);
  assert.equal(after?.placement?.commit, merge);
  assert.ok(
    after?.evidence.some((e) => e.item === "restored by" && e.value.includes(merge)),
    JSON.stringify(after?.evidence),
  );
});

test("a record appended and then dropped by a merge is a finding", async () => {
  const s = copyScenario(base);
  const before = git(s.repo, ["rev-parse", "HEAD"]);
  const ledger = join(s.repo, "records/churn/promotions.jsonl");
  const lines = readFileSync(ledger, "utf8").split("\n").filter(Boolean);
  // a copy of the last record, re-chained: well-formed, appended by a commit that claims to be modelgate's
  const { appendToLedger } = await import("../../src/ledger/ledger.ts");
  const last = JSON.parse(lines.at(-1) as string);
  const { sequence: _s, previous: _p, ...copy } = last;
  const forged = appendToLedger(`${lines.join("\n")}\n`, { ...copy, at: "2026-03-03T05:00:00Z" });
  writeFileSync(ledger, forged.text);
  git(s.repo, ["commit", "-q", "-am", "Roll back churn"], "bot", hour(20));
  const appended = git(s.repo, ["rev-parse", "HEAD"]);
  const tree = git(s.repo, ["rev-parse", `${before}^{tree}`]);
  const merge = rawGit(s.repo, ["commit-tree", tree, "-p", appended, "-p", before, "-m", "Merge"], { at: hour(21) });
  git(s.repo, ["reset", "-q", "--hard", merge]);
  const r = await verifyJson(s.repo);
  assert.equal(r.code, 1, r.stderr);
  const f = r.findings.filter((x) => x.check === "ledger-rewritten");
  assert.equal(f.length, 1, show(r.findings));
  assert.equal(f[0].commit, appended);
  assert.match(
    f[0].message,
    /#6 \(rollback 1\.1\.0 to production, sha256:[0-9a-f]{64}\) .* is not in the ledger at HEAD/,
  );
});

test("paths.deploy spelled ./deploy does not blind verify: the hand edit is found, and so is the change of paths", async () => {
  const s = copyScenario(base);
  const config = join(s.repo, "modelgate.yaml");
  writeFileSync(config, readFileSync(config, "utf8").replace("spec:\n", "spec:\n  paths:\n    deploy: ./deploy/\n"));
  git(s.repo, ["commit", "-q", "-am", "tidy the configuration"], "mallory", hour(19));
  const moved = git(s.repo, ["rev-parse", "HEAD"]);
  const edit = handEdit(s, "e", "hotfix production\n", { at: hour(20) });
  const r = await verifyJson(s.repo);
  assert.equal(r.code, 1, r.stderr);
  assert.ok(
    r.findings.some((f) => f.check === "deploy-edit" && f.commit === edit && f.path === PRODUCTION),
    show(r.findings),
  );
  // ./deploy/ is deploy: no change of what is audited, so no finding about the configuration
  assert.ok(!r.findings.some((f) => f.check === "config-change"), show(r.findings));

  // a real move of the deploy folder, made by hand, is a finding naming the commit and the settings
  writeFileSync(config, readFileSync(config, "utf8").replace("deploy: ./deploy/", "deploy: elsewhere"));
  git(s.repo, ["commit", "-q", "-am", "move deploy"], "mallory", hour(21));
  const away = git(s.repo, ["rev-parse", "HEAD"]);
  const r2 = await verifyJson(s.repo);
  const f = r2.findings.filter((x) => x.check === "config-change");
  assert.equal(f.length, 1, show(r2.findings));
  assert.equal(f[0].commit, away);
  assert.equal(f[0].path, "modelgate.yaml");
  assert.match(f[0].message, /paths\.deploy from deploy to elsewhere/);
  assert.notEqual(moved, away);
});

test("files of the deploy root that no record explains are findings: a root kustomization, a model with no ledger", async () => {
  const s = copyScenario(base);
  writeFileSync(
    join(s.repo, "deploy/kustomization.yaml"),
    `resources: [churn/overlays/production]\nimages:\n  - name: churn\n    digest: sha256:${"f".repeat(64)}\n`,
  );
  mkdirSync(join(s.repo, "deploy/shadow/overlays/production"), { recursive: true });
  writeFileSync(join(s.repo, "deploy/shadow/overlays/production/kustomization.yaml"), "resources: []\n");
  git(s.repo, ["add", "-A"]);
  git(s.repo, ["commit", "-q", "-m", "deploy root"], "mallory", hour(20));
  const c = git(s.repo, ["rev-parse", "HEAD"]);
  const r = await verifyJson(s.repo);
  assert.equal(r.code, 1, r.stderr);
  const f = r.findings.filter((x) => x.check === "deploy-edit" && x.commit === c);
  assert.deepEqual(f.map((x) => x.path).sort(), [
    "deploy/kustomization.yaml",
    "deploy/shadow/overlays/production/kustomization.yaml",
  ]);
  // audited for one model, the root is still checked
  const one = await verifyJson(s.repo, ["churn"]);
  assert.ok(
    one.findings.some((x) => x.path === "deploy/kustomization.yaml"),
    show(one.findings),
  );
});

test("audit verify gives the same answer from any folder of the repository", async () => {
  const s = copyScenario(base);
  const clean = await verifyJson(join(s.repo, "models/churn"));
  assert.equal(clean.code, 0, show(clean.findings));
  assert.deepEqual(clean.report.verification, (await verifyJson(s.repo)).report.verification);
  const edit = handEdit(s, "c", "hotfix production\n", { at: hour(20) });
  const top = await verifyJson(s.repo);
  for (const sub of ["models/churn", "deploy/churn/overlays", "records"]) {
    const r = await verifyJson(join(s.repo, sub));
    assert.deepEqual(r.report.verification, top.report.verification, sub);
    assert.equal(r.findings[0]?.commit, edit);
  }
  const timeline = (dir: string) => runAuditCli(dir, ["--json"]).then((r) => JSON.parse(r.stdout).models);
  assert.deepEqual(await timeline(join(s.repo, "models/churn")), await timeline(s.repo));
});
