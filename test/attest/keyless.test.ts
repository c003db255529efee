import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { before, test } from "node:test";
import { readTrustPolicy } from "../../src/attest/trust.ts";
import { runAudit } from "../../src/audit/run.ts";
import { main } from "../../src/cli/main.ts";
import { publish } from "../../src/publish/run.ts";
import { runRelease } from "../../src/release/run.ts";
import { bufferIo } from "../../src/util/io.ts";
import { openWorkspace } from "../../src/workspace/workspace.ts";
import { mergedRepo } from "../publish/fixture.ts";
import { type GitHubRun, type MockSigstore, mockSigstore } from "./keyless-fixture.ts";

// A publish and a release signed keylessly, end to end: in "GitHub Actions" (an OIDC token, no key) publish and
// release commit their records naming their Statements; the workflows' actions/attest steps sign them (here the
// mock Sigstore instance, as the publish and release workflows' identities); `modelgate attest store` files the
// bundles; `audit verify --trust` with a trust policy holding the instance's trusted root (as `gh attestation
// trusted-root` prints it) and the two workflows as identities finds nothing. A bundle of the release replaced by
// one whose certificate expired before the log saw it, or from another CA, or another identity, or with no log
// entry, is attestation-untrusted.

let sigstore: MockSigstore;
let github: MockSigstore;
let stranger: MockSigstore;
before(async () => {
  sigstore = await mockSigstore("public-good", { log: true, tsa: false });
  github = await mockSigstore("github", { log: false, tsa: true });
  stranger = await mockSigstore("stranger", { log: true, tsa: false });
});

const run = (workflow: string): GitHubRun => ({
  repository: "acme/models",
  workflow: `.github/workflows/${workflow}`,
  ref: "refs/heads/main",
});
const PUBLISH = run("modelgate-publish.yml");
const RELEASE = run("modelgate-release.yml");

/** What actions/attest signs from subject-checksums, predicate-type and predicate-path: the Statement's bytes. */
function statementLikeActionsAttest(s: { subjects: string; predicate: string; predicateType: string }): Buffer {
  const subject = readFileSync(s.subjects, "utf8")
    .trim()
    .split("\n")
    .map((line) => {
      const [hex, name] = line.split(/ [ *]/);
      return { name, digest: { sha256: hex } };
    });
  const predicate = JSON.parse(readFileSync(s.predicate, "utf8"));
  return Buffer.from(
    JSON.stringify({ _type: "https://in-toto.io/Statement/v1", subject, predicateType: s.predicateType, predicate }),
  );
}

test("keyless publish and release verify against the trusted root; expired, untrusted, other identities and unlogged do not", async () => {
  const m = await mergedRepo();
  const scratch = mkdtempSync(join(tmpdir(), "mg-keyless-"));
  const runner = mkdtempSync(join(tmpdir(), "mg-runner-"));
  const env = { ...m.env, ACTIONS_ID_TOKEN_REQUEST_URL: "https://token.invalid", RUNNER_TEMP: runner };
  const store = async (files: string[]) => {
    const io = bufferIo(m.root, env);
    assert.equal(await main(["attest", "store", ...files], io), 0, io.stderr);
  };
  const signAll = async (pending: any[], as: GitHubRun, opts = {}, by = sigstore) => {
    const files = [];
    for (const s of pending) {
      const file = join(runner, `${s.hex}.${Math.random().toString(36).slice(2)}.bundle.json`);
      writeFileSync(file, JSON.stringify(await by.sign(statementLikeActionsAttest(s), as, opts)));
      files.push(file);
    }
    return files;
  };

  // publish: the record names its two Statements; the publish workflow's identity signs them
  const r = await publish({ cwd: m.root, env, io: bufferIo(m.root, env), facts: m.facts(), backoffMs: 5 });
  assert.deepEqual(r.refusals, []);
  const [p] = r.models;
  assert.equal(p.attestations?.by, "workflow");
  await store(await signAll(p.attestations?.by === "workflow" ? p.attestations.statements : [], PUBLISH));
  execFileSync("sh", ["-c", p.versionTagCommand!], {
    cwd: m.root,
    env: { ...m.env, GIT_COMMITTER_NAME: "Dana", GIT_COMMITTER_EMAIL: "dana@example.com" },
    stdio: "ignore",
  });

  // release: its one Statement, signed by the release workflow's identity
  const releaseFacts = join(scratch, "release-facts.json");
  writeFileSync(releaseFacts, JSON.stringify({ actor: "dana", permissions: { dana: "write" } }));
  const rel = await runRelease(openWorkspace(bufferIo(m.root, env)), { tag: "churn@v1.1.0", facts: releaseFacts });
  assert.equal(rel.outcome, "released");
  const pendingRelease = rel.attestations?.by === "workflow" ? rel.attestations.statements : [];
  assert.equal(pendingRelease.length, 1);
  await store(await signAll(pendingRelease, RELEASE));

  // the auditor's trust policy, kept outside the repository: the trusted root as gh prints it, the two workflows
  writeFileSync(
    join(scratch, "trusted_root.jsonl"),
    `${JSON.stringify(sigstore.trustedRoot)}\n${JSON.stringify(github.trustedRoot)}\n`,
  );
  const policy = (identities: string[]) => {
    const file = join(scratch, `trust-${identities.length}.yaml`);
    writeFileSync(
      file,
      [
        "apiVersion: modelgate.dev/v1alpha1",
        "kind: TrustPolicy",
        "trustedRoot: trusted_root.jsonl",
        "identities:",
        ...identities.map(
          (w) =>
            `  - subject: https://github.com/acme/models/.github/workflows/${w}@refs/heads/main\n    repository: acme/models`,
        ),
        "",
      ].join("\n"),
    );
    return file;
  };
  const trustFile = policy(["modelgate-publish.yml", "modelgate-release.yml"]);
  const findings = async (file = trustFile) => {
    m.git("fetch", "-q", "origin");
    const a = await runAudit({ cwd: m.root, ref: "origin/main", verify: true, trust: readTrustPolicy(file) });
    return a.report.verification!.findings.map((f) => `${f.check} #${f.record?.sequence}: ${f.message}`);
  };
  assert.deepEqual(await findings(), []);
  const cli = bufferIo(m.root, m.env);
  assert.equal(
    await main(["audit", "verify", "--ref", "origin/main", "--trust", trustFile], cli),
    0,
    cli.stdout + cli.stderr,
  );

  // the policy names the workflows: a release signed by the publish workflow is not the release workflow's
  const onlyPublish = await findings(policy(["modelgate-publish.yml"]));
  assert.equal(onlyPublish.length, 1, onlyPublish.join("\n"));
  assert.match(
    onlyPublish[0],
    /^attestation-untrusted #2: record #2 \(release 1\.1\.0 to production\): records\/churn\/attestations\/[0-9a-f]{64}\.sigstore\.json is signed by https:\/\/github\.com\/acme\/models\/\.github\/workflows\/modelgate-release\.yml@refs\/heads\/main .*an identity .* does not allow/,
  );

  // the release's bundle replaced (whoever can push can): each of these is attestation-untrusted, naming why
  const replaced = async (opts: object, as = RELEASE, by = sigstore) => {
    await store(await signAll(pendingRelease, as, opts, by));
    const f = await findings();
    assert.equal(f.length, 1, f.join("\n"));
    assert.match(f[0], /^attestation-untrusted #2: record #2 \(release 1\.1\.0 to production\)/);
    return f[0];
  };
  assert.match(
    await replaced({ logAt: new Date(Date.now() + 3_600_000) }),
    /its certificate was valid from \S+ to \S+, but the transparency log integrated the signature at \S+: signed outside the certificate's validity/,
  );
  assert.match(
    await replaced({}, RELEASE, stranger),
    /a certificate that does not chain to a certificate authority of .*trust-2\.yaml's trusted root/,
  );
  assert.match(
    await replaced({}, { ...RELEASE, repository: "evil/models" }),
    /signed by https:\/\/github\.com\/evil\/models\/\.github\/workflows\/modelgate-release\.yml@refs\/heads\/main/,
  );
  assert.match(
    await replaced({ log: false }),
    /a keyless signature with no transparency-log entry, which .*trust-2\.yaml requires/,
  );
  // and signed properly again: nothing to find
  await store(await signAll(pendingRelease, RELEASE));
  assert.deepEqual(await findings(), []);
});
