import assert from "node:assert/strict";
import { test } from "node:test";
import { configFrom } from "../../../src/audit/history.ts";
import { configChangeReviewed, configReads } from "../../../src/audit/rules/config.ts";
import { manifestAt } from "../../../src/manifest/at-commit.ts";
import { MALLORY, oid, World } from "./world.ts";

const yaml = (spec: string) =>
  `apiVersion: modelgate.dev/v1alpha1\nkind: Config\nmetadata:\n  name: x\nspec:\n${spec}  releasers:\n    users: [dana]\n`;
const OLD = yaml("");

/** A commit changing modelgate.yaml from `before` to `after` (both kept as blobs). */
function configCommit(w: World, before: string | undefined, after: string, author = MALLORY) {
  const change = w.change("modelgate.yaml", after);
  if (before !== undefined) {
    change.oldOid = oid(`blob ${before}`);
    w.blobs.set(change.oldOid, Buffer.from(before));
  } else {
    change.status = "A";
    change.oldOid = "0".repeat(40);
  }
  return w.commit({ subject: "configuration", author, changes: [change] });
}

test("configFrom: every configured path normalised (./deploy/, deploy/../deploy, doubled slashes)", () => {
  for (const spelled of ["./deploy", "deploy/", "./deploy/", "deploy/../deploy", "deploy//", " deploy"]) {
    const cfg = configFrom(
      manifestAt(
        "c",
        "modelgate.yaml",
        Buffer.from(yaml(`  paths:\n    deploy: "${spelled}"\n    records: ./records/\n`)),
        "Config",
      ),
    );
    assert.equal(cfg.deploy, "deploy", spelled);
    assert.equal(cfg.records, "records");
  }
  const nested = configFrom(
    manifestAt("c", "modelgate.yaml", Buffer.from(yaml("  paths:\n    deploy: ./gitops//deploy/\n")), "Config"),
  );
  assert.equal(nested.deploy, "gitops/deploy");
});

test("config-change: paths or gitops changed by hand is a finding; the same folder spelled otherwise, or another setting, is not", () => {
  const w = new World();
  w.publish("churn", "1.0.0");
  const moved = configCommit(w, OLD, yaml("  paths:\n    deploy: elsewhere\n"));
  const spelled = configCommit(w, OLD, yaml("  paths:\n    deploy: ./deploy/\n"));
  const other = configCommit(w, OLD, yaml("  drift:\n    psiWarn: 0.2\n"));
  const remote = configCommit(w, OLD, yaml("  gitops:\n    remote: https://example.com/other.git\n"));
  const facts = w.facts();
  const [f] = configChangeReviewed(facts, moved);
  assert.deepEqual([f.check, f.commit, f.path], ["config-change", moved.oid, "modelgate.yaml"]);
  assert.match(f.message, /changed modelgate\.yaml: paths\.deploy from deploy to elsewhere\. These settings decide/);
  assert.deepEqual(configChangeReviewed(facts, spelled), []);
  assert.deepEqual(configChangeReviewed(facts, other), []);
  assert.match(
    configChangeReviewed(facts, remote)[0].message,
    /gitops\.remote from \(unset\) to https:\/\/example\.com\/other\.git/,
  );
  // the versions of modelgate.yaml and the ledgers' folder before each change are what the rule reads
  assert.ok(configReads(facts.snap, facts.views.values()).includes(`${moved.parents[0]}:records`));
});

test("config-change: the first settings, before anything was recorded, are not a change", () => {
  const w = new World();
  const root = configCommit(w, undefined, yaml("  paths:\n    deploy: gitops\n"));
  const adopt = configCommit(w, undefined, yaml("  paths:\n    records: ledgers\n"));
  w.blobs.set(`${adopt.parents[0]}:records`, undefined); // no ledger under the old records folder yet
  w.publish("churn", "1.0.0");
  const later = configCommit(w, yaml("  paths:\n    records: ledgers\n"), yaml("  paths:\n    records: elsewhere\n"));
  w.blobs.set(`${later.parents[0]}:ledgers`, Buffer.from("a tree"));
  const facts = w.facts();
  assert.deepEqual(configChangeReviewed(facts, root), []);
  assert.deepEqual(configChangeReviewed(facts, adopt), []);
  assert.equal(configChangeReviewed(facts, later).length, 1);
});

test("config-change: covered by a reviewed pull request a publish record holds (approved head new, merged onto old)", () => {
  const NEW = yaml("  paths:\n    deploy: gitops/deploy\n");
  const w = new World();
  w.commit({ subject: "first", author: MALLORY });
  const change = configCommit(w, OLD, NEW, { name: "Alice", email: "alice@example.com" });
  const pub = w.publish("churn", "1.0.0");
  const head = pub.record.pullRequest?.head as string;
  w.blobs.set(`${head}:modelgate.yaml`, Buffer.from(NEW));
  w.blobs.set(`${pub.record.source}^1:modelgate.yaml`, Buffer.from(OLD));
  assert.deepEqual(configChangeReviewed(w.facts(), change), []);
  // merged onto a branch that already held the new settings: the pull request did not bring them, so no review did
  w.blobs.set(`${pub.record.source}^1:modelgate.yaml`, Buffer.from(NEW));
  assert.equal(configChangeReviewed(w.facts(), change).length, 1);
  // approved only by its own author: not a review
  const self = new World();
  self.commit({ subject: "first", author: MALLORY });
  const c2 = configCommit(self, OLD, NEW);
  const p2 = self.publish("churn", "1.0.0", (r) => ({
    ...r,
    approvals: r.approvals.map((a) => ({ ...a, reviewer: r.pullRequest?.author as string })),
  }));
  self.blobs.set(`${p2.record.pullRequest?.head}:modelgate.yaml`, Buffer.from(NEW));
  self.blobs.set(`${p2.record.source}^1:modelgate.yaml`, Buffer.from(OLD));
  assert.equal(configChangeReviewed(self.facts(), c2).length, 1);
});
