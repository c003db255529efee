import assert from "node:assert/strict";
import { createHash } from "node:crypto";
import { test } from "node:test";
import { parse } from "yaml";
import { readOverlayPin, renderOverlay } from "../../src/deploy/render.ts";
import { UserError } from "../../src/errors.ts";
import { appendToLedger, chainProblems, parseLedger } from "../../src/ledger/ledger.ts";
import { nextStageNumber, stageTag } from "../../src/ledger/tags.ts";
import { parseTrailers } from "../../src/ledger/trailers.ts";
import { API_VERSION, configSchema, modelSchema } from "../../src/manifest/schema.ts";
import {
  isRefusal,
  locateVersion,
  type Refusal,
  type RegistryView,
  type ReleaseTarget,
} from "../../src/release/checks.ts";
import {
  alreadyThere,
  decideRelease,
  defaultEnvironment,
  type NothingToWrite,
  type PromotionFacts,
  type PromotionPlan,
  previewRelease,
  promotionOnTip,
  promotionPlan,
  type RegistryBasis,
  registryChangeOnTip,
  registryTagStep,
  releaseEnvironment,
  releaseSubject,
  releaseTarget,
  resultBase,
  whoReleases,
} from "../../src/release/steps.ts";
import type { RemoteTag } from "../../src/vocabulary.ts";
import { configYaml, type EnvSpec } from "../support/ledger-fixture.ts";

/**
 * The pure steps of a release, on an in-memory remote (tags, the ledger and overlays at the tip, what each version's
 * commit holds): no git, no network, no clock.
 */

const M = "fraud-detector";
const hex = (s: string) => createHash("sha256").update(s).digest("hex");
const oid = (s: string) => hex(s).slice(0, 40);
const AT = "2026-02-01T12:00:00Z";

const manifest = modelSchema.parse(
  parse(`apiVersion: modelgate.dev/v1alpha1
kind: Model
metadata:
  name: ${M}
spec:
  version: 1.0.0
  owners: [alice]
  task: binary-classification
  artifact:
    path: model.onnx
  inputs:
    features: [amount]
  label:
    column: fraud
  evaluation:
    datasets: [eval]
  deployment:
    target: kserve
    replicas: 1
`),
);

const configOf = (environments?: EnvSpec[]) =>
  configSchema.parse(parse(configYaml({ environments, releasers: { users: ["dana"], teams: [] } })));

/** A GitOps remote in memory: publish and release change it as the real writers would. */
class Remote {
  tags = new Map<string, RemoteTag>();
  ledger = "";
  overlays: Record<string, string | undefined> = {};
  /** What each published commit holds: its ledger and its publish overlay. */
  commits = new Map<string, { ledger: string; overlay: string }>();

  constructor(readonly t: ReleaseTarget) {}

  publish(version: string): string {
    const commit = oid(`commit ${version}`);
    const digest = `sha256:${hex(`${version} image`)}`;
    const repository = `registry.example.com/acme/${M}`;
    const stage = stageTag(
      M,
      this.t.publishEnvironment,
      nextStageNumber(this.tags.keys(), M, this.t.publishEnvironment),
    );
    const appended = appendToLedger(this.ledger, {
      apiVersion: API_VERSION,
      kind: "PromotionRecord",
      action: "publish",
      at: "2026-01-05T10:00:00Z",
      model: { name: M, version, sha256: hex(`${version} onnx`), path: `models/${M}/model.onnx` },
      data: [{ name: "eval", sha256: hex("eval data") }],
      evaluation: {
        record: `sha256:${hex(`${version} evaluation`)}`,
        path: `records/${M}/evaluations/${hex(`${version} evaluation`)}.json`,
        verdict: "pass",
        gates: [{ gate: "roc_auc >= 0.9", status: "pass" }],
        metrics: { roc_auc: 0.93 },
      },
      pullRequest: { number: 7, author: "alice", head: "a".repeat(40) },
      approvals: [{ reviewer: "bob", reviewId: 11, commit: "a".repeat(40), submittedAt: "2026-01-05T09:00:00Z" }],
      image: { reference: `${repository}@${digest}`, digest },
      environment: this.t.publishEnvironment,
      stageTag: stage,
      source: "b".repeat(40),
      triggeredBy: "carol",
    });
    const overlay = renderOverlay(manifest, this.t.publishEnvironment, {
      image: { repository, digest, scheme: "oci" },
      version,
      record: appended.digest,
    });
    this.ledger = appended.text;
    this.overlays[this.t.publishEnvironment] = overlay;
    this.commits.set(commit, { ledger: appended.text, overlay });
    this.tags.set(stage, { name: stage, oid: oid(stage), annotated: true, commit });
    return commit;
  }

  tag(version: string, commit: string, annotated = true): RemoteTag {
    const name = `${M}@v${version}`;
    const tag = { name, oid: annotated ? oid(`tag ${name} ${commit}`) : commit, annotated, commit };
    this.tags.set(name, tag);
    return tag;
  }

  /** What release reads of this remote for the version (./remote.ts readView, on a remote held in memory). */
  view(version: string): RegistryView {
    const tag = this.tags.get(`${M}@v${version}`);
    const at = tag ? this.commits.get(tag.commit) : undefined;
    return {
      tags: new Map(this.tags),
      ledgerText: this.ledger,
      overlayText: this.overlays[this.t.environment],
      onBranch: at !== undefined,
      versionLedgerText: at?.ledger,
      versionOverlayText: at?.overlay,
    };
  }

  /** The writer landing a promotion: its files at the tip, its stage tag on the version's commit. */
  land(plan: PromotionPlan): void {
    this.ledger = plan.change.files[this.t.ledgerPath];
    this.overlays[this.t.environment] = plan.change.files[this.t.overlayPath];
    const name = plan.change.stageTag;
    this.tags.set(name, { name, oid: oid(name), annotated: true, commit: plan.located.tag.commit });
  }
}

const facts: PromotionFacts = {
  releaser: { actor: "dana", triggeredBy: "dana", runId: 101 },
  via: "spec.releasers.users",
  tagger: "Dana Release <dana@example.com>",
  signature: undefined,
  approvals: [{ user: "erin", state: "approved", comment: "Ship it", at: AT, environments: ["production"] }],
  approvalSource: {
    from: "github",
    api: "https://api.github.com",
    run: "https://github.com/acme/models/actions/runs/101",
  },
};

function setup(environments?: EnvSpec[]) {
  const config = configOf(environments);
  const environment = releaseEnvironment(config, undefined);
  const target = (version: string) =>
    releaseTarget(config, { model: M, version }, environment.name, { remote: "origin", branch: "main" });
  const remote = new Remote(target("0.0.0"));
  /** planPromotion's pure part (src/release/run.ts), on the in-memory remote. */
  const plan = (version: string, f = facts): PromotionPlan | NothingToWrite | Refusal => {
    const t = target(version);
    const view = remote.view(version);
    const located = locateVersion(t, view);
    if (isRefusal(located)) return located;
    const decision = decideRelease(
      t,
      located,
      { type: "tag", oid: located.tag.oid },
      view.overlayText,
      f.releaser.runId,
    );
    if (isRefusal(decision)) return decision;
    if (decision.kind === "unchanged") return alreadyThere(t, resultBase(t, false, located), decision.current);
    return promotionPlan({
      target: t,
      environment,
      manifest,
      view,
      located,
      decision,
      facts: f,
      at: AT,
      dryRun: false,
    });
  };
  const promote = (version: string, f = facts): PromotionPlan => {
    const p = plan(version, f);
    assert.ok(!isRefusal(p) && p.kind === "promote", `a promotion of ${version}: ${JSON.stringify(p)}`);
    return p;
  };
  return { config, environment, target, remote, plan, promote };
}

test("which version: a tag or --model and --version, never two that disagree", () => {
  assert.deepEqual(releaseSubject({ tag: "fraud-detector@v1.4.0" }), { model: M, version: "1.4.0" });
  assert.deepEqual(releaseSubject({ model: M, version: "1.4.0" }), { model: M, version: "1.4.0" });
  assert.deepEqual(releaseSubject({ model: M, version: "v1.4.0" }), { model: M, version: "1.4.0" });
  assert.deepEqual(releaseSubject({ tag: "fraud-detector@v1.4.0", model: M, version: "1.4.0" }), {
    model: M,
    version: "1.4.0",
  });
  const usage = (o: Parameters<typeof releaseSubject>[0], pattern: RegExp) =>
    assert.throws(
      () => releaseSubject(o),
      (e: Error) => e instanceof UserError && pattern.test(e.message),
    );
  usage({ tag: "fraud-detector@1.4.0" }, /is not a version tag: a release tag is <model>@vX\.Y\.Z/);
  usage({ tag: "fraud-detector@v1.4.0!" }, /is not a version tag/);
  usage({ tag: "fraud-detector@v1.4.0", model: "churn" }, /--model churn differs from the tag/);
  usage({ tag: "fraud-detector@v1.4.0", version: "1.5.0" }, /--version 1\.5\.0 differs from the tag/);
  usage({ model: M }, /name what to release/);
  usage({ model: M, version: "latest" }, /--version expects X\.Y\.Z/);
});

test("which environment: production by default, else the last one; an unknown one names the file and the choices", () => {
  assert.equal(defaultEnvironment(configOf()), "production");
  const qa = configOf([{ name: "dev" }, { name: "qa" }]);
  assert.equal(defaultEnvironment(qa), "qa");
  assert.equal(releaseEnvironment(qa, "dev").name, "dev");
  assert.throws(
    () => releaseEnvironment(qa, "production", "modelgate.yaml"),
    (e: Error) =>
      e instanceof UserError &&
      /^modelgate\.yaml: no environment "production" in modelgate\.yaml \(environments: dev, qa\)$/.test(e.message) &&
      e.pos?.file === "modelgate.yaml",
  );
  const t = releaseTarget(qa, { model: M, version: "1.0.0" }, "qa", { remote: "origin", branch: "main" });
  assert.equal(t.publishEnvironment, "dev");
  assert.equal(t.ledgerPath, `records/${M}/promotions.jsonl`);
  assert.equal(t.overlayPath, `deploy/${M}/overlays/qa/kustomization.yaml`);
  assert.equal(t.publishOverlayPath, `deploy/${M}/overlays/dev/kustomization.yaml`);
});

test("who releases: in Actions the authenticated actor and this run, which flags may not contradict; elsewhere the flags, then the facts file", () => {
  const actions = { GITHUB_ACTIONS: "true", GITHUB_ACTOR: "dana", GITHUB_RUN_ID: "7" };
  assert.deepEqual(whoReleases(actions, {}), { actor: "dana", triggeredBy: "dana", runId: 7 });
  assert.deepEqual(whoReleases({ ...actions, GITHUB_TRIGGERING_ACTOR: "frank" }, { actor: "Dana", runId: "7" }), {
    actor: "dana",
    triggeredBy: "frank",
    runId: 7,
  });
  assert.throws(() => whoReleases(actions, { actor: "mallory" }), /--actor mallory differs from GITHUB_ACTOR dana/);
  assert.throws(() => whoReleases(actions, { runId: 8 }), /--run-id 8 differs from this run \(GITHUB_RUN_ID 7\)/);
  assert.deepEqual(whoReleases({}, { actor: "dana" }, { actor: "frank", runId: 3 }), {
    actor: "dana",
    triggeredBy: "dana",
    runId: 3,
  });
  assert.deepEqual(whoReleases({ GITHUB_ACTOR: "erin" }, {}), { actor: "erin", triggeredBy: "erin", runId: undefined });
  assert.throws(() => whoReleases({}, { actor: "dana", runId: "x" }), /--run-id expects a number, got "x"/);
  assert.throws(
    () => whoReleases({}, {}),
    (e: Error) => e instanceof UserError && /who is releasing\?/.test(e.message),
  );
});

test("the plan of a first release: the record chained to the publish record, the overlay, the trailers and stage tag #1", () => {
  const { remote, promote } = setup();
  const commit = remote.publish("1.0.0");
  const tag = remote.tag("1.0.0", commit);
  const publish = parseLedger(remote.ledger).entries[0];
  const plan = promote("1.0.0");

  assert.equal(plan.action, "release");
  assert.deepEqual(plan.write, { to: "branch", branch: "main" });
  const { record, digest, files, stageTag: stage } = plan.change;
  assert.equal(stage, `${M}#production#1`);
  assert.deepEqual(Object.keys(files).sort(), [
    `deploy/${M}/overlays/production/kustomization.yaml`,
    `records/${M}/promotions.jsonl`,
  ]);
  // the record: chained to the publish record, naming the tag, its pusher and the environment's approval
  const entries = parseLedger(files[`records/${M}/promotions.jsonl`]).entries;
  assert.deepEqual(chainProblems(entries), []);
  assert.equal(entries.at(-1)?.digest, digest);
  assert.equal(record.previous, publish.digest);
  assert.equal(record.action, "release");
  assert.equal(record.at, AT);
  assert.equal(record.source, commit, "the version's commit");
  assert.deepEqual(record.image, publish.record.image);
  assert.equal(record.release?.tag, tag.name);
  assert.equal(record.release?.tagObject, tag.oid);
  assert.equal(record.release?.tagger, "Dana Release <dana@example.com>");
  assert.equal(record.release?.publishRecord, publish.digest);
  assert.equal(record.release?.supersedes, null);
  assert.equal(record.release?.runId, 101);
  assert.deepEqual(record.release?.environmentApprovals, facts.approvals);
  // the overlay pins the published image and names the record
  const pin = readOverlayPin(files[`deploy/${M}/overlays/production/kustomization.yaml`]);
  assert.equal(pin?.image, publish.record.image.reference);
  // the commit message: the one trailer list of a promotion commit
  const trailers = parseTrailers(plan.change.message);
  assert.deepEqual(trailers.get("Promotion-Record"), [digest]);
  assert.deepEqual(trailers.get("Stage-Tag"), [stage]);
  assert.deepEqual(trailers.get("Approved-by"), ["erin (environment production)"]);
  assert.match(plan.change.message, /^Release fraud-detector 1\.0\.0 to production\n/);

  // what --dry-run reports of it
  const preview = previewRelease(plan);
  assert.equal(preview.outcome, "planned");
  assert.equal(preview.stageTag, stage);
  assert.equal(preview.recordDigest, digest);
  assert.deepEqual(preview.releaser, { login: "dana", via: "spec.releasers.users" });
  assert.equal(
    preview.summary,
    `dry run: would release ${M} to 1.0.0 in production (${stage} on ${commit.slice(0, 7)}); nothing was written`,
  );
});

test("after the release lands: the same version plans nothing, a newer one supersedes it, an older one is a rollback", () => {
  const { remote, promote, plan } = setup();
  remote.tag("1.0.0", remote.publish("1.0.0"));
  const first = promote("1.0.0");
  remote.land(first);

  const again = plan("1.0.0");
  assert.ok(!isRefusal(again) && again.kind === "nothing");
  assert.equal(again.result.outcome, "unchanged");
  assert.equal(again.result.recordDigest, first.change.digest);
  assert.match(again.result.summary, /already runs in production \(record #2, fraud-detector#production#1\)/);
  assert.deepEqual(previewRelease(again), again.result);

  remote.tag("1.1.0", remote.publish("1.1.0"));
  const second = promote("1.1.0", { ...facts, releaser: { ...facts.releaser, runId: 102 } });
  assert.equal(second.action, "release");
  assert.equal(second.change.stageTag, `${M}#production#2`, "the next number of production's stage tags");
  assert.deepEqual(second.change.record.release?.supersedes, {
    version: "1.0.0",
    image: first.change.record.image.digest,
  });
  remote.land(second);

  const back = promote("1.0.0", { ...facts, releaser: { ...facts.releaser, runId: 103 } });
  assert.equal(back.action, "rollback");
  assert.match(back.change.message, /^Roll back fraud-detector to 1\.0\.0 in production\n/);
  assert.match(previewRelease(back).summary, /^dry run: would roll back fraud-detector to 1\.0\.0 in production/);
});

test("refused before anything is written: a lightweight tag object, an overlay edited by hand, a run's approval spent twice", () => {
  const { remote, plan, target } = setup();
  const commit = remote.publish("1.0.0");
  remote.tag("1.0.0", commit);
  const t = target("1.0.0");
  const view = remote.view("1.0.0");
  const located = locateVersion(t, view);
  assert.ok(!isRefusal(located));
  // ls-remote lists a tag object, but the remote serves a commit under the name
  const lightweight = decideRelease(t, located, { type: "commit", oid: commit }, view.overlayText, 101);
  assert.ok(isRefusal(lightweight));
  assert.equal(lightweight.check, "lightweight");
  assert.match(lightweight.message, /fraud-detector@v1\.0\.0 is a commit object per `git cat-file -t`/);

  remote.overlays.production = renderOverlay(manifest, "production", {
    image: { repository: "registry.example.com/acme/other", digest: `sha256:${"9".repeat(64)}`, scheme: "oci" },
    version: "9.9.9",
    record: `sha256:${"8".repeat(64)}`,
  });
  const edited = plan("1.0.0");
  assert.ok(isRefusal(edited) && edited.check === "overlay-edited", JSON.stringify(edited));

  const fresh = setup();
  fresh.remote.tag("1.0.0", fresh.remote.publish("1.0.0"));
  fresh.remote.land(fresh.promote("1.0.0"));
  fresh.remote.tag("1.1.0", fresh.remote.publish("1.1.0"));
  const reused = fresh.plan("1.1.0");
  assert.ok(isRefusal(reused) && reused.check === "run-reused", JSON.stringify(reused));
  assert.match(reused.message, /workflow run 101 was already used by record #2/);
});

test("promotion: pull-request plans a branch and a pull request whose text is escaped", () => {
  const { remote, promote } = setup([
    { name: "staging" },
    { name: "production", promotion: "pull-request", requiresApproval: true, githubEnvironment: "production" },
  ]);
  remote.tag("1.0.0", remote.publish("1.0.0"));
  const plan = promote("1.0.0");
  assert.deepEqual(plan.write, {
    to: "pull-request",
    head: `modelgate/release/${M}/production/v1.0.0`,
    base: "main",
    title: `Release ${M} 1.0.0 to production`,
    body: `modelgate proposes fraud-detector&#64;v1.0.0 for production: it changes \`deploy/${M}/overlays/production/kustomization.yaml\` and appends the promotion record to \`records/${M}/promotions.jsonl\`. Merging deploys it.`,
  });
});

test("on the tip a write lands on: the same change, the next free stage number, nothing when another run released, a refusal when the tag moved", () => {
  const { remote, promote } = setup();
  const commit = remote.publish("1.0.0");
  remote.tag("1.0.0", commit);
  const plan = promote("1.0.0");

  const same = promotionOnTip(plan, remote.view("1.0.0"), AT);
  assert.ok(!isRefusal(same) && "change" in same);
  assert.deepEqual(same.change, plan.change, "on an unchanged tip, exactly the plan");
  assert.deepEqual(same.commit, {
    files: plan.change.files,
    message: plan.change.message,
    tags: [{ name: plan.change.stageTag, target: commit, message: plan.change.tagMessage }],
  });

  // another writer took stage number 1 meanwhile (an unassignment): the change takes the next one
  remote.tags.set(`${M}#production!#1`, { name: `${M}#production!#1`, oid: oid("u"), annotated: true, commit });
  const renumbered = promotionOnTip(plan, remote.view("1.0.0"), AT);
  assert.ok(!isRefusal(renumbered) && "change" in renumbered);
  assert.equal(renumbered.change.stageTag, `${M}#production#2`);
  remote.tags.delete(`${M}#production!#1`);

  // another run released the same version meanwhile: nothing left to do
  remote.land(plan);
  assert.deepEqual(promotionOnTip(plan, remote.view("1.0.0"), AT), { unchanged: `${M}#production#1` });

  // the version tag now names another tag object
  const moved = setup();
  moved.remote.tag("1.0.0", moved.remote.publish("1.0.0"));
  const p = moved.promote("1.0.0");
  const view = moved.remote.view("1.0.0");
  const tag = view.tags.get(`${M}@v1.0.0`) as RemoteTag;
  view.tags.set(tag.name, { ...tag, oid: oid("another tag object") });
  const refused = promotionOnTip(p, view, AT);
  assert.ok(isRefusal(refused) && refused.check === "moved");
  assert.match(refused.message, /moved while it was being released/);
});

test("--deregister and --unassign: the registry tag to push, nothing when it is there, refused while the version runs", () => {
  const { remote, promote, plan, target, config } = setup();
  const c1 = remote.publish("1.0.0");
  remote.tag("1.0.0", c1);
  const basis = (version: string, mode: RegistryBasis["mode"]): RegistryBasis => ({
    target: target(version),
    mode,
    ledgerText: remote.ledger,
    environments: config.spec.environments.map((e) => e.name),
    actor: "dana",
  });

  const missing = registryTagStep(basis("2.0.0", "deregister"), remote.tags);
  assert.ok(isRefusal(missing) && missing.check === "tag-missing");
  assert.match(missing.message, /there is no such version to deregister/);
  const never = registryTagStep(basis("1.0.0", "unassign"), remote.tags);
  assert.ok(isRefusal(never) && never.check === "not-published");

  remote.land(promote("1.0.0"));
  const running = registryTagStep(basis("1.0.0", "deregister"), remote.tags);
  assert.ok(isRefusal(running) && running.check === "runs-there");
  assert.match(running.message, /1\.0\.0 runs in staging, production /);
  const runs = registryTagStep(basis("1.0.0", "unassign"), remote.tags);
  assert.ok(isRefusal(runs) && runs.check === "runs-there");

  const c2 = remote.publish("1.1.0");
  remote.tag("1.1.0", c2);
  // the publish environment runs 1.1.0 now: deregistering it would make GTO stop showing what staging runs
  const staged = registryTagStep(basis("1.1.0", "deregister"), remote.tags);
  assert.ok(isRefusal(staged) && staged.check === "runs-there");
  assert.match(staged.message, /1\.1\.0 runs in staging .*release or roll back to another version there first/);
  remote.publish("1.2.0");
  assert.deepEqual(registryTagStep(basis("1.1.0", "deregister"), remote.tags), {
    tag: { name: `${M}@v1.1.0!`, target: c2, message: `Deregister ${M} 1.1.0 (by dana)` },
  });
  remote.tags.set(`${M}@v1.1.0!`, { name: `${M}@v1.1.0!`, oid: oid("d"), annotated: true, commit: c2 });
  assert.deepEqual(registryTagStep(basis("1.1.0", "deregister"), remote.tags), {
    note: `${M} 1.1.0 is already deregistered (${M}@v1.1.0!): nothing to do`,
  });
  // GTO's deregistration with a counter (gto deregister without --simple) counts as well
  remote.tags.delete(`${M}@v1.1.0!`);
  remote.tags.set(`${M}@v1.1.0!#9`, { name: `${M}@v1.1.0!#9`, oid: oid("d9"), annotated: true, commit: c2 });
  assert.deepEqual(registryTagStep(basis("1.1.0", "deregister"), remote.tags), {
    note: `${M} 1.1.0 is already deregistered (${M}@v1.1.0!#9): nothing to do`,
  });
  const gone = plan("1.1.0");
  assert.ok(isRefusal(gone) && gone.check === "deregistered", JSON.stringify(gone));
  assert.match(gone.message, /version 1\.1\.0 was deregistered \(tag fraud-detector@v1\.1\.0!#9\)/);
  remote.tags.delete(`${M}@v1.1.0!#9`);

  // 1.1.0 released, then 1.0.0 back: 1.1.0's assignment may be undone, with the next number
  remote.tags.delete(`${M}@v1.1.0!`);
  remote.land(promote("1.1.0", { ...facts, releaser: { ...facts.releaser, runId: 2 } }));
  remote.land(promote("1.0.0", { ...facts, releaser: { ...facts.releaser, runId: 3 } }));
  const step = registryTagStep(basis("1.1.0", "unassign"), remote.tags);
  assert.deepEqual(step, {
    tag: { name: `${M}#production!#4`, target: c2, message: `Unassign production from ${M} 1.1.0 (by dana)` },
  });
  remote.tags.set(`${M}#production!#4`, { name: `${M}#production!#4`, oid: oid("u4"), annotated: true, commit: c2 });
  assert.deepEqual(registryTagStep(basis("1.1.0", "unassign"), remote.tags), {
    note: `${M} 1.1.0 is already unassigned from production (${M}#production!#4): nothing to do`,
  });

  // what --dry-run reports of a registry tag
  const planned = registryChangeOnTip(basis("1.1.0", "deregister"), remote.tags, { triggeredBy: "dana", at: AT });
  assert.ok(!isRefusal(planned) && "change" in planned);
  const preview = previewRelease({
    kind: "registry-tag",
    basis: basis("1.1.0", "deregister"),
    tag: { name: `${M}@v1.1.0!`, target: c2, message: "" },
    change: planned.change,
    via: "spec.releasers.users",
    base: resultBase(target("1.1.0"), true),
  });
  assert.equal(preview.outcome, "planned");
  assert.equal(preview.registryTag, `${M}@v1.1.0!`);
  assert.equal(preview.summary, `dry run: would push ${M}@v1.1.0! on ${c2.slice(0, 7)}; nothing was written`);
  // a broken ledger is refused, not appended to
  const broken = registryTagStep({ ...basis("1.1.0", "deregister"), ledgerText: "{not json\n" }, remote.tags);
  assert.ok(isRefusal(broken) && broken.check === "ledger-broken");
});

test("an environment approval is bound to one release: the same run cannot release the same version again after a rollback", () => {
  const { remote, promote, plan } = setup();
  const run = (runId: number) => ({ ...facts, releaser: { ...facts.releaser, runId } });
  remote.tag("1.0.0", remote.publish("1.0.0"));
  remote.land(promote("1.0.0", run(101)));
  remote.tag("1.1.0", remote.publish("1.1.0"));
  remote.land(promote("1.1.0", run(102)));
  remote.land(promote("1.0.0", run(103)));
  const reused = plan("1.1.0", run(102));
  assert.ok(isRefusal(reused) && reused.check === "run-reused", JSON.stringify(reused));
  assert.match(
    reused.message,
    /workflow run 102 was already used by record #4 \(1\.1\.0 to production, fraud-detector#production#2\)/,
  );
  assert.equal((plan("1.1.0", run(104)) as PromotionPlan).action, "release");
});

test("--deregister and --unassign are records too: chained in the ledger with the tag, and release reads them", () => {
  const { remote, promote, plan, target, config } = setup();
  const c1 = remote.publish("1.0.0");
  remote.tag("1.0.0", c1);
  remote.land(promote("1.0.0"));
  const c2 = remote.publish("1.1.0");
  remote.tag("1.1.0", c2);
  remote.publish("1.2.0"); // staging runs 1.2.0: 1.1.0 runs nowhere, and may be deregistered
  const basis = (version: string, mode: RegistryBasis["mode"]): RegistryBasis => ({
    target: target(version),
    mode,
    ledgerText: remote.ledger,
    environments: config.spec.environments.map((e) => e.name),
    actor: "dana",
  });
  const step = registryChangeOnTip(basis("1.1.0", "deregister"), remote.tags, { triggeredBy: "dana", at: AT });
  assert.ok(!isRefusal(step) && "change" in step);
  const { change } = step;
  const before = parseLedger(remote.ledger).entries;
  const publish = before.find((e) => e.record.action === "publish" && e.record.model.version === "1.1.0");
  assert.deepEqual(change.tag, {
    name: `${M}@v1.1.0!`,
    target: c2,
    message: `Deregister ${M} 1.1.0 (by dana); promotion record ${change.digest}`,
  });
  assert.equal(change.record.action, "deregister");
  assert.equal(change.record.sequence, before.length + 1);
  assert.equal(change.record.previous, before.at(-1)?.digest);
  assert.equal(change.record.stageTag, `${M}@v1.1.0!`);
  assert.equal(change.record.source, c2);
  assert.deepEqual(change.record.registry, { publishRecord: publish?.digest, pushedBy: "dana" });
  assert.deepEqual(chainProblems(parseLedger(change.files[target("1.1.0").ledgerPath]).entries), []);
  const trailers = parseTrailers(change.message);
  assert.deepEqual(trailers.get("Promotion-Record"), [change.digest]);
  assert.deepEqual(trailers.get("Stage-Tag"), [`${M}@v1.1.0!`]);
  assert.match(change.message, /^Deregister fraud-detector 1\.1\.0\n/);

  // landed, then the tag deleted: release still refuses the version, by the ledger
  remote.ledger = change.files[target("1.1.0").ledgerPath];
  const refused = locateVersion(target("1.1.0"), remote.view("1.1.0"));
  assert.ok(isRefusal(refused) && refused.check === "deregistered");
  assert.match(
    refused.message,
    /version 1\.1\.0 was deregistered \(record #5 in records\/fraud-detector\/promotions\.jsonl; its tag fraud-detector@v1\.1\.0! is no longer on origin\)/,
  );
  // and deregistering again is nothing to do, saying the tag is missing
  const again = registryChangeOnTip(basis("1.1.0", "deregister"), remote.tags, { triggeredBy: "dana", at: AT });
  assert.ok(!isRefusal(again) && "note" in again);
  assert.match(
    again.note,
    /already deregistered \(record #5 .*\), but its tag fraud-detector@v1\.1\.0! is not on origin/,
  );
  // a deregistration places nothing: production still runs 1.0.0, by its release record
  const same = plan("1.0.0");
  assert.ok(!isRefusal(same) && same.kind === "nothing", JSON.stringify(same));
  assert.equal(same.result.recordDigest, parseLedger(remote.ledger).entries[1].digest);
});
