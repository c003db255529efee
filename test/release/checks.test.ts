import assert from "node:assert/strict";
import { test } from "node:test";
import { renderOverlay } from "../../src/deploy/render.ts";
import { appendToLedger } from "../../src/ledger/ledger.ts";
import {
  isRefusal,
  isSignedTag,
  locateVersion,
  type RegistryView,
  type ReleaseTarget,
  taggerOf,
} from "../../src/release/checks.ts";
import { checkEnvironmentApproval, checkReleaser, teamsNeeded } from "../../src/release/people.ts";
import { compareVersions } from "../../src/release/semver.ts";
import type { RemoteTag } from "../../src/vocabulary.ts";
import { makeLedgerFixture } from "../support/ledger-fixture.ts";

test("versions compare by semver precedence: numeric parts, pre-releases before releases, build metadata ignored", () => {
  const ordered = [
    "1.0.0-alpha",
    "1.0.0-alpha.1",
    "1.0.0-alpha.beta",
    "1.0.0-beta.2",
    "1.0.0-beta.11",
    "1.0.0",
    "1.2.0",
    "1.10.0",
    "2.0.0",
  ];
  for (let i = 0; i + 1 < ordered.length; i++) {
    assert.equal(compareVersions(ordered[i], ordered[i + 1]), -1, `${ordered[i]} < ${ordered[i + 1]}`);
    assert.equal(compareVersions(ordered[i + 1], ordered[i]), 1);
  }
  assert.equal(compareVersions("1.0.0+build.5", "1.0.0"), 0);
});

test("releasers: listed users and team members with write access; bots only by name; nobody listed means write access", () => {
  const r = { users: ["Dana"], teams: ["acme/release"] };
  assert.deepEqual(checkReleaser("m", "m@v1.0.0", "dana", r, { permission: "write", teams: {} }), {
    via: "spec.releasers.users",
  });
  assert.deepEqual(teamsNeeded("dana", r), []);
  assert.deepEqual(teamsNeeded("frank", r), ["acme/release"]);
  assert.deepEqual(
    checkReleaser("m", "m@v1.0.0", "frank", r, { permission: "admin", teams: { "acme/release": ["Frank"] } }),
    {
      via: "team acme/release",
    },
  );
  const no = checkReleaser("m", "m@v1.0.0", "eve", r, { permission: "write", teams: { "acme/release": ["frank"] } });
  assert.ok(isRefusal(no));
  assert.match(no.message, /^m: m@v1\.0\.0 was pushed by eve, who is not an allowed releaser/);
  const read = checkReleaser("m", "m@v1.0.0", "dana", r, { permission: "triage", teams: {} });
  assert.ok(isRefusal(read) && /triage permission/.test(read.message));
  const bot = checkReleaser(
    "m",
    "m@v1.0.0",
    "renovate[bot]",
    { users: [], teams: [] },
    { permission: "write", teams: {} },
  );
  assert.ok(isRefusal(bot) && /is a bot/.test(bot.message));
  assert.deepEqual(
    checkReleaser("m", "m@v1.0.0", "x", { users: [], teams: [] }, { permission: "maintain", teams: {} }),
    {
      via: "write permission (modelgate.yaml spec.releasers names nobody)",
    },
  );
});

test("environment approvals: only this environment's reviews are recorded; required means approved and not rejected", () => {
  const base = {
    model: "m",
    tag: "m@v1.0.0",
    environment: "production",
    githubEnvironment: "Production",
    required: true,
    runId: 5,
    readAt: "2026-02-01T00:00:00Z",
  };
  const ok = checkEnvironmentApproval(base, [
    { user: "erin", state: "approved", comment: "go", environments: ["production"] },
    { user: "x", state: "approved", comment: "", environments: ["staging"] },
    { user: "y", state: "pending", comment: "", environments: ["production"] },
  ]);
  assert.ok(!isRefusal(ok));
  assert.deepEqual(ok.approvals, [
    { user: "erin", state: "approved", comment: "go", at: "2026-02-01T00:00:00Z", environments: ["production"] },
  ]);
  assert.ok(isRefusal(checkEnvironmentApproval(base, [])));
  assert.ok(isRefusal(checkEnvironmentApproval({ ...base, runId: undefined }, [])));
  const notRequired = checkEnvironmentApproval({ ...base, required: false, runId: undefined }, []);
  assert.deepEqual(notRequired, { approvals: [] });
});

test("signed tags and tagger lines are read from the tag object's text", () => {
  const text = "object abc\ntype commit\ntag m@v1.0.0\ntagger Dana <dana@example.com> 1767607200 +0000\n\nmsg\n";
  assert.equal(taggerOf(text), "Dana <dana@example.com>");
  assert.equal(isSignedTag(text), false);
  assert.equal(isSignedTag(`${text}-----BEGIN SSH SIGNATURE-----\nU1NI\n-----END SSH SIGNATURE-----\n`), true);
  assert.equal(isSignedTag(`${text}-----BEGIN PGP SIGNATURE-----\n\nx\n-----END PGP SIGNATURE-----\n`), true);
});

test("a version whose commit does not hold its publish record, or whose overlay there pins another image, is refused", async () => {
  const fx = makeLedgerFixture();
  const v1 = await fx.publish("fraud-detector", "1.0.0");
  const t: ReleaseTarget = {
    model: "fraud-detector",
    version: "1.0.0",
    environment: "production",
    publishEnvironment: "staging",
    remote: "origin",
    branch: "main",
    ledgerPath: "records/fraud-detector/promotions.jsonl",
    overlayPath: "deploy/fraud-detector/overlays/production/kustomization.yaml",
    publishOverlayPath: "deploy/fraud-detector/overlays/staging/kustomization.yaml",
  };
  const tag: RemoteTag = { name: "fraud-detector@v1.0.0", oid: "1".repeat(40), annotated: true, commit: v1.commit };
  const stage: RemoteTag = { name: v1.stageTag, oid: "2".repeat(40), annotated: true, commit: v1.commit };
  const ledgerText = fx.show(t.ledgerPath);
  const overlay = fx.show(t.publishOverlayPath);
  const view: RegistryView = {
    tags: new Map([
      [tag.name, tag],
      [stage.name, stage],
    ]),
    ledgerText,
    overlayText: undefined,
    onBranch: true,
    versionLedgerText: ledgerText,
    versionOverlayText: overlay,
  };
  const loc = locateVersion(t, view);
  assert.ok(!isRefusal(loc));
  assert.equal(loc.image.reference, v1.image.reference);
  assert.equal(loc.image.repository, "registry.example.com/acme/fraud-detector");
  assert.equal(loc.image.scheme, "oci");

  const other = appendToLedger("", { ...v1.record, at: "2026-01-01T00:00:00Z" });
  const missing = locateVersion(t, { ...view, versionLedgerText: other.text });
  assert.ok(isRefusal(missing));
  assert.equal(missing.check, "record-not-at-commit");

  const wrongImage = renderOverlay(fx.manifest("fraud-detector"), "staging", {
    image: {
      repository: "registry.example.com/acme/fraud-detector",
      digest: `sha256:${"9".repeat(64)}`,
      scheme: "oci",
    },
    version: "1.0.0",
    record: v1.digest,
  });
  const mismatch = locateVersion(t, { ...view, versionOverlayText: wrongImage });
  assert.ok(isRefusal(mismatch));
  assert.equal(mismatch.check, "image-mismatch");
  assert.match(
    mismatch.message,
    /names image registry\.example\.com\/acme\/fraud-detector@sha256:.* pins registry\.example\.com\/acme\/fraud-detector@sha256:9{64}/,
  );
});
