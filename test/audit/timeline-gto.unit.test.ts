import assert from "node:assert/strict";
import { test } from "node:test";
import { modelTimeline } from "../../src/audit/timeline.ts";
import { World } from "./rules/world.ts";

test("the timeline shows what GTO writes: assignments no record made, unassignments, deprecations, old forms", () => {
  const w = new World();
  const v1 = w.publish("churn", "1.0.0");
  w.release(v1);
  const c1 = v1.commit.oid;
  const qa = w.commit({ subject: "a commit GTO registers on its own" }).oid;
  w.tag("churn@v2.0.0#3", qa); // gto register with a counter
  w.tag("churn#qa#7", c1); // gto assign churn --stage qa
  w.tag("churn#qa", qa); // older GTO: no counter
  w.tag("churn#qa!#8", c1);
  w.tag("churn#production", c1); // by hand or with GTO, on a stage modelgate manages
  w.tag("churn@deprecated#9", c1);
  w.tag("Churn_Model#qa#1", c1); // another artifact of GTO's
  w.tag("churn@created", c1); // GTO's regex reads it; GTO makes no such tag and gives it no action
  const view = w.views()[0];
  const events = modelTimeline(w.snapshot(), view, w.blobs);
  const gto = events
    .filter((e) => ["assigned", "unassigned", "deprecated", "registered"].includes(e.kind))
    .map((e) => [e.kind, e.tag, e.version, e.environment, e.actor, e.summary]);
  const short = (oid: string) => oid.slice(0, 12);
  const dana = "Dana Release <dana@example.com>";
  assert.deepEqual(gto, [
    ["registered", "churn@v1.0.0", "1.0.0", null, dana, `churn@v1.0.0 on ${short(c1)}`],
    ["registered", "churn@v2.0.0#3", "2.0.0", null, dana, `churn@v2.0.0#3 on ${short(qa)}`],
    [
      "assigned",
      "churn#qa#7",
      "1.0.0",
      "qa",
      dana,
      `qa assigned by churn#qa#7 on ${short(c1)}, with no promotion record (a tag made with GTO or by hand)`,
    ],
    [
      "assigned",
      "churn#qa",
      "2.0.0",
      "qa",
      dana,
      `qa assigned by churn#qa on ${short(qa)}, with no promotion record (a tag made with GTO or by hand)`,
    ],
    ["unassigned", "churn#qa!#8", "1.0.0", "qa", dana, `qa unassigned by churn#qa!#8 on ${short(c1)}`],
    [
      "assigned",
      "churn#production",
      "1.0.0",
      "production",
      dana,
      `production assigned by churn#production on ${short(c1)}, with no promotion record (a tag made with GTO or by hand)`,
    ],
    ["deprecated", "churn@deprecated#9", null, null, dana, `churn deprecated by churn@deprecated#9 on ${short(c1)}`],
  ]);
  // the records' own stage tags are their published and released events, not assignments besides
  assert.deepEqual(
    events.filter((e) => e.tag === "churn#staging#1" || e.tag === "churn#production#1").map((e) => e.kind),
    ["published", "released"],
  );
});
