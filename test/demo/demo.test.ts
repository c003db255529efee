import assert from "node:assert/strict";
import { execFileSync, spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { test } from "node:test";
import { parseAllDocuments } from "yaml";
import { main } from "../../src/cli/main.ts";
import { runDemo, type Step } from "../../src/cli/demo/demo.ts";
import { evaluationRecordSchema } from "../../src/records/evaluation.ts";
import { trainingRecordSchema } from "../../src/records/training.ts";
import { bufferIo } from "../../src/util/io.ts";
import { kserveErrors, kserveReleaseErrors } from "../support/kserve.ts";
import { packedInstall } from "../support/packed.ts";

const env = { PATH: process.env.PATH, HOME: process.env.HOME };

// The demo runs once in the suite, as a user of the package runs it: the installed `modelgate demo`, from the package's
// own files (test/support/packed.ts; library/pack.test.ts checks the same install).
test("the demo runs the lifecycle to the end and the folder holds what it says", async () => {
  const out = join(mkdtempSync(join(tmpdir(), "mg-demo-test-")), "demo");
  const installed = packedInstall();
  const io = spawnSync(process.execPath, [installed.bin, "demo", "--out", out], {
    cwd: installed.app,
    env,
    encoding: "utf8",
  });
  assert.equal(io.status, 0, io.stdout + io.stderr);
  assert.match(
    io.stdout,
    /^modelgate demo: the lifecycle of node_modules\/modelgate\/examples\/fraud-detection,/,
    "the package's example",
  );

  // Every step ran, in lifecycle order, and ended as meant: the 1.2.0 report fails its region slice gate.
  const lines = io.stdout.split("\n").filter((l) => /^\s*\d+\. /.test(l));
  const titles = lines.map((l) => l.replace(/^\s*\d+\. /, "").split(/\s{2,}/)[0]);
  assert.deepEqual(titles, [
    "set up",
    "validate 1.0.0",
    "propose 1.1.0",
    "train 1.1.0",
    "lock",
    "commit",
    "validate 1.1.0",
    "evaluate 1.1.0",
    "report 1.1.0",
    "approve 1.1.0",
    "merge 1.1.0",
    "publish 1.1.0",
    "tag 1.1.0",
    "release 1.1.0",
    "roll back to 1.0.0",
    "production traffic",
    "monitor (no labels)",
    "monitor (labels in)",
    "propose 1.2.0",
    "train 1.2.0",
    "lock",
    "commit",
    "validate 1.2.0",
    "evaluate 1.2.0",
    "report 1.2.0",
    "audit",
    "audit verify",
    "tamper (on a copy)",
    "forge (on a copy)",
  ]);
  assert.ok(
    lines.every((l) => /^\s*\d+\. .{1,20}\s+ok\s/.test(l)),
    io.stdout,
  );
  assert.match(
    io.stdout,
    /report 1\.2\.0\s+ok\s+\(exit 1, as intended\) .*fail: recall gap over region .* exceeds 0\.1/,
  );
  assert.match(
    io.stdout,
    /approve 1\.1\.0\s+ok\s+modelgate\/approval: success — 1\/1 approvals \(bob\) on [0-9a-f]{7}/,
  );
  assert.doesNotMatch(io.stdout, /not yet available/);
  assert.match(
    io.stdout,
    /release 1\.1\.0\s+ok\s+fraud-detector 1\.1\.0 released to production: fraud-detector#production#2/,
  );
  assert.match(
    io.stdout,
    /roll back to 1\.0\.0\s+ok\s+fraud-detector 1\.0\.0 rolled back to production: fraud-detector#production#3/,
  );
  // A week of May's traffic after the rollback: drift flagged; recall estimated from the scores (CBPE), which cannot
  // see May's new fraud pattern, then realized once the chargebacks arrived, its drop alerting; a retraining branch
  // proposed; each run a record on main, on the audit timeline.
  assert.match(
    io.stdout,
    /monitor \(no labels\)\s+ok\s+\(exit 1, as intended\) drifted: amount, account_age_days, prediction; recall estimated 0\.\d+ \(CBPE, no labels yet\): no drop seen; also alerting: specificity; record committed/,
  );
  assert.match(
    io.stdout,
    /monitor \(labels in\)\s+ok\s+\(exit 1, as intended\) chargebacks in: recall realized 0\.\d+, down 0\.\d+ from 0\.485: alert; the estimate \(0\.\d+\) did not see it, the labels did \(CBPE assumes fraud keeps its pattern\); also alerting: specificity, roc_auc; retraining proposed on branch modelgate\/retrain\/fraud-detector\/\d{4}-\d\d-\d\d/,
  );
  assert.equal(
    (readFileSync(join(out, "reports/audit.md"), "utf8").match(/\| monitored \| 1\.0\.0 \| production \|/g) ?? [])
      .length,
    2,
    "the audit timeline shows both monitoring runs",
  );
  assert.match(readFileSync(join(out, "reports/monitoring-labelled.md"), "utf8"), /## The retraining pull request/);
  assert.match(
    io.stdout,
    /evaluate 1\.2\.0\s+ok\s+.*fraud-detector#production#3/,
    "1.2.0 is evaluated against what production runs",
  );
  assert.match(io.stdout, /audit verify\s+ok\s+✅ No findings/);
  // the warnings the commands gave are shown, each said expected when the example is built to give it (#22 item 11)
  assert.match(
    io.stdout,
    /validate 1\.0\.0\s+ok\s+ok: no errors, 2 warnings .*\n\s+warning: drift in "amount" of "transactions-drift" .*\(expected: transactions-drift is the example's drifted month, there to show the drift check\)\n/,
  );
  assert.match(
    io.stdout,
    /publish 1\.1\.0\s+ok\s+published .*\n(\s+warning: This merge changes the rules that judge it: .*\(expected: .*\)\n)?\s+warning: no registry configured .*\(expected: the demo is offline, so images go to a local OCI layout\)\n/,
  );
  assert.doesNotMatch(io.stdout, /&#\d+;|&(amp|quot|lt|gt);/, "no HTML entities on the terminal");
  assert.match(
    io.stdout,
    /tamper \(on a copy\)\s+ok\s+\(exit 1, as intended\) audit verify names the hand edit: deploy-edit, commit [0-9a-f]{7} changed deploy\/fraud-detector\/overlays\/production\/kustomization\.yaml/,
  );
  assert.match(
    io.stdout,
    /publish 1\.1\.0\s+ok\s+published fraud-detector 1\.1\.0 to staging: \S+@sha256:[0-9a-f]{64}/,
  );
  // signed provenance: a key the demo made signs every promotion; its public key is where the demo says, the
  // repository requires attestations and trusts that key; a release forged without it is named by audit verify
  assert.match(
    io.stdout,
    /set up\s+ok\s+.*each signed with the key the demo generated; its public key \(PEM\): keys\/signing-key\.pub\.pem/,
  );
  assert.match(readFileSync(join(out, "keys/signing-key.pub.pem"), "utf8"), /^-----BEGIN PUBLIC KEY-----\n/);
  assert.match(
    readFileSync(join(out, "repo/modelgate.yaml"), "utf8"),
    /\n {2}attest: required\n {2}trustPolicy: trust\.yaml\n/,
  );
  assert.match(
    io.stdout,
    /forge \(on a copy\)\s+ok\s+\(exit 1, as intended\) audit verify --trust names the forged release: attestation-untrusted, record #6: signed with a key the trust policy does not hold/,
  );
  assert.match(io.stdout, new RegExp(`Open ${out.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}:`));

  // Every file the account lists exists.
  const listed = io.stdout
    .split("\n")
    .filter((l) => /^ {10,}\S+$/.test(l))
    .map((l) => l.trim());
  assert.ok(listed.length >= 10, io.stdout);
  for (const f of listed) assert.ok(existsSync(join(out, f)), `${f} is listed but missing`);

  // What a person opening the folder checks: records that validate, reports, the git history with its branches.
  const repo = join(out, "repo");
  // The demo ends on main (the audit reads it); 1.2.0's records are on its pull request's branch.
  const training = trainingRecordSchema.parse(
    JSON.parse(
      execFileSync("git", ["show", "fraud-detector-1.2.0:.modelgate/training/fraud-detector.json"], {
        cwd: repo,
        encoding: "utf8",
      }),
    ),
  );
  assert.equal(training.model.version, "1.2.0");
  assert.equal(training.git.dirty, false);
  evaluationRecordSchema.parse(
    JSON.parse(readFileSync(join(repo, ".modelgate/evaluations/fraud-detector.json"), "utf8")),
  );
  assert.match(
    readFileSync(join(out, "reports/fraud-detector-1.1.0.md"), "utf8"),
    /fraud-detector · 1\.0\.0 → 1\.1\.0 · pass/,
  );
  assert.match(readFileSync(join(out, "reports/fraud-detector-1.2.0.md"), "utf8"), /recall gap over region/);
  const git = (...a: string[]) => execFileSync("git", a, { cwd: repo, encoding: "utf8" });
  assert.match(git("log", "--format=%s", "main"), /Merge: fraud-detector 1\.1\.0/);
  // The registry in GTO's grammar: versions tagged by dana, stage assignments by modelgate, counters per stage.
  assert.deepEqual(git("tag", "-l").trim().split("\n").sort(), [
    "fraud-detector#production#1",
    "fraud-detector#production#2",
    "fraud-detector#production#3",
    "fraud-detector#staging#1",
    "fraud-detector#staging#2",
    "fraud-detector@v1.0.0",
    "fraud-detector@v1.1.0",
  ]);
  for (const t of git("tag", "-l").trim().split("\n"))
    assert.equal(git("cat-file", "-t", t).trim(), "tag", `${t} is annotated`);
  // publish: one bot commit on main with trailers, the staging tag on it, the overlay pinned to the pushed digest.
  const published = git(
    "log",
    "-1",
    "--grep=^Publish fraud-detector 1.1.0",
    "--format=%an%n%(trailers:key=Model-Version,valueonly)%n%(trailers:key=Image,valueonly)",
    "main",
  ).split("\n");
  assert.equal(published[0], "modelgate[bot]");
  assert.equal(published[1], "1.1.0");
  assert.equal(
    git("rev-parse", "fraud-detector#staging#2^{commit}").trim(),
    git("log", "-1", "--format=%H", "--grep=^Publish fraud-detector 1.1.0", "main").trim(),
    "the stage tag is on the version's commit",
  );
  assert.equal(
    git("rev-parse", "fraud-detector@v1.1.0^{commit}").trim(),
    git("rev-parse", "fraud-detector#production#2^{commit}").trim(),
  );
  assert.ok(
    readFileSync(join(repo, "deploy/fraud-detector/overlays/staging/kustomization.yaml"), "utf8").includes(
      published[2].replace(/^[^@]+@/, ""),
    ),
  );
  // The image store keeps every published image and stays out of git (the example's .gitignore): the image each
  // environment runs is in it whichever branch is checked out, and no branch commits a layout.
  const store = JSON.parse(readFileSync(join(repo, ".modelgate/images/index.json"), "utf8"));
  for (const env of ["staging", "production"]) {
    const digest = /@(sha256:[0-9a-f]{64})/.exec(
      readFileSync(join(repo, `deploy/fraud-detector/overlays/${env}/kustomization.yaml`), "utf8"),
    )![1];
    assert.ok(
      store.manifests.some((m: { digest: string }) => m.digest === digest),
      `the image ${env} runs (${digest}) is in the demo's image store`,
    );
  }
  for (const b of ["main", "fraud-detector-1.1.0", "fraud-detector-1.2.0"])
    assert.equal(git("ls-tree", "-r", "--name-only", b, "--", ".modelgate/images"), "", `${b} commits no image`);
  const retrainDay = /modelgate\/retrain\/fraud-detector\/(\d{4}-\d\d-\d\d)/.exec(io.stdout)?.[1];
  const remoteBranches = execFileSync("git", ["branch", "--format=%(refname:short)"], {
    cwd: join(out, "remote.git"),
    encoding: "utf8",
  });
  assert.deepEqual(remoteBranches.trim().split("\n").sort(), [
    "fraud-detector-1.0.0",
    "fraud-detector-1.1.0",
    "fraud-detector-1.2.0",
    "main",
    // the retraining branch monitor proposed after May's week (its pull request, on GitHub)
    `modelgate/retrain/fraud-detector/${retrainDay}`,
  ]);
  assert.ok(existsSync(join(out, "logs/08-evaluate-1.1.0.txt")));

  // The overlays name images with a scheme KServe's latest release (0.20.0) serves, and its CRD accepts them; every
  // image in the store lists linux/amd64 and linux/arm64.
  for (const env of ["staging", "production"]) {
    const rendered = parseAllDocuments(
      execFileSync("kubectl", ["kustomize", join(repo, "deploy/fraud-detector/overlays", env)], { encoding: "utf8" }),
    ).map((d) => d.toJS());
    assert.deepEqual([...kserveErrors(rendered[0]), ...kserveReleaseErrors(rendered[0])], [], env);
    assert.match(rendered[0].spec.predictor.model.storageUri, /^oci\+native:\/\//, "the example mounts image volumes");
  }
  const layout = JSON.parse(readFileSync(join(repo, ".modelgate/images/index.json"), "utf8"));
  for (const m of layout.manifests.filter((d: { mediaType: string }) => d.mediaType.endsWith("index.v1+json"))) {
    const index = JSON.parse(readFileSync(join(repo, ".modelgate/images/blobs", ...m.digest.split(":")), "utf8"));
    assert.deepEqual(
      index.manifests.map(
        (d: { platform: { os: string; architecture: string } }) => `${d.platform.os}/${d.platform.architecture}`,
      ),
      ["linux/amd64", "linux/arm64"],
    );
  }
});

test("a step that ends otherwise than meant stops the demo and says which", async () => {
  const failing: Step[] = [
    { title: "first", run: async () => ({ account: "fine" }) },
    { title: "second", run: async () => ({ account: "broke", code: 2 }) },
    { title: "third", run: async () => ({ account: "never" }) },
  ];
  const io = bufferIo(process.cwd(), env);
  const r = await runDemo(io, undefined, failing);
  assert.equal(r.ok, false);
  assert.deepEqual(
    r.results.map((x) => [x.title, x.ok]),
    [
      ["first", true],
      ["second", false],
    ],
  );
  assert.match(io.stdout, /the demo stopped: "second" ended with exit code 2, expected 0/);
});

test("--out must be a new or empty folder", async () => {
  const dir = mkdtempSync(join(tmpdir(), "mg-demo-full-"));
  writeFileSync(join(dir, "something"), "x");
  const io = bufferIo(process.cwd(), env);
  assert.equal(await main(["demo", "--out", dir], io), 2);
  assert.match(io.stderr, /is not empty; give a new or empty folder/);
});
