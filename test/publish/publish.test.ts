import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { test } from "node:test";
import { parseAllDocuments } from "yaml";
import { main } from "../../src/cli/main.ts";
import { APPROVAL_CONTEXT, runApprove } from "../../src/commands/approve.ts";
import { readOverlayPin } from "../../src/deploy/render.ts";
import { chainProblems, parseLedger } from "../../src/ledger/ledger.ts";
import { parseTrailers } from "../../src/ledger/trailers.ts";
import { ArtifactType, listRegistryReferrers } from "../../src/oci/referrers.ts";
import { RegistryClient } from "../../src/oci/registry.ts";
import { publish } from "../../src/publish/run.ts";
import { bufferIo } from "../../src/util/io.ts";
import { GitHubSim, simContext } from "../support/github-sim/index.ts";
import { createOrUpdateCheckRun } from "../../src/github/api.ts";
import { kserveErrors, kserveReleaseErrors } from "../support/kserve.ts";
import { ARGOCD_APPLICATION, crdErrors } from "../support/crd.ts";
import { runAudit } from "../../src/audit/run.ts";
import { freePort, startRegistry } from "../support/registry.ts";
import { skopeoInspect } from "../oci/_helpers.ts";
import { evaluate, type Merged, mergedRepo, sha256 } from "./fixture.ts";

const run = (m: Merged, o: Partial<Parameters<typeof publish>[0]> = {}) =>
  publish({ cwd: m.root, env: m.env, io: bufferIo(m.root, m.env), backoffMs: 5, ...o });

/** The remote's state a refusal must leave untouched: main's commit and every tag. */
const snapshot = (m: Merged) => `${m.remoteGit("rev-parse", "main")}\n${m.remoteGit("tag", "-l")}`;

test("publish on GitHub: the merged PR's approval read back, the image pushed, overlays pinned to the pushed digest, a chained record, trailers, the staging tag; a rerun does nothing", async () => {
  const m = await mergedRepo();
  const reg = await startRegistry();
  const sim = await GitHubSim.start();
  const repo = "acme/models";
  try {
    sim.addRepo(repo);
    for (const u of ["alice", "bob"]) sim.addCollaborator(repo, u, "write");
    sim.openPull(repo, {
      number: 7,
      author: "alice",
      headSha: m.head,
      baseSha: m.base,
      files: ["models/churn/model.yaml", "models/churn/model.onnx"],
    });
    sim.submitReview(repo, 7, { login: "bob", state: "APPROVED", commitId: m.head });
    const env = {
      ...m.env,
      GITHUB_TOKEN: sim.token,
      GITHUB_API_URL: sim.url,
      GITHUB_REPOSITORY: repo,
      GITHUB_ACTOR: "bob",
    };
    const http = { retryBaseMs: 1, paceWrites: false };
    // The approval gate as it ran on the pull request: the real approve sets modelgate/approval on the head.
    const approved = await runApprove({ cwd: m.root, env, pr: 7, comment: false, http });
    assert.equal(approved.decision.approved, true);
    assert.equal(sim.status(repo, m.head, APPROVAL_CONTEXT)?.state, "success");
    sim.merge(repo, 7, m.merge, "bob");

    const io = bufferIo(m.root, env);
    const code = await main(["publish", "--registry", `${reg.host}/acme`, "--json"], io);
    assert.equal(code, 0, io.stderr);
    const out = JSON.parse(io.stdout);
    assert.equal(out.pr, 7, "the pull request was found from the merge commit (GET /commits/{sha}/pulls)");
    const [p] = out.models;
    assert.equal(p.name, "churn");
    assert.equal(p.version, "1.1.0");
    assert.deepEqual(p.tags, ["churn#staging#1"]);
    assert.match(p.versionTagCommand, /^git tag -a churn@v1\.1\.0 /);

    // The registry has the image whose digest the overlay pins (skopeo, not our client, says so).
    const pinned = readOverlayPin(m.remoteGit("show", "main:deploy/churn/overlays/staging/kustomization.yaml"));
    assert.ok(pinned);
    assert.equal(pinned.image, `${reg.host}/acme/churn@${p.image.digest}`);
    assert.equal((await skopeoInspect(`${reg.host}/acme/churn:1.1.0`)).Digest, p.image.digest);
    assert.equal(pinned.record, p.recordDigest);

    // The promotion record and the card hang off the image as referrers.
    const client = new RegistryClient(reg.host, {});
    try {
      const refs = await listRegistryReferrers(client, "acme/churn", p.image.digest);
      const types = refs.map((r) => r.artifactType).sort();
      assert.deepEqual(
        types,
        [ArtifactType.evaluationRecord, ArtifactType.modelCard, ArtifactType.promotionRecord].sort(),
      );
    } finally {
      client.close();
    }

    // One bot commit on main, on top of the merge, with trailers git itself reads back; the tag is on it.
    assert.equal(m.remoteGit("rev-parse", "main^"), m.merge);
    assert.equal(m.remoteGit("log", "-1", "--format=%an", "main"), "modelgate[bot]");
    const trailers = parseTrailers(
      execFileSync("git", ["interpret-trailers", "--parse"], {
        input: m.remoteGit("log", "-1", "--format=%B", "main"),
        encoding: "utf8",
      }),
    );
    assert.deepEqual(trailers.get("Model"), ["churn"]);
    assert.deepEqual(trailers.get("Model-Version"), ["1.1.0"]);
    assert.deepEqual(trailers.get("Image"), [p.image.reference]);
    assert.deepEqual(
      trailers.get("Approved-by")?.map((a) => a.split(" ")[0]),
      ["bob"],
    );
    assert.equal(m.remoteGit("cat-file", "-t", "churn#staging#1"), "tag");
    assert.equal(m.remoteGit("rev-parse", "churn#staging#1^{commit}"), m.remoteGit("rev-parse", "main"));

    // The record: schema-valid, chained, naming the approved head, the reviewer and the evaluated digests.
    const { entries, problems } = parseLedger(m.remoteGit("show", "main:records/churn/promotions.jsonl"));
    assert.deepEqual(problems, []);
    assert.deepEqual(chainProblems(entries), []);
    const rec = entries[0].record;
    assert.equal(rec.pullRequest?.head, m.head);
    assert.equal(rec.source, m.merge);
    assert.equal(rec.triggeredBy, "bob");
    assert.deepEqual(
      rec.approvals.map((a) => [a.reviewer, a.commit]),
      [["bob", m.head]],
    );
    const evalCopy = m.remoteGit("show", `main:${rec.evaluation.path}`);
    assert.equal(
      `sha256:${sha256(`${evalCopy}\n`)}`,
      rec.evaluation.record,
      "the evaluation record is kept in git under its digest",
    );
    assert.equal(rec.model.sha256, JSON.parse(evalCopy).candidate.sha256);

    // Every overlay renders; staging's InferenceService is valid for KServe; production deploys nothing yet.
    const work = mkdtempSync(join(tmpdir(), "mg-published-"));
    execFileSync("git", ["clone", "-q", m.remote, work]);
    const render = (env: string) =>
      parseAllDocuments(
        execFileSync("kubectl", ["kustomize", join(work, "deploy/churn/overlays", env)], { encoding: "utf8" }),
      )
        .map((d) => d.toJS())
        .filter(Boolean);
    const staging = render("staging");
    assert.deepEqual(kserveErrors(staging[0]), []);
    assert.deepEqual(kserveReleaseErrors(staging[0]), [], "KServe 0.20.0 serves it");
    assert.equal(staging[0].spec.predictor.model.storageUri, `oci://${p.image.reference}`, "a modelcar, by default");
    assert.deepEqual(render("production"), []);
    assert.match(readFileSync(join(work, "models/churn/MODEL_CARD.md"), "utf8"), new RegExp(p.image.digest));

    // Idempotent: the same merge again changes nothing.
    const before = snapshot(m);
    const again = bufferIo(m.root, env);
    assert.equal(await main(["publish", "--registry", `${reg.host}/acme`], again), 0, again.stderr);
    assert.match(again.stdout, /churn 1\.1\.0: already published \(churn#staging#1/);
    assert.equal(snapshot(m), before);
    sim.assertClean();
  } finally {
    await sim.close();
    await reg.stop();
  }
});

test("refused on GitHub: no modelgate/approval success on the head; nothing built, pushed or committed", async () => {
  const m = await mergedRepo();
  const sim = await GitHubSim.start();
  const repo = "acme/models";
  try {
    sim.addRepo(repo);
    for (const u of ["alice", "bob"]) sim.addCollaborator(repo, u, "write");
    sim.openPull(repo, { number: 7, author: "alice", headSha: m.head, baseSha: m.base });
    sim.submitReview(repo, 7, { login: "bob", state: "APPROVED", commitId: m.head });
    sim.merge(repo, 7, m.merge, "bob"); // merged without the status (branch protection off): publish still refuses
    const env = { ...m.env, GITHUB_TOKEN: sim.token, GITHUB_API_URL: sim.url, GITHUB_REPOSITORY: repo };
    const before = snapshot(m);
    const io = bufferIo(m.root, env);
    assert.equal(await main(["publish"], io), 1);
    assert.match(
      io.stderr,
      /refused: churn: approval: the head commit [0-9a-f]{12} has modelgate\/approval = no status/,
    );
    assert.match(io.stderr, /nothing was built, pushed or committed/);
    assert.equal(snapshot(m), before);
    assert.equal(existsSync(join(m.root, ".modelgate/images")), false);
    sim.assertClean();
  } finally {
    await sim.close();
  }
});

test("a fork's pull request: its own record is not trusted; publish needs the report job's recomputed check run to be success", async () => {
  const m = await mergedRepo();
  const sim = await GitHubSim.start();
  const repo = "acme/models";
  try {
    sim.addRepo(repo);
    for (const u of ["alice", "bob"]) sim.addCollaborator(repo, u, "write");
    sim.openPull(repo, { number: 7, author: "alice", headSha: m.head, baseSha: m.base, fork: "alice/models" });
    sim.submitReview(repo, 7, { login: "bob", state: "APPROVED", commitId: m.head });
    const env = { ...m.env, GITHUB_TOKEN: sim.token, GITHUB_API_URL: sim.url, GITHUB_REPOSITORY: repo };
    const http = { retryBaseMs: 1, paceWrites: false };
    await runApprove({ cwd: m.root, env, pr: 7, comment: false, http });
    sim.merge(repo, 7, m.merge, "bob");
    const layout = join(mkdtempSync(join(tmpdir(), "mg-layout-")), "images");
    const before = snapshot(m);
    const refused = await run(m, { env, layout, http });
    assert.ok(
      refused.refusals.some((x) => x.field === "approval" && /comes from a fork.*modelgate \/ churn/.test(x.message)),
      JSON.stringify(refused.refusals),
    );
    assert.equal(snapshot(m), before);
    // The report job recomputed the fork's numbers and concluded success: now publish ships.
    const ctx = simContext(sim, repo);
    await createOrUpdateCheckRun(ctx, {
      name: "modelgate / churn",
      headSha: m.head,
      conclusion: "success",
      title: "pass",
      summary: "recomputed",
    });
    const ok = await run(m, { env, layout, http });
    assert.deepEqual(ok.refusals, []);
    assert.deepEqual(ok.models[0].tags, ["churn#staging#1"]);
    sim.assertClean();
  } finally {
    await sim.close();
  }
});

test("refused: an approval of another commit than the evaluated head", async () => {
  const m = await mergedRepo();
  const before = snapshot(m);
  const r = await run(m, { facts: m.facts({ commit: m.base }) });
  assert.deepEqual(r.models, []);
  assert.ok(
    r.refusals.some((x) => x.field === "approval"),
    JSON.stringify(r.refusals),
  );
  assert.equal(snapshot(m), before);
});

test("refused: the artifact changed on main after the approved head (and the record forged to match)", async () => {
  const m = await mergedRepo();
  // A commit straight to main swaps the model and re-evaluates, so manifest, file and record agree with each other.
  const yaml = readFileSync(join(m.root, "models/churn/model.yaml"), "utf8");
  const { logisticRegressionModel } = await import("../support/onnx-build.ts");
  const other = logisticRegressionModel({ weights: [-1 / 10, 1 / 80], bias: 1.0 });
  writeFileSync(join(m.root, "models/churn/model.onnx"), other);
  writeFileSync(
    join(m.root, "models/churn/model.yaml"),
    yaml.replace(/sha256: [0-9a-f]{64}/, `sha256: ${sha256(other)}`),
  );
  await evaluate(m.root);
  m.git("commit", "-qam", "swap the model after approval");
  m.git("push", "-q", "origin", "main");
  const before = snapshot(m);
  const r = await run(m, { facts: m.facts(), models: ["churn"] });
  const f = r.refusals.find((x) => x.field === "artifact.sha256 at the approved head");
  assert.ok(f, JSON.stringify(r.refusals));
  assert.equal(f.expected, sha256(execFileSync("git", ["show", `${m.head}:models/churn/model.onnx`], { cwd: m.root })));
  assert.equal(f.actual, sha256(other));
  assert.equal(snapshot(m), before);
});

test("refused: the evaluation data changed after the evaluation", async () => {
  const m = await mergedRepo();
  const csvPath = join(m.root, "data/churn-eval.csv");
  const csv = readFileSync(csvPath, "utf8");
  const changed = csv.replace(/\n(\d+),(\d+),/, (_, id, tenure) => `\n${id},${Number(tenure) + 1},`);
  writeFileSync(csvPath, changed);
  const manifest = readFileSync(join(m.root, "data/churn-eval.yaml"), "utf8");
  writeFileSync(
    join(m.root, "data/churn-eval.yaml"),
    manifest.replace(/sha256: [0-9a-f]{64}/, `sha256: ${sha256(changed)}`),
  );
  m.git("commit", "-qam", "fix a row of the evaluation data");
  m.git("push", "-q", "origin", "main");
  const r = await run(m, { facts: m.facts(), models: ["churn"] });
  const f = r.refusals.find((x) => x.field === "dataset churn-eval sha256");
  assert.ok(f, JSON.stringify(r.refusals));
  assert.equal(f.expected, sha256(changed));
  assert.equal(f.actual, sha256(csv));
});

test("refused: a failed gate (the gate of the merge's first parent)", async () => {
  const m = await mergedRepo({
    baseYaml: (y) => y.replace("{ metric: roc_auc, min: 0.6 }", "{ metric: roc_auc, min: 0.999 }"),
  });
  const before = snapshot(m);
  const r = await run(m, { facts: m.facts() });
  const f = r.refusals.find((x) => x.field === "gates");
  assert.ok(f, JSON.stringify(r.refusals));
  assert.match(f.message, /roc_auc/);
  assert.equal(snapshot(m), before);
});

test("refused: a stale record (of another artifact) is named as stale", async () => {
  const m = await mergedRepo();
  const recordFile = join(m.root, ".modelgate/evaluations/churn.json");
  const rec = JSON.parse(readFileSync(recordFile, "utf8"));
  rec.candidate.sha256 = "0".repeat(64);
  writeFileSync(recordFile, JSON.stringify(rec));
  const r = await run(m, { facts: m.facts() });
  assert.ok(
    r.refusals.some(
      (x) => x.field === "evaluation record candidate.sha256" && /stale evaluation record/.test(x.message),
    ),
  );
});

test("trained by the PR's CI run: the model file travels with the record (--artifacts, --records) and is shipped by digest", async () => {
  const m = await mergedRepo();
  // The PR run trained the model and uploaded it with its record; main does not hold the file.
  const carried = mkdtempSync(join(tmpdir(), "mg-artifact-"));
  mkdirSync(join(carried, "models/churn"), { recursive: true });
  mkdirSync(join(carried, "records"));
  renameSync(join(m.root, "models/churn/model.onnx"), join(carried, "models/churn/model.onnx"));
  renameSync(join(m.root, ".modelgate/evaluations/churn.json"), join(carried, "records/churn.json"));
  const layout = join(mkdtempSync(join(tmpdir(), "mg-layout-")), "images");
  const r = await run(m, { facts: m.facts(), artifacts: carried, records: join(carried, "records"), layout });
  assert.deepEqual(r.refusals, []);
  assert.equal(r.models[0].tags[0], "churn#staging#1");
  // The image layout holds the carried bytes: the model layer's file has the manifest's digest.
  const index = JSON.parse(readFileSync(join(layout, "index.json"), "utf8"));
  assert.ok(index.manifests.some((d: { digest: string }) => d.digest === r.models[0].image.digest));
  const want = sha256(readFileSync(join(carried, "models/churn/model.onnx")));
  assert.match(readFileSync(join(m.root, "models/churn/model.yaml"), "utf8"), new RegExp(want));
  // A carried file with other bytes is refused.
  writeFileSync(join(carried, "models/churn/model.onnx"), "not the model");
  const m2 = await mergedRepo();
  renameSync(join(m2.root, "models/churn/model.onnx"), join(mkdtempSync(join(tmpdir(), "mg-x-")), "gone.onnx"));
  const r2 = await run(m2, { facts: m2.facts(), artifacts: carried, layout });
  assert.ok(
    r2.refusals.some((x) => x.field === "artifact"),
    JSON.stringify(r2.refusals),
  );
});

test("the registry is down: publish fails and nothing is committed or tagged", async () => {
  const m = await mergedRepo();
  const before = snapshot(m);
  const port = await freePort();
  await assert.rejects(
    // a retry budget of 1 s (MODELGATE_REGISTRY_BUDGET): the same refusal, without waiting through every retry
    run(m, { facts: m.facts(), registry: `127.0.0.1:${port}/acme`, env: { ...m.env, MODELGATE_REGISTRY_BUDGET: "1" } }),
    /could not build and push the image of churn 1\.1\.0 to 127\.0\.0\.1:\d+\/acme: .*ECONNREFUSED.*retry budget of 1 s is spent.*nothing was committed or tagged/,
  );
  assert.equal(snapshot(m), before);
});

test("two publishes of different models racing to one remote both land, each with an intact chain", async () => {
  const m = await mergedRepo({
    extraModelYaml: (y) => y,
  });
  // A second model in the same repository, published from a second clone at the same merge.
  const other = join(mkdtempSync(join(tmpdir(), "mg-clone-")), "c");
  execFileSync("git", ["clone", "-q", m.remote, other], { env: m.env });
  const copy = (from: string, to: string) => {
    mkdirSync(join(other, to), { recursive: true });
    for (const f of ["model.onnx", "model.yaml"]) writeFileSync(join(other, to, f), readFileSync(join(from, f)));
  };
  copy(join(m.root, "models/churn"), "models/churn2");
  const y = join(other, "models/churn2/model.yaml");
  writeFileSync(y, readFileSync(y, "utf8").replace("name: churn", "name: churn2"));
  mkdirSync(join(other, ".modelgate/evaluations"), { recursive: true });
  await evaluate(other, "churn2");
  const g = (...a: string[]) =>
    execFileSync("git", a, {
      cwd: other,
      env: {
        ...m.env,
        GIT_AUTHOR_NAME: "a",
        GIT_AUTHOR_EMAIL: "a@x",
        GIT_COMMITTER_NAME: "a",
        GIT_COMMITTER_EMAIL: "a@x",
      },
      encoding: "utf8",
    }).trim();
  g("add", "-A");
  g("commit", "-q", "-m", "churn2 1.1.0");
  g("push", "-q", "origin", "HEAD:main");
  const facts2 = m.facts();
  const head2 = g("rev-parse", "HEAD");
  const f2 = JSON.parse(readFileSync(facts2, "utf8"));
  f2.pr.headSha = head2;
  f2.reviews[0].commitId = head2;
  writeFileSync(facts2, JSON.stringify(f2));
  const layout = join(mkdtempSync(join(tmpdir(), "mg-layout-")), "images");
  const [a, b] = await Promise.all([
    run(m, { facts: m.facts(), models: ["churn"], layout }),
    publish({
      cwd: other,
      env: m.env,
      io: bufferIo(other, m.env),
      facts: facts2,
      models: ["churn2"],
      layout,
      backoffMs: 5,
    }),
  ]);
  assert.deepEqual([...a.refusals, ...b.refusals], []);
  assert.deepEqual(m.remoteGit("tag", "-l").split("\n").sort(), ["churn#staging#1", "churn2#staging#1"]);
  for (const model of ["churn", "churn2"]) {
    const { entries, problems } = parseLedger(m.remoteGit("show", `main:records/${model}/promotions.jsonl`));
    assert.deepEqual(problems, []);
    assert.deepEqual(chainProblems(entries), []);
    assert.equal(entries.length, 1);
  }
});

test("--dry-run checks everything and writes nothing; usage errors exit 2", async () => {
  const m = await mergedRepo();
  const before = snapshot(m);
  const io = bufferIo(m.root, m.env);
  assert.equal(await main(["publish", "--facts", m.facts(), "--dry-run"], io), 0, io.stderr);
  assert.match(io.stdout, /churn 1\.1\.0: every check passed; would publish to staging \(dry run\)/);
  // The plan: where the image goes, the files and tag of the commit.
  assert.match(
    io.stdout,
    /image: build models\/churn\/model\.onnx into an image and write it to the layout .*images:churn-1\.1\.0/,
  );
  assert.match(io.stdout, /commit to main of origin: records\/churn\/promotions\.jsonl \(promotion record\)/);
  assert.match(io.stdout, /deploy\/churn\/overlays\/staging\/kustomization\.yaml \(pinned to the image\)/);
  assert.match(io.stdout, /tag: churn#staging#N/);
  const json = bufferIo(m.root, m.env);
  assert.equal(await main(["publish", "--facts", m.facts(), "--dry-run", "--json"], json), 0, json.stderr);
  const plan = JSON.parse(json.stdout).plan;
  assert.deepEqual(plan.target, { remote: "origin", branch: "main" });
  assert.equal(plan.models[0].image.repository, "registry.invalid/churn");
  assert.equal(plan.models[0].files.ledger, "records/churn/promotions.jsonl");
  assert.equal(snapshot(m), before);
  const bad = bufferIo(m.root, m.env);
  assert.equal(await main(["publish", "--sha", "nope"], bad), 2);
  assert.match(bad.stderr, /--sha nope is not a commit/);
  const noGitHub = bufferIo(m.root, { PATH: process.env.PATH });
  assert.equal(await main(["publish"], noGitHub), 2);
});

test("spec.deploy.gitops: the publish commit holds each environment's Argo CD Application, and audit verify accepts it", async () => {
  const m = await mergedRepo({
    config: (y) =>
      y.replace(
        "spec:\n",
        "spec:\n  deploy:\n    gitops: argocd\n    argocd: { repoURL: https://github.com/acme/models.git }\n  environments:\n    - { name: staging }\n    - { name: production, namespace: models-prod, requiresTag: true }\n",
      ),
  });
  const layout = join(mkdtempSync(join(tmpdir(), "mg-layout-")), "images");
  const r = await run(m, { facts: m.facts(), layout });
  assert.deepEqual(r.refusals, []);
  const show = (path: string) => m.remoteGit("show", `main:${path}`);
  const apps = ["staging", "production"].map((env) =>
    parseAllDocuments(show(`deploy/churn/gitops/${env}.yaml`))[0].toJS(),
  );
  assert.deepEqual(
    apps.map((a) => [
      a.kind,
      a.metadata.name,
      a.spec.source.path,
      a.spec.source.targetRevision,
      a.spec.destination.namespace,
    ]),
    [
      ["Application", "churn-staging", "deploy/churn/overlays/staging", "main", "staging"],
      ["Application", "churn-production", "deploy/churn/overlays/production", "main", "models-prod"],
    ],
  );
  for (const a of apps) assert.deepEqual(crdErrors(ARGOCD_APPLICATION, a), []);
  // the publish commit wrote them with the overlays: audit verify finds nothing to say about them
  m.git("fetch", "-q", "origin", "--tags");
  const audit = await runAudit({ cwd: m.root, ref: "origin/main", verify: true });
  assert.deepEqual(
    audit.report.verification?.findings.filter((f) => f.path?.includes("/gitops/")),
    [],
  );
  assert.match(m.remoteGit("show", "--stat", "--format=%s", "main"), /deploy\/churn\/gitops\/production\.yaml/);
});
