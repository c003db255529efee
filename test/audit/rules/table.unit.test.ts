import assert from "node:assert/strict";
import { test } from "node:test";
import { CHECKS } from "../../../src/audit/schema.ts";
import { runRules } from "../../../src/audit/verify.ts";
import { MALLORY, World } from "./world.ts";

test("a history made the way publish and release make it has no finding", () => {
  const w = new World();
  const a = w.publish("churn", "1.0.0");
  w.release(a);
  const b = w.publish("churn", "1.1.0");
  w.release(b);
  w.publish("fraud", "2.0.0");
  assert.deepEqual(runRules(w.facts()), []);
});

test("findings come in the table's order: record by record of each ledger, then commits, then tags", () => {
  const w = new World();
  w.publish("churn", "1.0.0", (r) => ({ ...r, pullRequest: null, approvals: [] }));
  w.tags.splice(
    w.tags.findIndex((t) => t.name === "churn#staging#1"),
    1,
  );
  w.publish("churn", "1.1.0", (r) => ({ ...r, approvals: [] }));
  const hotfix = w.commit({
    subject: "hotfix",
    author: MALLORY,
    changes: [w.change("deploy/churn/overlays/staging/kustomization.yaml", "x: 1\n")],
  });
  w.tag("churn@v9.9.9", w.commits[0].oid);
  w.tag("churn#production", w.commits[0].oid);
  const got = runRules(w.facts()).map((f) => `${f.check} ${f.record?.sequence ?? f.tag ?? f.commit}`);
  assert.deepEqual(got, [
    "approval 1",
    "tag-missing 1",
    "approval 2",
    `deploy-edit ${hotfix.oid}`,
    "version-tag churn@v9.9.9",
    "tag-without-record churn#production",
  ]);
});

test("the table names every check of the report's schema", async () => {
  const { readFileSync, readdirSync } = await import("node:fs");
  const dir = new URL("../../../src/audit/rules/", import.meta.url);
  const text = readdirSync(dir)
    .map((f) => readFileSync(new URL(f, dir), "utf8"))
    .join("\n");
  for (const c of CHECKS) assert.match(text, new RegExp(`"${c}"`), `no rule emits ${c}`);
});
