import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { test } from "node:test";
import { parseAllDocuments } from "yaml";
import { runAudit } from "../../src/audit/run.ts";
import { runRelease } from "../../src/release/run.ts";
import { readOverlayPin } from "../../src/deploy/render.ts";
import { chainProblems, parseLedger } from "../../src/ledger/ledger.ts";
import { publish } from "../../src/publish/run.ts";
import { bufferIo } from "../../src/util/io.ts";
import { openWorkspace } from "../../src/workspace/workspace.ts";
import { mergedRepo } from "../publish/fixture.ts";

test("the real publish, then the tag command it prints, then release: production runs the image publish built", async () => {
  const m = await mergedRepo();
  const published = await publish({
    cwd: m.root,
    env: m.env,
    io: bufferIo(m.root, m.env),
    facts: m.facts(),
    backoffMs: 5,
  });
  assert.deepEqual(published.refusals, []);
  const [p] = published.models;
  assert.ok(p.commit && p.versionTagCommand);
  // the release manager runs what publish printed
  execFileSync("sh", ["-c", p.versionTagCommand], {
    cwd: m.root,
    env: { ...m.env, GIT_COMMITTER_NAME: "Dana", GIT_COMMITTER_EMAIL: "dana@example.com" },
    stdio: "ignore",
  });
  const facts = join(m.root, "..", "release-facts.json");
  writeFileSync(facts, JSON.stringify({ actor: "dana", permissions: { dana: "write" } }));
  const r = await runRelease(openWorkspace(bufferIo(m.root, m.env)), { tag: "churn@v1.1.0", facts });
  assert.equal(r.outcome, "released");
  assert.equal(r.stageTag, "churn#production#1");
  assert.deepEqual(r.image, p.image);

  const overlay = m.remoteGit("show", "main:deploy/churn/overlays/production/kustomization.yaml");
  assert.equal(readOverlayPin(overlay)?.image, p.image.reference);
  m.git("pull", "-q", "origin", "main");
  const render = (env: string) =>
    parseAllDocuments(
      execFileSync("kubectl", ["kustomize", join(m.root, `deploy/churn/overlays/${env}`)], { encoding: "utf8" }),
    ).map((d) => d.toJS())[0];
  // a modelcar (spec.base: busybox), so both environments run it as KServe's modelcar: the same storage URI
  assert.equal(render("production").spec.predictor.model.storageUri, `oci://${p.image.reference}`);
  assert.equal(render("staging").spec.predictor.model.storageUri, `oci://${p.image.reference}`);
  const { entries, problems } = parseLedger(m.remoteGit("show", "main:records/churn/promotions.jsonl"));
  assert.deepEqual(problems, []);
  assert.deepEqual(chainProblems(entries), []);
  assert.deepEqual(
    entries.map((e) => [e.record.action, e.record.environment, e.record.stageTag]),
    [
      ["publish", "staging", "churn#staging#1"],
      ["release", "production", "churn#production#1"],
    ],
  );
  assert.equal(entries[1].record.release?.publishRecord, p.recordDigest);
  assert.equal(entries[0].record.source, m.merge, "publish names the merged commit");
  assert.equal(entries[1].record.source, p.commit, "release names the version's commit");
  assert.equal(m.remoteGit("rev-parse", "churn#production#1^{commit}"), p.commit);
  assert.equal(m.remoteGit("rev-parse", "churn#staging#1^{commit}"), p.commit);

  // the auditor's view of what publish and release wrote: nothing missing, nothing unexplained
  const audit = await runAudit({ cwd: m.root, ref: "origin/main", verify: true, timeline: true });
  assert.deepEqual(
    audit.report.verification?.findings.map((f) => `${f.check}: ${f.message}`),
    [],
  );
  assert.equal(audit.report.verification?.ok, true);
  const prod = audit.report.models[0].environments.find((e) => e.environment === "production");
  assert.equal(prod?.version, "1.1.0");
  assert.equal(prod?.stageTag, "churn#production#1");
});
