/**
 * The audit rules of issue #19 (items 12 and 15), as pure functions over a ledger: a version published twice with
 * other contents, and a release whose environment approvals came from a facts file.
 */
import assert from "node:assert/strict";
import { test } from "node:test";
import { approvalsFromGitHub } from "../../src/audit/rules/approval-source.ts";
import { versionsImmutable } from "../../src/audit/rules/versions.ts";
import { appendToLedger, type NewRecord, parseLedger } from "../../src/ledger/ledger.ts";

const M = "fraud-detector";
const PATH = `records/${M}/promotions.jsonl`;
const hex = (c: string) => c.repeat(64);
const commit = (c: string) => c.repeat(40);

function publish(version: string, model: string, image: string, source: string, n: number): NewRecord {
  return {
    apiVersion: "modelgate.dev/v1alpha1",
    kind: "PromotionRecord",
    action: "publish",
    at: "2026-02-01T12:00:00Z",
    model: { name: M, version, sha256: hex(model), path: `models/${M}/model.onnx` },
    data: [],
    evaluation: {
      record: `sha256:${hex("e")}`,
      path: `records/${M}/evaluations/${hex("e")}.json`,
      verdict: "pass",
      gates: [],
      metrics: {},
    },
    pullRequest: { number: n, author: "alice", head: commit("a") },
    approvals: [],
    image: { reference: `registry.example.com/${M}@sha256:${hex(image)}`, digest: `sha256:${hex(image)}` },
    environment: "staging",
    stageTag: `${M}#staging#${n}`,
    source: commit(source),
    triggeredBy: "bob",
  };
}

function ledger(records: NewRecord[]) {
  let text = "";
  for (const r of records) text = appendToLedger(text, r).text;
  return { model: M, path: PATH, entries: parseLedger(text).entries };
}

test("version-immutable: two publish records of one version with other model bytes, or another image, are findings", () => {
  assert.deepEqual(
    versionsImmutable(ledger([publish("1.0.0", "1", "2", "3", 1), publish("1.1.0", "4", "5", "6", 2)])),
    [],
  );
  // The same merge published again (a rerun that landed twice) names the same contents: no finding.
  assert.deepEqual(
    versionsImmutable(ledger([publish("1.0.0", "1", "2", "3", 1), publish("1.0.0", "1", "2", "7", 2)])),
    [],
  );
  const bytes = versionsImmutable(ledger([publish("1.0.0", "1", "2", "3", 1), publish("1.0.0", "9", "8", "7", 2)]));
  assert.equal(bytes.length, 1);
  assert.equal(bytes[0].check, "version-immutable");
  assert.equal(bytes[0].record?.sequence, 2);
  assert.equal(bytes[0].commit, commit("7"));
  assert.match(
    bytes[0].message,
    /record #2 publishes fraud-detector 1\.0\.0 again with other contents \(model sha256 999999999999…, not 111111111111… of record #1, from 333333333333\)/,
  );
  const image = versionsImmutable(ledger([publish("1.0.0", "1", "2", "3", 1), publish("1.0.0", "1", "8", "7", 2)]));
  assert.match(image[0].message, /image sha256:888888888888…, not sha256:222222222222…/);
});

function released(from: "github" | "facts-file", environment = "production"): NewRecord {
  const p = publish("1.0.0", "1", "2", "3", 1);
  return {
    ...p,
    action: "release",
    environment,
    stageTag: `${M}#${environment}#1`,
    release: {
      tag: `${M}@v1.0.0`,
      tagObject: commit("b"),
      pushedBy: "dana",
      environmentApprovals: [
        { user: "erin", state: "approved", comment: "", at: "2026-02-01T12:00:00Z", environments: [environment] },
      ],
      approvalSource:
        from === "github"
          ? { from: "github", api: "https://api.github.com", run: "https://github.com/acme/models/actions/runs/7" }
          : { from: "facts-file" },
      publishRecord: `sha256:${hex("c")}`,
      supersedes: null,
      runId: 7,
    },
  };
}

test("approval-source: environment approvals from a facts file are a finding where the environment requires approval, unless offline releases are allowed", () => {
  const envs = (offline: boolean) => [
    { name: "staging", requiresApproval: false },
    { name: "production", requiresApproval: true, offlineReleases: offline },
  ];
  const l = ledger([publish("1.0.0", "1", "2", "3", 1), released("facts-file"), released("github")]);
  const found = approvalsFromGitHub(l, envs(false));
  assert.equal(found.length, 1);
  assert.equal(found[0].check, "approval-source");
  assert.equal(found[0].record?.sequence, 2);
  assert.match(
    found[0].message,
    /record #2 \(release 1\.0\.0 to production\) holds environment approvals from a facts file/,
  );
  assert.deepEqual(approvalsFromGitHub(l, envs(true)), []);
  // An environment that requires no approval: a facts file is how offline releases work.
  assert.deepEqual(approvalsFromGitHub(ledger([released("facts-file", "staging")]), envs(false)), []);
});
