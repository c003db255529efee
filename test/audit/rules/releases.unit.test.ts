import assert from "node:assert/strict";
import { test } from "node:test";
import {
  deregisteredNotReleased,
  registryOfPublished,
  releaseOfPublished,
  releaseTagKept,
} from "../../../src/audit/rules/releases.ts";
import { runRules } from "../../../src/audit/verify.ts";
import { modelTimeline, placements } from "../../../src/audit/timeline.ts";
import type { NewRecord } from "../../../src/ledger/ledger.ts";
import { entryAt, oid, World } from "./world.ts";

const CONFIG_WITHOUT_APPROVAL = `apiVersion: modelgate.dev/v1alpha1
kind: Config
metadata:
  name: acme
spec:
  environments:
    - name: staging
    - name: production
`;

function released(edit: Parameters<World["release"]>[1] = (r) => r) {
  const w = new World();
  const p = w.publish("churn", "1.0.0");
  const r = w.release(p, edit);
  return { w, p, r };
}

function releaseMessage(w: World, seq = 2): string | undefined {
  const facts = w.facts();
  const found = releaseOfPublished(facts, entryAt(facts, "churn", seq));
  assert.ok(found.every((f) => f.check === "release"));
  return found[0]?.message;
}

test("release: a release of the published version, by its tag, with its approvals, passes; a publish is not judged", () => {
  const { w } = released();
  assert.equal(releaseMessage(w), undefined);
  const facts = w.facts();
  for (const rule of [releaseOfPublished, releaseTagKept, deregisteredNotReleased])
    assert.deepEqual(rule(facts, entryAt(facts, "churn", 1)), []);
});

test("release: no release block, a publish record that is not earlier, another image, a wrong supersedes or tag", () => {
  const { w: bare } = released(({ release: _r, ...r }) => r);
  assert.match(releaseMessage(bare) ?? "", /has no release block/);

  const { w: unknown } = released((r) => ({
    ...r,
    release: { ...(r.release as NonNullable<typeof r.release>), publishRecord: `sha256:${"3".repeat(64)}` },
  }));
  assert.match(
    releaseMessage(unknown) ?? "",
    /it promotes the publish record sha256:3{64}, which is not an earlier entry of the ledger/,
  );

  const { w: other } = released((r) => ({
    ...r,
    image: { reference: `registry.example.com/x@sha256:${"4".repeat(64)}`, digest: `sha256:${"4".repeat(64)}` },
    release: {
      ...(r.release as NonNullable<typeof r.release>),
      tag: "churn@v2.0.0",
      supersedes: { version: "0.9.0", image: `sha256:${"5".repeat(64)}` },
    },
  }));
  const m = releaseMessage(other) ?? "";
  assert.match(
    m,
    /it deploys registry\.example\.com\/x@sha256:4{64}, but the publish record built registry\.example\.com\/acme\/churn@sha256:/,
  );
  assert.match(m, /its tag churn@v2\.0\.0 is not churn@v1\.0\.0/);
  assert.match(m, /it says it supersedes 0\.9\.0 \(sha256:5{64}\), but production ran nothing$/);
});

test("release: the approval its environment requires, by modelgate.yaml as the releasing commit holds it", () => {
  const noApproval = (r: NewRecord) => ({
    ...r,
    release: { ...(r.release as NonNullable<typeof r.release>), environmentApprovals: [] },
  });
  const { w } = released(noApproval);
  assert.match(
    releaseMessage(w) ?? "",
    /modelgate\.yaml requires an approval by the production environment's reviewers, and none is recorded$/,
  );
  const { w: relaxed, r } = released(noApproval);
  relaxed.blobs.set(`${r.commit.oid}:modelgate.yaml`, Buffer.from(CONFIG_WITHOUT_APPROVAL));
  assert.equal(releaseMessage(relaxed), undefined, "that commit's modelgate.yaml did not require one");
  // an invalid modelgate.yaml at that commit counts as the defaults (which require no approval), as before
  const { w: broken, r: br } = released(noApproval);
  broken.blobs.set(
    `${br.commit.oid}:modelgate.yaml`,
    Buffer.from(`${CONFIG_WITHOUT_APPROVAL}    requiresApproval: 3\n`),
  );
  assert.equal(releaseMessage(broken), undefined);
});

test("tag-missing, tag-moved: the version tag a release released is kept where it was", () => {
  const { w } = released();
  w.tags.splice(
    w.tags.findIndex((t) => t.name === "churn@v1.0.0"),
    1,
  );
  let facts = w.facts();
  const [missing] = releaseTagKept(facts, entryAt(facts, "churn", 2));
  assert.equal(missing.check, "tag-missing");
  assert.equal(missing.tag, "churn@v1.0.0");
  assert.match(missing.message, /released churn@v1\.0\.0, which is not in the repository$/);

  w.tag("churn@v1.0.0", oid("elsewhere"), { object: oid("another tag object") });
  facts = w.facts();
  const [moved] = releaseTagKept(facts, entryAt(facts, "churn", 2));
  assert.equal(moved.check, "tag-moved");
  assert.equal(moved.commit, oid("elsewhere"));
  assert.match(
    moved.message,
    /churn@v1\.0\.0 now names tag object [0-9a-f]{12} \(on [0-9a-f]{12}\), but record #2 .* released tag object [0-9a-f]{12}: the tag was moved or made again$/,
  );
});

test("deregistered-released: a release at or after the version's deregistration", () => {
  const w = new World();
  const p = w.publish("churn", "1.0.0");
  const later = new World();
  const lp = later.publish("churn", "1.0.0");
  w.tag("churn@v1.0.0!", p.commit.oid);
  w.release(p);
  later.release(lp);
  later.tag("churn@v1.0.0!", lp.commit.oid);
  const facts = w.facts();
  const [f] = deregisteredNotReleased(facts, entryAt(facts, "churn", 2));
  assert.equal(f.check, "deregistered-released");
  assert.equal(f.tag, "churn@v1.0.0!");
  assert.match(f.message, /released version 1\.0\.0, deregistered at .* \(churn@v1\.0\.0!\)$/);
  const lf = later.facts();
  assert.deepEqual(deregisteredNotReleased(lf, entryAt(lf, "churn", 2)), [], "deregistered after the release");
});

test("registry-record: a deregistration and an unassignment as release records them pass; the timeline and placements read them", () => {
  const w = new World();
  const a = w.publish("churn", "1.0.0");
  w.release(a);
  const b = w.publish("churn", "1.1.0");
  w.release(b);
  w.withdraw(a, "unassign");
  w.withdraw(a, "deregister");
  const facts = w.facts();
  assert.deepEqual(runRules(facts), []);
  const view = facts.views.get("churn");
  assert.ok(view);
  // they place nothing: production runs 1.1.0, staging 1.1.0
  assert.deepEqual(
    placements(facts.snap, view).map((p) => [p.environment, p.version, p.action]),
    [
      ["staging", "1.1.0", "publish"],
      ["production", "1.1.0", "release"],
    ],
  );
  const events = modelTimeline(facts.snap, view, new Map()).filter(
    (e) => e.kind === "unassigned" || e.kind === "deregistered",
  );
  assert.deepEqual(
    events.map((e) => [e.kind, e.version, e.environment, e.tag, e.actor, e.record?.sequence]),
    [
      ["unassigned", "1.0.0", "production", "churn#production!#3", "dana", 5],
      ["deregistered", "1.0.0", null, "churn@v1.0.0!", "dana", 6],
    ],
  );
});

test("registry-record: another version's publish record, a source off the version's commit, a version still running", () => {
  const w = new World();
  const a = w.publish("churn", "1.0.0");
  w.release(a);
  const b = w.publish("churn", "1.1.0");
  w.withdraw(a, "deregister", (r) => ({ ...r, registry: { publishRecord: b.digest, pushedBy: "dana" } }));
  w.withdraw(a, "unassign", (r) => ({ ...r, source: b.commit.oid }));
  const facts = w.facts();
  const wrongPublish = registryOfPublished(facts, entryAt(facts, "churn", 4));
  assert.equal(wrongPublish[0]?.check, "registry-record");
  assert.match(
    wrongPublish[0].message,
    /^record #4 \(deregister 1\.0\.0\): the publish record is of version 1\.1\.0; .*production ran 1\.0\.0 then/,
  );
  const [unassign] = registryOfPublished(facts, entryAt(facts, "churn", 5));
  assert.match(
    unassign.message,
    /record #5 \(unassign 1\.0\.0 from production\): it names source [0-9a-f]{12}, but version 1\.0\.0 was published by commit/,
  );
  assert.match(unassign.message, /production ran 1\.0\.0 then, by the ledger before it/);
  // a release is not judged by it
  assert.deepEqual(registryOfPublished(facts, entryAt(facts, "churn", 2)), []);
});

test("deregistered-released: by the ledger's deregistration record, even when its tag was deleted", () => {
  const w = new World();
  const a = w.publish("churn", "1.0.0");
  const d = w.withdraw(a, "deregister");
  w.tags.splice(
    w.tags.findIndex((t) => t.name === d.record.stageTag),
    1,
  );
  w.release(a);
  const facts = w.facts();
  const [f] = deregisteredNotReleased(facts, entryAt(facts, "churn", 3));
  assert.equal(f.check, "deregistered-released");
  assert.equal(f.tag, "churn@v1.0.0!");
  assert.match(f.message, /released version 1\.0\.0, deregistered before it by record #2 \(deregister 1\.0\.0\)/);
  // and the missing tag is a finding of its own
  assert.ok(
    runRules(facts).some((x) => x.check === "tag-missing" && x.tag === "churn@v1.0.0!" && x.record?.sequence === 2),
  );
});
