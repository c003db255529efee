import assert from "node:assert/strict";
import { execFileSync, spawnSync } from "node:child_process";
import { generateKeyPairSync } from "node:crypto";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { before, type TestContext, test } from "node:test";
import { BUNDLE_MEDIA_TYPE } from "../../src/attest/sign.ts";
import { runAudit } from "../../src/audit/run.ts";
import { main } from "../../src/cli/main.ts";
import { canonicalJson } from "../../src/ledger/canonical.ts";
import { parseLedger } from "../../src/ledger/ledger.ts";
import { ArtifactType, listLayoutReferrers, listRegistryReferrers } from "../../src/oci/referrers.ts";
import { RegistryClient } from "../../src/oci/registry.ts";
import { APPROVAL_CONTEXT, runApprove } from "../../src/commands/approve.ts";
import { publish } from "../../src/publish/run.ts";
import { bufferIo } from "../../src/util/io.ts";
import { GitHubSim } from "../support/github-sim/index.ts";
import { startFaultProxy } from "../support/registry-faults.ts";
import { startRegistry } from "../support/registry.ts";
import { bundleCli } from "../support/run-action.ts";
import { type Merged, mergedRepo, mergeNext } from "./fixture.ts";

// Publish under faults (issue #20 items 1, 2, 4, 5): a crash at each step, a registry that fails after the git push,
// an older merge that lands late, a damaged ledger on the GitOps branch, a truncated record, a full disk. Each test
// injects the fault and checks what is left behind, what the person is told, and what a plain rerun does.

/** The CLI bundled as dist/cli.js is (built once per content of src/, shared with the other test files). */
let CLI: string;
before(async () => {
  CLI = await bundleCli();
});

/** The remote's state a refusal must leave untouched: main's commit and every tag. */
const snapshot = (m: Merged) => `${m.remoteGit("rev-parse", "main")}\n${m.remoteGit("tag", "-l")}`;

async function cli(m: Merged, args: string[], env: NodeJS.ProcessEnv = m.env) {
  const io = bufferIo(m.root, env);
  const code = await main(args, io);
  return { code, out: io.stdout, err: io.stderr };
}

/** The CLI as its own process (a crash kills it, not the test): its exit code, or the signal that ended it. */
function spawnCli(m: Merged, args: string[], env: NodeJS.ProcessEnv = {}) {
  const r = spawnSync(process.execPath, [CLI, ...args], {
    cwd: m.root,
    env: { ...m.env, ...env },
    encoding: "utf8",
  });
  return { code: r.status, signal: r.signal, out: r.stdout, err: r.stderr };
}

/** The artifact types of an image's referrers in a registry, sorted (duplicates kept: they would be a bug). */
async function referrerTypes(host: string, repo: string, digest: string): Promise<string[]> {
  const client = new RegistryClient(host, {});
  try {
    return (await listRegistryReferrers(client, repo, digest)).map((d) => d.artifactType ?? "").sort();
  } finally {
    client.close();
  }
}

/** `audit verify --registry` in a fresh clone of the remote: its findings. */
async function verifyRegistry(m: Merged) {
  const clone = join(mkdtempSync(join(tmpdir(), "mg-audit-")), "clone");
  execFileSync("git", ["clone", "-q", m.remote, clone], { env: m.env });
  const { report } = await runAudit({ cwd: clone, verify: true, registry: { env: {}, layout: join(clone, ".none") } });
  return report.verification?.findings ?? [];
}

const ALL = [ArtifactType.evaluationRecord, ArtifactType.modelCard, ArtifactType.promotionRecord].sort();

/** The one publish record on the remote's main, and the image it names. */
function published(m: Merged) {
  const { entries, problems } = parseLedger(m.remoteGit("show", "main:records/churn/promotions.jsonl"));
  assert.deepEqual(problems, []);
  assert.equal(entries.length, 1, "exactly one record");
  assert.equal(m.remoteGit("rev-parse", "main^"), m.merge, "exactly one commit on top of the merge");
  assert.equal(m.remoteGit("tag", "-l"), "churn#staging#1", "exactly one stage tag");
  return entries[0].record;
}

test("the registry fails after the git push: the person is told what landed (exit 1); a rerun attaches the records, once", async () => {
  const m = await mergedRepo();
  const reg = await startRegistry();
  const proxy = await startFaultProxy(reg.host);
  try {
    // the registry refuses the promotion record's manifest: the image and the commit are in, the referrers are not
    proxy.add({ method: "PUT", path: /\/manifests\//, body: /promotion-record/, status: 400 });
    const facts = m.facts();
    const registry = `${proxy.host}/acme`;
    const first = await cli(m, ["publish", "--facts", facts, "--registry", registry]);
    assert.equal(first.code, 1, first.err);
    assert.match(
      first.err,
      /published churn 1\.1\.0 as commit [0-9a-f]{40}, tag churn#staging#1; attaching the records to the image failed: .*PUT .*manifests.* answered 400.*; re-run publish to attach them/,
    );
    assert.doesNotMatch(first.err, /internal error|\n {4}at /);
    const record = published(m);
    assert.deepEqual(await referrerTypes(reg.host, "acme/churn", record.image.digest), [ArtifactType.evaluationRecord]);
    // audit verify --registry sees what the record promises and the image lacks
    const lacking = await verifyRegistry(m);
    assert.deepEqual(
      lacking.map((f) => f.check),
      ["referrer-missing"],
    );
    assert.match(
      lacking[0].message,
      /lacks referrers that record #1 \(publish 1\.1\.0\) promises: the promotion record sha256:[0-9a-f]{64}, the model card/,
    );

    // the registry is back: a plain rerun finishes the publish, and writes nothing to git
    proxy.clear();
    const before = snapshot(m);
    const again = await cli(m, ["publish", "--facts", facts, "--registry", registry]);
    assert.equal(again.code, 0, again.err);
    assert.match(
      again.out,
      /churn 1\.1\.0: already published \(churn#staging#1, .*\); attached what an earlier run left out: promotion-record\.json, MODEL_CARD\.md/,
    );
    assert.equal(snapshot(m), before);
    assert.deepEqual(await referrerTypes(reg.host, "acme/churn", record.image.digest), ALL);
    assert.deepEqual(await verifyRegistry(m), []);
    // the promotion record attached is the ledger's record
    const client = new RegistryClient(reg.host, {});
    try {
      const [d] = await listRegistryReferrers(client, "acme/churn", record.image.digest, ArtifactType.promotionRecord);
      const manifest = JSON.parse((await client.getManifest("acme/churn", d.digest))!.bytes.toString("utf8"));
      const blob = await client.openBlob("acme/churn", manifest.layers[0].digest);
      const chunks: Buffer[] = [];
      for await (const c of blob) chunks.push(c as Buffer);
      assert.deepEqual(JSON.parse(Buffer.concat(chunks).toString("utf8")), record);
    } finally {
      client.close();
    }

    // and once more: nothing is attached twice
    const third = await cli(m, ["publish", "--facts", facts, "--registry", registry]);
    assert.equal(third.code, 0, third.err);
    assert.doesNotMatch(third.out, /attached/);
    assert.deepEqual(await referrerTypes(reg.host, "acme/churn", record.image.digest), ALL);
  } finally {
    await proxy.stop();
    await reg.stop();
  }
});

test("kill -9 at every step of a publish: a plain rerun ends with one commit, one record, one stage tag and every referrer", async () => {
  const reg = await startRegistry();
  try {
    const steps: [string, (m: Merged, repo: string) => Promise<void>][] = [
      [
        "after-image",
        async (m) => assert.equal(m.remoteGit("rev-parse", "main"), m.merge, "the image is in, nothing committed"),
      ],
      [
        "before-git-push",
        async (m) => {
          assert.equal(m.remoteGit("rev-parse", "main"), m.merge, "the commit was made locally, never pushed");
          assert.equal(m.remoteGit("tag", "-l"), "");
        },
      ],
      [
        "after-git-push",
        async (m, repo) => {
          const r = published(m);
          assert.deepEqual(await referrerTypes(reg.host, repo, r.image.digest), [ArtifactType.evaluationRecord]);
        },
      ],
      [
        "after-first-referrer",
        async (m, repo) => {
          const r = published(m);
          assert.deepEqual(await referrerTypes(reg.host, repo, r.image.digest), [
            ArtifactType.evaluationRecord,
            ArtifactType.promotionRecord,
          ]);
        },
      ],
    ];
    for (const [step, leftBehind] of steps) {
      const m = await mergedRepo();
      const args = ["publish", "--facts", m.facts(), "--registry", `${reg.host}/${step}`];
      const killed = spawnCli(m, args, { MODELGATE_TEST_KILL_AT: step });
      assert.equal(killed.signal, "SIGKILL", `${step}: ${killed.err}`);
      await leftBehind(m, `${step}/churn`);
      // the rerun needs no process of its own (nothing kills it): in-process, as the other publishes here
      const rerun = await cli(m, args);
      assert.equal(rerun.code, 0, `${step}: ${rerun.err}`);
      const r = published(m);
      assert.deepEqual(await referrerTypes(reg.host, `${step}/churn`, r.image.digest), ALL, step);
      assert.match(r.image.reference, new RegExp(`/${step}/churn@sha256:`));
    }
  } finally {
    await reg.stop();
  }
});

test("an older merge that publishes late is refused: staging keeps the later version, nothing is built or written", async () => {
  const m = await mergedRepo();
  const older = { head: m.head, merge: m.merge };
  const newer = await mergeNext(m, "1.2.0", 8);
  const layout = join(mkdtempSync(join(tmpdir(), "mg-layout-")), "images");
  const later = await cli(m, ["publish", "--facts", m.facts({ head: newer.head, number: 8 }), "--layout", layout]);
  assert.equal(later.code, 0, later.err);
  const before = snapshot(m);
  m.git("checkout", "-q", older.merge);
  const late = await cli(m, ["publish", "--facts", m.facts(), "--layout", layout, "--json"]);
  assert.equal(late.code, 1, late.err);
  assert.match(
    late.err,
    /refused: churn: merge order: staging already runs 1\.2\.0 \(record #1, churn#staging#1\) from the merge [0-9a-f]{12}, which came after this one \([0-9a-f]{12}\); publishing 1\.1\.0 from the older merge would downgrade staging/,
  );
  assert.equal(snapshot(m), before);
  const index = JSON.parse(readFileSync(join(layout, "index.json"), "utf8"));
  const names = index.manifests.map(
    (d: { annotations?: Record<string, string> }) => d.annotations?.["org.opencontainers.image.ref.name"],
  );
  assert.ok(!names.includes("churn-1.1.0"), `the older version was not built: ${names}`);
  // --dry-run says the same
  const dry = await cli(m, ["publish", "--facts", m.facts(), "--layout", layout, "--dry-run"]);
  assert.equal(dry.code, 1);
  assert.match(dry.err, /merge order/);
});

test("a damaged ledger on the GitOps branch is refused before the image is pushed: no image that no record names", async () => {
  const m = await mergedRepo();
  const reg = await startRegistry();
  try {
    // someone committed a broken ledger to main after the merge
    m.git("checkout", "-q", "-b", "damage");
    mkdirSync(join(m.root, "records/churn"), { recursive: true });
    writeFileSync(join(m.root, "records/churn/promotions.jsonl"), '{"apiVersion": "modelgate.dev/v1alpha1", "kind"\n');
    m.git("add", "-A");
    m.git("commit", "-q", "-m", "hand edit");
    m.git("push", "-q", "origin", "damage:main");
    m.git("checkout", "-q", m.merge);
    const before = snapshot(m);
    const r = await cli(m, ["publish", "--facts", m.facts(), "--registry", `${reg.host}/acme`]);
    assert.equal(r.code, 1, r.err);
    assert.match(
      r.err,
      /refused: churn: ledger: records\/churn\/promotions\.jsonl on main may not be extended: records\/churn\/promotions\.jsonl line 1: not JSON/,
    );
    assert.match(r.err, /nothing was built, pushed or committed/);
    assert.equal(snapshot(m), before);
    const client = new RegistryClient(reg.host, {});
    try {
      assert.equal(await client.getManifest("acme/churn", "1.1.0"), null, "no image was pushed");
    } finally {
      client.close();
    }
  } finally {
    await reg.stop();
  }
});

test("a truncated evaluation record is named (exit 1), not a bug", async () => {
  const m = await mergedRepo();
  const file = join(m.root, ".modelgate/evaluations/churn.json");
  writeFileSync(file, readFileSync(file).subarray(0, 200));
  const r = await cli(m, ["publish", "--facts", m.facts()]);
  assert.equal(r.code, 1, r.err);
  assert.match(
    r.err,
    /\.modelgate\/evaluations\/churn\.json: not a readable evaluation record \(200 bytes; .*truncated/,
  );
  assert.doesNotMatch(r.err, /internal error/);
});

/** A small tmpfs at a new folder, filled to the last byte; undefined (and the test skipped) when mount is refused. */
function fullDisk(t: TestContext): { dir: string; free(): void; unmount(): void } | undefined {
  const dir = mkdtempSync(join(tmpdir(), "mg-full-"));
  try {
    execFileSync("mount", ["-t", "tmpfs", "-o", "size=4m", "tmpfs", dir], { stdio: "pipe" });
  } catch (err) {
    rmSync(dir, { recursive: true, force: true });
    t.skip(
      `cannot mount a tmpfs here (${String((err as Error).message).split("\n")[0]}); run as root to test a full disk`,
    );
    return undefined;
  }
  const filler = join(dir, "filler");
  try {
    writeFileSync(filler, Buffer.alloc(8 << 20));
  } catch (err) {
    assert.equal((err as NodeJS.ErrnoException).code, "ENOSPC");
  }
  return {
    dir,
    free: () => rmSync(filler, { force: true }),
    unmount: () => {
      execFileSync("umount", ["-l", dir]);
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

test("a full disk under the image layout: exit 1 naming the file and the disk, not the registry; a rerun after freeing space publishes", async (t) => {
  const disk = fullDisk(t);
  if (!disk) return;
  try {
    const m = await mergedRepo();
    const before = snapshot(m);
    const layout = join(disk.dir, "images");
    const r = await cli(m, ["publish", "--facts", m.facts(), "--layout", layout]);
    assert.equal(r.code, 1, r.err);
    assert.match(
      r.err,
      /could not build and write the image of churn 1\.1\.0 into .*mg-full-.*: no space left on the device \(.*mg-full-.*\) \[ENOSPC\]/,
    );
    assert.match(r.err, /nothing was committed or tagged/);
    assert.doesNotMatch(r.err, /cannot talk to the registry|internal error/);
    assert.equal(snapshot(m), before);
    disk.free();
    const again = await cli(m, ["publish", "--facts", m.facts(), "--layout", layout]);
    assert.equal(again.code, 0, again.err);
    const record = published(m);
    const types = (await listLayoutReferrers(layout, record.image.digest)).map((d) => d.artifactType).sort();
    assert.deepEqual(types, ALL);
  } finally {
    disk.unmount();
  }
});

test("a full TMPDIR and a full disk under .git: exit 1 naming the file, nothing pushed", async (t) => {
  const disk = fullDisk(t);
  if (!disk) return;
  try {
    const m = await mergedRepo();
    const before = snapshot(m);
    const layout = join(mkdtempSync(join(tmpdir(), "mg-layout-")), "images");
    const args = ["publish", "--facts", m.facts(), "--layout", layout];
    const tmp = spawnCli(m, args, { TMPDIR: disk.dir });
    assert.equal(tmp.code, 1, tmp.err);
    assert.match(tmp.err, /no space left on the device \(.*mg-full-.*\) \[ENOSPC\]; free space there/);
    assert.doesNotMatch(tmp.err, /internal error/);
    assert.equal(snapshot(m), before);

    // the clone itself on the full disk: git cannot write its objects or refs
    disk.free();
    const clone = join(disk.dir, "clone");
    execFileSync("git", ["clone", "-q", m.remote, clone], { env: m.env });
    execFileSync("git", ["checkout", "-q", m.merge], { cwd: clone, env: m.env });
    try {
      writeFileSync(join(disk.dir, "filler"), Buffer.alloc(8 << 20));
    } catch {}
    const io = bufferIo(clone, m.env);
    const code = await main(args, io);
    assert.equal(code, 1, io.stderr);
    // git names the file it could not write (a lock file under .git), and nothing reached the remote
    assert.match(
      io.stderr,
      /could not read main of origin: .*couldn't write '.*mg-full-.*\/clone\/\.git\/.*'; nothing was pushed/,
    );
    assert.doesNotMatch(io.stderr, /internal error/);
    assert.equal(snapshot(m), before);
    assert.ok(existsSync(clone));
  } finally {
    disk.unmount();
  }
});

test("GitHub fails while publish reads the reviews back: refused by name, not 'expected success, found success'", async () => {
  const m = await mergedRepo();
  const sim = await GitHubSim.start();
  const repo = "acme/models";
  try {
    sim.addRepo(repo);
    for (const u of ["alice", "bob"]) sim.addCollaborator(repo, u, "write");
    sim.openPull(repo, {
      number: 7,
      author: "alice",
      headSha: m.head,
      baseSha: m.base,
      files: ["models/churn/model.yaml", "models/churn/model.onnx"],
    });
    sim.submitReview(repo, 7, { login: "bob", state: "APPROVED", commitId: m.head });
    const env = { ...m.env, GITHUB_TOKEN: sim.token, GITHUB_API_URL: sim.url, GITHUB_REPOSITORY: repo };
    const http = { retryBaseMs: 1, paceWrites: false };
    await runApprove({ cwd: m.root, env, pr: 7, comment: false, http });
    assert.equal(sim.status(repo, m.head, APPROVAL_CONTEXT)?.state, "success");
    sim.merge(repo, 7, m.merge, "bob");
    sim.fail({ method: "GET", path: /\/pulls\/\d+\/reviews$/, status: 502 });
    const before = snapshot(m);
    const r = await publish({ cwd: m.root, env, io: bufferIo(m.root, env), http });
    const [refusal] = r.refusals;
    assert.equal(refusal?.field, "approval", JSON.stringify(r.refusals));
    assert.match(refusal.message, /the reviews could not be read back: GitHub API GET pulls\/7\/reviews failed: 502/);
    assert.match(refusal.message, /\(expected the reviews read back, found unreadable\)/);
    assert.doesNotMatch(refusal.message, /expected success, found success/);
    assert.equal(snapshot(m), before);
  } finally {
    await sim.close();
  }
});

test("a last record edited by hand (still canonical and valid) is not chained onto; once the edit is reverted, publish extends the ledger", async () => {
  const m = await mergedRepo();
  const layout = join(mkdtempSync(join(tmpdir(), "mg-layout-")), "images");
  const first = await cli(m, ["publish", "--facts", m.facts(), "--layout", layout]);
  assert.equal(first.code, 0, first.err);
  // someone rewrites who triggered the publish, keeping the line canonical and schema-valid
  m.git("checkout", "-q", "main");
  m.git("pull", "-q", "--ff-only", "origin", "main");
  const file = join(m.root, "records/churn/promotions.jsonl");
  const [line] = readFileSync(file, "utf8").trim().split("\n");
  writeFileSync(file, `${canonicalJson({ ...JSON.parse(line), triggeredBy: "mallory" })}\n`);
  m.git("commit", "-qam", "fix the record");
  const edit = m.git("rev-parse", "HEAD");
  m.git("push", "-q", "origin", "main");
  assert.deepEqual(parseLedger(m.remoteGit("show", "main:records/churn/promotions.jsonl")).problems, []);

  const next = await mergeNext(m, "1.2.0", 8);
  const facts = m.facts({ head: next.head, number: 8 });
  const before = snapshot(m);
  const refused = await cli(m, ["publish", "--facts", facts, "--layout", layout]);
  assert.equal(refused.code, 1, refused.err);
  assert.match(
    refused.err,
    new RegExp(
      `refused: churn: ledger: records/churn/promotions\\.jsonl on main may not be extended: commit ${edit.slice(0, 12)} \\("fix the record".*edited record #1 \\(publish 1\\.1\\.0 to staging, sha256:[0-9a-f]{64}\\): triggeredBy changed`,
    ),
  );
  assert.match(refused.err, /restore it from git history \(revert the change\), then publish again/);
  assert.equal(snapshot(m), before);

  // the edit reverted: the ledger holds exactly what modelgate appended, and publish chains onto it
  m.git("revert", "--no-edit", edit);
  m.git("push", "-q", "origin", "main");
  m.git("checkout", "-q", next.merge);
  const ok = await cli(m, ["publish", "--facts", facts, "--layout", layout]);
  assert.equal(ok.code, 0, ok.err);
  const { entries } = parseLedger(m.remoteGit("show", "main:records/churn/promotions.jsonl"));
  assert.deepEqual(
    entries.map((e) => [e.record.model.version, e.record.triggeredBy]),
    [
      ["1.1.0", "bob"],
      ["1.2.0", "bob"],
    ],
  );
});

test("a layout whose index.json cannot be read is refused before anything is built or committed, and left as it is", async () => {
  const m = await mergedRepo();
  const layout = join(mkdtempSync(join(tmpdir(), "mg-layout-")), "images");
  mkdirSync(layout, { recursive: true });
  writeFileSync(join(layout, "index.json"), '{"schemaVersion": 2, "manifests": [{"digest": "sha256:');
  const before = snapshot(m);
  const r = await cli(m, ["publish", "--facts", m.facts(), "--layout", layout]);
  assert.equal(r.code, 1, r.err);
  assert.match(r.err, /refused: churn: layout: .*index\.json cannot be read: not JSON/);
  assert.match(r.err, /nothing was built, pushed or committed/);
  assert.equal(
    readFileSync(join(layout, "index.json"), "utf8"),
    '{"schemaVersion": 2, "manifests": [{"digest": "sha256:',
  );
  assert.equal(existsSync(join(layout, "blobs")), false, "no blob written");
  assert.equal(snapshot(m), before);
});

test("signed with a key, killed after the push: the rerun attaches the signed bundles too, from the publish commit", async () => {
  const m = await mergedRepo();
  const key = generateKeyPairSync("ec", { namedCurve: "prime256v1" });
  const pem = key.privateKey.export({ type: "pkcs8", format: "pem" }).toString();
  const layout = join(mkdtempSync(join(tmpdir(), "mg-layout-")), "images");
  const args = ["publish", "--facts", m.facts(), "--layout", layout];
  const env = { MODELGATE_SIGNING_KEY: pem };
  const killed = spawnCli(m, args, { ...env, MODELGATE_TEST_KILL_AT: "after-git-push" });
  assert.equal(killed.signal, "SIGKILL", killed.err);
  const record = published(m);
  assert.equal(record.attestation?.signer, "key");
  const types = async () => (await listLayoutReferrers(layout, record.image.digest)).map((d) => d.artifactType).sort();
  assert.deepEqual(await types(), [ArtifactType.evaluationRecord]);
  const rerun = await cli(m, args, { ...m.env, ...env });
  assert.equal(rerun.code, 0, rerun.err);
  assert.match(
    rerun.out,
    /already published .*attached what an earlier run left out: promotion-record\.json, MODEL_CARD\.md, [0-9a-f]{64}\.sigstore\.json, [0-9a-f]{64}\.sigstore\.json/,
  );
  assert.deepEqual(await types(), [...ALL, BUNDLE_MEDIA_TYPE, BUNDLE_MEDIA_TYPE].sort());
  // the bundles attached are the ones committed beside the ledger
  const committed = record.attestation?.statements.map((st) =>
    m.remoteGit("show", `main:records/churn/attestations/${st.digest.slice(7)}.sigstore.json`),
  );
  assert.equal(committed?.length, 2);
});
