import assert from "node:assert/strict";
import { test } from "node:test";
import { deployEditsByModelgate, pinsExactly } from "../../../src/audit/rules/deploy.ts";
import { readOverlayPin, renderOverlay } from "../../../src/deploy/render.ts";
import { makeModel } from "../../report/builder.ts";
import { MALLORY, World } from "./world.ts";

const STAGING = "deploy/churn/overlays/staging/kustomization.yaml";
const PRODUCTION = "deploy/churn/overlays/production/kustomization.yaml";
const digest = (c: string) => `sha256:${c.repeat(64)}`;
const overlay = (env: string, image: string, record: string, version = "1.0.0") =>
  renderOverlay(makeModel("churn", { version }), env, {
    image: { repository: "registry.example.com/acme/churn", digest: image, scheme: "oci" as const },
    version,
    record,
  });

test("deploy-edit: the changes publish and release make pass; a commit of another model's files is not judged", () => {
  const w = new World();
  const p = w.publish("churn", "1.0.0");
  const r = w.release(p);
  w.publish("fraud", "1.0.0");
  w.commit({ subject: "fraud", author: MALLORY, changes: [w.change("deploy/fraud/base/x.yaml", "x")] });
  // churn audited alone: fraud has a ledger of its own, judged when it is audited
  const facts = w.facts(w.views().filter((v) => v.model === "churn"));
  for (const c of w.commits) assert.deepEqual(deployEditsByModelgate(facts, c), [], c.subject);
  assert.ok(r.commit.changes.some((ch) => ch.path === PRODUCTION));
});

test("deploy-edit: anything under the deploy root no record explains: a file directly under it, a model with no ledger", () => {
  const w = new World();
  w.publish("churn", "1.0.0");
  const root = w.commit({
    subject: "one kustomization for all",
    author: MALLORY,
    changes: [
      w.change("deploy/kustomization.yaml", `images:\n  - name: churn\n    digest: ${digest("e")}\n`, "A"),
      w.change("deploy/README.md", undefined),
    ],
  });
  const shadow = w.commit({
    subject: "shadow",
    author: MALLORY,
    changes: [w.change("deploy/shadow/overlays/production/kustomization.yaml", "resources: []\n", "A")],
  });
  // not under the deploy root: not deploy's to judge
  const other = w.commit({ subject: "docs", author: MALLORY, changes: [w.change("deployment.md", "x")] });
  const facts = w.facts(w.views().filter((v) => v.model === "churn"));
  const r = deployEditsByModelgate(facts, root);
  assert.deepEqual(
    r.map((f) => [f.check, f.model, f.path]),
    [
      ["deploy-edit", null, "deploy/kustomization.yaml"],
      ["deploy-edit", null, "deploy/README.md"],
    ],
  );
  assert.match(
    r[0].message,
    /added deploy\/kustomization\.yaml, a file directly under deploy\/ that no promotion record explains/,
  );
  assert.match(r[1].message, /deleted deploy\/README\.md/);
  const [s] = deployEditsByModelgate(facts, shadow);
  assert.deepEqual([s.check, s.model, s.commit], ["deploy-edit", "shadow", shadow.oid]);
  assert.match(s.message, /in deploy\/shadow\/, the folder of a model that has no promotion ledger/);
  assert.deepEqual(deployEditsByModelgate(facts, other), []);
  // with another deploy root configured, its own root is the one judged
  w.config = { ...w.config, deploy: "gitops/deploy" };
  const moved = w.commit({ subject: "x", author: MALLORY, changes: [w.change("gitops/deploy/x.yaml", "x", "A")] });
  assert.equal(deployEditsByModelgate(w.facts(), moved)[0]?.path, "gitops/deploy/x.yaml");
});

test("deploy-edit: a hand edit names what it pins; the base by a release; a file modelgate never writes; another overlay", () => {
  const w = new World();
  const p = w.publish("churn", "1.0.0");
  const hand = w.commit({
    subject: "hotfix",
    author: MALLORY,
    changes: [w.change(PRODUCTION, overlay("production", digest("e"), digest("f")))],
  });
  const r = w.release(p);
  r.commit.changes.push(
    w.change("deploy/churn/base/inferenceservice.yaml", "edited"),
    w.change("deploy/churn/extra.yaml", "x", "A"),
    w.change(STAGING, overlay("staging", digest("e"), digest("f"))),
  );
  const facts = w.facts();
  const [h] = deployEditsByModelgate(facts, hand);
  assert.equal(h.check, "deploy-edit");
  assert.deepEqual([h.commit, h.path, h.model], [hand.oid, PRODUCTION, "churn"]);
  assert.match(
    h.message,
    new RegExp(
      `changed ${PRODUCTION} \\(it pins registry\\.example\\.com/acme/churn@sha256:e{64}, claiming record sha256:f{64}\\) without a promotion record: a change made outside modelgate$`,
    ),
  );
  const found = deployEditsByModelgate(facts, r.commit);
  assert.deepEqual(
    found.map((f) => [f.check, f.path]),
    [
      ["deploy-edit", "deploy/churn/base/inferenceservice.yaml"],
      ["deploy-edit", "deploy/churn/extra.yaml"],
      ["deploy-edit", STAGING],
    ],
  );
  assert.match(found[0].message, /but it appends no publish record \(only publish writes the base\)$/);
  assert.match(found[1].message, /wrote deploy\/churn\/extra\.yaml, a file modelgate never writes$/);
  assert.match(
    found[2].message,
    /changed the staging overlay to registry\.example\.com\/acme\/churn@sha256:e{64}, but its record promotes to production$/,
  );
});

test("deploy-edit: the GitOps objects (spec.deploy.gitops) written by publish pass; by a release or by hand they do not", () => {
  const w = new World();
  const p = w.publish("churn", "1.0.0");
  p.commit.changes.push(w.change("deploy/churn/gitops/staging.yaml", "kind: Application\n", "A"));
  const r = w.release(p);
  r.commit.changes.push(w.change("deploy/churn/gitops/production.yaml", "kind: Application\n"));
  const hand = w.commit({
    subject: "point production elsewhere",
    author: MALLORY,
    changes: [w.change("deploy/churn/gitops/production.yaml", "kind: Application\nspec: {}\n")],
  });
  const facts = w.facts();
  assert.deepEqual(deployEditsByModelgate(facts, p.commit), []);
  assert.deepEqual(
    deployEditsByModelgate(facts, r.commit).map((f) => f.message.replace(/^commit .*?\) /, "")),
    [
      "changed deploy/churn/gitops/production.yaml, but it appends no publish record (only publish writes the GitOps objects)",
    ],
  );
  assert.match(
    deployEditsByModelgate(facts, hand)[0].message,
    /changed deploy\/churn\/gitops\/production\.yaml without a promotion record: a change made outside modelgate$/,
  );
  // gitops/ holds one file per environment, nothing deeper
  r.commit.changes.push(w.change("deploy/churn/gitops/x/y.yaml", "x", "A"));
  assert.match(deployEditsByModelgate(w.facts(), r.commit)[1].message, /a file modelgate never writes$/);
});

test("overlay-pin: the overlay a promotion wrote pins another image, record or version, or was deleted", () => {
  const w = new World();
  const p = w.publish("churn", "1.0.0");
  const staging = p.commit.changes.find((ch) => ch.path === STAGING);
  assert.ok(staging);
  Object.assign(staging, w.change(STAGING, overlay("staging", digest("e"), digest("f"), "9.9.9")));
  const r = w.release(p);
  Object.assign(r.commit.changes[1], w.change(PRODUCTION, undefined));
  const facts = w.facts();
  const [pin] = deployEditsByModelgate(facts, p.commit);
  assert.equal(pin.check, "overlay-pin");
  assert.match(
    pin.message,
    /appended record #1, but the staging overlay it wrote does not match it: it pins registry\.example\.com\/acme\/churn@sha256:e{64}, the record registry\.example\.com\/acme\/churn@sha256:[0-9a-f]{64}; it names record sha256:f{64}, not sha256:[0-9a-f]{64}; it names version 9\.9\.9, not 1\.0\.0$/,
  );
  const [deleted] = deployEditsByModelgate(facts, r.commit);
  assert.match(deleted.message, /does not match it: it deleted the overlay$/);
});

test("pinsExactly: an overlay from the last confirmed one's template is known without parsing, and agrees with parsing", () => {
  const facts = new World().facts();
  const a = { image: `registry.example.com/acme/churn@${digest("a")}`, version: "1.0.0", record: digest("1") };
  const b = { image: `registry.example.com/acme/churn@${digest("b")}`, version: "1.1.0", record: digest("2") };
  const text = (p: typeof a) => overlay("staging", p.image.replace(/^.*@/, ""), p.record, p.version);
  assert.equal(pinsExactly(facts, "churn/staging", text(a), a), true, "parsed, and kept as the template");
  assert.equal(pinsExactly(facts, "churn/staging", text(b), b), true, "from the template");
  assert.equal(pinsExactly(facts, "churn/staging", text(b), a), false);
  assert.equal(pinsExactly(facts, "churn/staging", `${text(b)}# more\n`, b), true, "parsed again");
  assert.equal(pinsExactly(facts, "churn/staging", "not: [an overlay", b), false);
});

test("pinsExactly: another model's first overlay is known from this environment's first, and always agrees with parsing", () => {
  const facts = new World().facts();
  const of = (name: string, c: string, env = "staging") => {
    const want = { image: `registry.example.com/acme/${name}@${digest(c)}`, version: "1.2.0", record: digest("9") };
    const text = renderOverlay(makeModel(name, { version: want.version }), env, {
      image: { repository: `registry.example.com/acme/${name}`, digest: digest(c), scheme: "oci" as const },
      version: want.version,
      record: want.record,
    });
    return { want, text };
  };
  const parsed = (text: string, want: { image: string; version: string; record: string }) => {
    const pin = readOverlayPin(text);
    return pin?.image === want.image && pin.version === want.version && pin.record === want.record;
  };
  const first = of("churn", "a");
  assert.equal(pinsExactly(facts, "churn/staging", first.text, first.want), true);
  // names that occur elsewhere in the text ("base", "image") or that YAML reads as another type ("123", "null")
  for (const name of ["fraud", "base", "image", "name", "123", "null", "churn-2"]) {
    const right = of(name, "b");
    const key = `${name}/staging`;
    assert.equal(pinsExactly(facts, key, right.text, right.want), true, name);
    const other = of(name, "c");
    for (const [text, want] of [
      [right.text, other.want],
      [right.text.replace(`name: ${name}\n`, "name: churn\n"), right.want],
      [right.text.replace("staging", "production"), right.want],
      [of(name, "b", "production").text, right.want],
    ] as const)
      assert.equal(pinsExactly(facts, `${name}/staging`, text, want), parsed(text, want), `${name}: ${want.image}`);
  }
});
