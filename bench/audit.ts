// `modelgate audit` and `audit verify` on a generated repository of 10,000 commits and 1,500 tags over 20 models,
// run as the CLI users run (the bundle of the sources, `node cli.js audit …`, output to /dev/null), side by side with
// the git commands they need run as a shell runs them (`sh -c 'git log … | cat >/dev/null; …'`), the variants in
// turns, medians of --runs rounds after one warm-up, with the load average before and after.
// Usage: npm run bench -- audit [--runs 7] [--repo DIR] [--baseline OTHER/cli.js]
// The repository is generated in a temporary folder, removed at the end with everything else; --repo DIR generates it
// there (or uses the one already there) and keeps it. --baseline also times another bundle (e.g. main's dist/cli.js).
//
// The repository is made with `git fast-import` in one stream: per model, 24 versions, each proposed on a branch
// (a commit and CI's commit with the training record), merged, published (ledger record, evaluation record of
// ~80 KB like the demo's, overlays, base, model card, trailers, tag MODEL#staging#N), tagged MODEL@vX.Y.Z and
// released (MODEL#production#N on the version's commit), with a rollback every 8th version; and ordinary commits
// between them. Every record is real (appendToLedger, renderOverlay, judge), so `audit verify` must find nothing.
import { type ChildProcess, spawn, spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { loadavg, tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { parseArgs } from "node:util";
import { stringify } from "yaml";
import { LOG_GLOBS, logPaths } from "../src/audit/history.ts";
import { runAudit } from "../src/audit/run.ts";
import { deployPaths, renderBase, renderOverlay } from "../src/deploy/render.ts";
import { logArgs, TAG_ARGS } from "../src/git/history.ts";
import { sha256Of } from "../src/ledger/canonical.ts";
import { appendToLedger, currentIn, evaluationCopyPath, parseLedger, promotionsPath } from "../src/ledger/ledger.ts";
import { stageTag, versionTag } from "../src/ledger/tags.ts";
import { commitMessage, type Trailers } from "../src/ledger/trailers.ts";
import { API_VERSION } from "../src/manifest/schema.ts";
import { judge } from "../src/report/gates.ts";
import { toJson } from "../src/util/fs.ts";
import { rng } from "../src/util/random.ts";
import { curve, makeModel, makeRecord } from "../test/report/builder.ts";
import { machine, median } from "./machine.ts";

const { values } = parseArgs({
  options: { runs: { type: "string", default: "7" }, repo: { type: "string" }, baseline: { type: "string" } },
});
const RUNS = Number(values.runs);
const MODELS = 20;
const VERSIONS = 24;
const TARGET_COMMITS = 10_000;
const BOT = "modelgate[bot] <modelgate-bot@users.noreply.github.com>";
const people = ["Alice Author <alice@example.com>", "Bob Reviewer <bob@example.com>", "Carol Dev <carol@example.com>"];
const DANA = "Dana Releaser <dana@example.com>";

/** A git fast-import process fed one command at a time; `mark` asks for a commit's id (get-mark). */
class Importer {
  private readonly child: ChildProcess;
  private buffered = "";
  private waiting: ((line: string) => void)[] = [];
  private marks = 0;
  private time = Date.parse("2025-01-06T08:00:00Z") / 1000;
  commits = 0;
  tags = 0;

  constructor(dir: string) {
    this.child = spawn("git", ["fast-import", "--quiet", "--done"], { cwd: dir, stdio: ["pipe", "pipe", "inherit"] });
    this.child.stdout?.on("data", (d: Buffer) => {
      this.buffered += d.toString();
      for (let nl = this.buffered.indexOf("\n"); nl >= 0; nl = this.buffered.indexOf("\n")) {
        const line = this.buffered.slice(0, nl);
        this.buffered = this.buffered.slice(nl + 1);
        this.waiting.shift()?.(line);
      }
    });
    this.write("feature get-mark\nfeature done\n");
  }

  write(s: string | Buffer): void {
    this.child.stdin?.write(s);
  }

  private data(b: string | Buffer): void {
    const buf = typeof b === "string" ? Buffer.from(b) : b;
    this.write(`data ${buf.byteLength}\n`);
    this.write(buf);
    this.write("\n");
  }

  now(): number {
    this.time += 60;
    return this.time;
  }

  /** A commit on `branch` (from its tip, or `from`), with extra parents, files, and a message; returns its mark. */
  commit(o: {
    branch: string;
    who: string;
    message: string;
    files?: Record<string, string | Buffer>;
    from?: number;
    merge?: number[];
  }): number {
    const mark = ++this.marks;
    const t = this.now();
    this.write(
      `commit refs/heads/${o.branch}\nmark :${mark}\nauthor ${o.who} ${t} +0000\ncommitter ${o.who} ${t} +0000\n`,
    );
    this.data(o.message);
    if (o.from) this.write(`from :${o.from}\n`);
    for (const m of o.merge ?? []) this.write(`merge :${m}\n`);
    for (const [p, c] of Object.entries(o.files ?? {})) {
      this.write(`M 100644 inline ${p}\n`);
      this.data(c);
    }
    this.write("\n");
    this.commits++;
    return mark;
  }

  /** The commit id of a mark. */
  oid(mark: number): Promise<string> {
    return new Promise((res) => {
      this.waiting.push(res);
      this.write(`get-mark :${mark}\n`);
    });
  }

  /** An annotated tag on a commit; returns the tag object's id, computed as git computes it. */
  tag(name: string, mark: number, commit: string, who: string, message: string): string {
    const t = this.now();
    this.write(`tag ${name}\nfrom :${mark}\ntagger ${who} ${t} +0000\n`);
    this.data(message);
    this.tags++;
    const body = Buffer.from(`object ${commit}\ntype commit\ntag ${name}\ntagger ${who} ${t} +0000\n\n${message}`);
    return createHash("sha1").update(`tag ${body.byteLength}\0`).update(body).digest("hex");
  }

  reset(branch: string, mark: number): void {
    this.write(`reset refs/heads/${branch}\nfrom :${mark}\n\n`);
  }

  async done(): Promise<void> {
    this.write("done\n");
    this.child.stdin?.end();
    await new Promise((r) => this.child.on("close", r));
  }
}

const iso = (t: number) => new Date(t * 1000).toISOString().replace(/\.\d{3}Z$/, "Z");

/** An evaluation record of the size the demo's is (~80 KB): slices over 12 regions and 3 segments, curves of 100 points. */
function evaluationRecord(name: string, version: string, artifact: string, r: () => number) {
  const regions: Record<string, number> = {};
  for (let i = 0; i < 12; i++) regions[`region-${i}`] = 0.72 + 0.05 * r();
  const rec = makeRecord({
    name,
    version,
    regions,
    metrics: { roc_auc: 0.9 + 0.01 * r(), accuracy: 0.87, precision: 0.8, recall: 0.75, f1: 0.77 },
  });
  rec.candidate.sha256 = artifact;
  rec.candidate.curves = { roc: curve(100, 2 + r()), pr: curve(100, 0.5 + r() / 2) };
  if (rec.baseline) rec.baseline.curves = { roc: curve(100, 2 + r()), pr: curve(100, 0.5 + r() / 2) };
  for (const seg of ["new", "returning", "dormant"])
    rec.slices.push(
      ...Object.keys(regions).map((value) => ({
        column: `segment-${seg}`,
        value,
        count: 800,
        supported: true,
        candidate: { recall: 0.75, precision: 0.8, roc_auc: 0.9 },
        baseline: { recall: 0.74, precision: 0.79, roc_auc: 0.89 },
      })),
    );
  return rec;
}

async function generate(dir: string): Promise<{ commits: number; tags: number; records: number; evalBytes: number }> {
  spawnSync("git", ["init", "-q", "-b", "main", dir]);
  const im = new Importer(dir);
  const r = rng(7);
  const names = Array.from({ length: MODELS }, (_, i) => `model-${String(i).padStart(2, "0")}`);
  const state = new Map(
    names.map((n) => [
      n,
      {
        ledger: "",
        publishes: [] as {
          version: string;
          mark: number;
          commit: string;
          digest: string;
          tagObject: string;
          image: string;
          imageDigest: string;
        }[],
        stage: { staging: 0, production: 0 },
      },
    ]),
  );
  let main = im.commit({
    branch: "main",
    who: people[0],
    message: "model repository\n",
    files: {
      "modelgate.yaml": "apiVersion: modelgate.dev/v1alpha1\nkind: Config\nmetadata:\n  name: bench\nspec: {}\n",
      "README.md": "models\n",
    },
  });
  const cycles = MODELS * VERSIONS;
  const fillers = TARGET_COMMITS - 1 - cycles * 5 - MODELS * Math.floor(VERSIONS / 8);
  let filled = 0;
  let records = 0;
  let evalBytes = 0;
  for (let c = 0; c < cycles; c++) {
    const name = names[c % MODELS];
    const st = state.get(name) as NonNullable<ReturnType<typeof state.get>>;
    const v = Math.floor(c / MODELS);
    const version = `1.${v}.0`;
    // ordinary work between releases
    const quota = Math.round(((c + 1) * fillers) / cycles) - filled;
    for (let k = 0; k < quota; k++, filled++)
      main = im.commit({
        branch: "main",
        who: people[filled % 3],
        message: `work ${filled}\n`,
        files: { [`src/${names[filled % MODELS]}/module-${filled % 7}.py`]: `# ${filled}\nvalue = ${r()}\n` },
      });
    // the pull request: the change, then CI's commit with the training record (the evaluated head)
    const artifact = createHash("sha256").update(`${name} ${version}`).digest("hex");
    const model = makeModel(name, { version, artifact: { path: "model.onnx", sha256: artifact } });
    const branch = `${name}-${version}`;
    im.commit({
      branch,
      from: main,
      who: people[0],
      message: `${name} ${version}\n`,
      files: {
        [`models/${name}/model.yaml`]: stringify(model),
        [`models/${name}/model.onnx`]: `onnx ${name} ${version}`,
      },
    });
    const evalRec = evaluationRecord(name, version, artifact, r);
    const training = {
      apiVersion: API_VERSION,
      kind: "TrainingRecord",
      model: { name, version, manifest: `models/${name}/model.yaml` },
      result: "ok",
      git: { commit: null, dirty: false, branch },
      command: { argv: ["python", "train.py"], shell: false, workdir: `models/${name}`, timeoutMinutes: 10 },
      params: { trees: 100 },
      paramsSha256: "0".repeat(64),
      datasets: [
        {
          name: "churn-train",
          path: "data/churn-train.csv",
          sha256: "1".repeat(64),
          declaredSha256: "1".repeat(64),
          sizeBytes: 1000,
        },
      ],
      env: [],
      tools: { modelgate: "0.1.0", node: "v20.19.0", onnxruntime: "1.30.0", platform: "linux", arch: "x64" },
      startedAt: iso(im.now()),
      finishedAt: iso(im.now()),
      durationSeconds: 60,
      exitCode: 0,
      signal: null,
      timedOut: false,
      log: { path: `.modelgate/training/${name}.log`, sizeBytes: 10, sha256: "2".repeat(64) },
      output: {
        path: `models/${name}/model.onnx`,
        artifact: `models/${name}/model.onnx`,
        sha256: artifact,
        sizeBytes: 10,
        declaredSha256: null,
        signatureChecked: true,
      },
    };
    const headMark = im.commit({
      branch,
      who: BOT,
      message: `CI results for ${name} ${version}\n`,
      files: { [`.modelgate/training/${name}.json`]: toJson(training) },
    });
    const mergeMark = im.commit({
      branch: "main",
      from: main,
      merge: [headMark],
      who: people[1],
      message: `Merge pull request #${c + 1}: ${name} ${version}\n`,
    });
    main = mergeMark;
    const [head, source] = await Promise.all([im.oid(headMark), im.oid(mergeMark)]);
    const approvedAt = iso(im.now());
    // publish
    const evalBytesBuf = Buffer.from(toJson(evalRec));
    evalBytes += evalBytesBuf.byteLength;
    const evalHex = sha256Of(evalBytesBuf).slice(7);
    const verdict = judge({ model, record: evalRec });
    const imageDigest = `sha256:${createHash("sha256").update(`image ${name} ${version}`).digest("hex")}`;
    const image = `ghcr.io/acme/models/${name}@${imageDigest}`;
    st.stage.staging++;
    const stag = stageTag(name, "staging", st.stage.staging);
    const pub = appendToLedger(st.ledger, {
      apiVersion: API_VERSION,
      kind: "PromotionRecord",
      action: "publish",
      at: iso(im.now()),
      model: { name, version, sha256: artifact, path: `models/${name}/model.onnx` },
      data: [{ name: "churn-eval", sha256: evalRec.dataset.sha256 }],
      evaluation: {
        record: `sha256:${evalHex}`,
        path: evaluationCopyPath("records", name, evalHex),
        verdict: verdict.status === "warn" ? "warn" : "pass",
        gates: verdict.results.map((g) => ({ gate: g.label, status: g.status })),
        metrics: { roc_auc: evalRec.candidate.metrics.roc_auc, accuracy: evalRec.candidate.metrics.accuracy },
      },
      pullRequest: { number: c + 1, author: "alice", head },
      approvals: [{ reviewer: "bob", reviewId: 1000 + c, commit: head, submittedAt: approvedAt }],
      image: { reference: image, digest: imageDigest },
      environment: "staging",
      stageTag: stag,
      source,
      triggeredBy: "bob",
    });
    st.ledger = pub.text;
    records++;
    const paths = deployPaths("deploy", name);
    const pin = {
      image: { repository: `ghcr.io/acme/models/${name}`, digest: imageDigest, scheme: "oci" as const },
      version,
      record: pub.digest,
    };
    const files: Record<string, string | Buffer> = {
      [promotionsPath("records", name)]: st.ledger,
      [pub.record.evaluation.path]: evalBytesBuf,
      [paths.overlay("staging")]: renderOverlay(model, "staging", pin),
      [`models/${name}/MODEL_CARD.md`]: `# ${name} ${version}\n\nImage ${image}\n`,
    };
    for (const [f, t] of Object.entries(renderBase(model, pin))) files[`${paths.base}/${f}`] = t;
    if (v === 0) files[paths.overlay("production")] = renderOverlay(model, "production", undefined);
    const trailers: Trailers = [
      ["Model", name],
      ["Model-Version", version],
      ["Model-Digest", `sha256:${artifact}`],
      ["Data-Digest", `churn-eval sha256:${evalRec.dataset.sha256}`],
      ["Eval-Record", `sha256:${evalHex}`],
      ["Eval-Gate", verdict.status],
      ["Reviewed-on", `#${c + 1}`],
      ["Approved-by", `bob (review ${1000 + c} on ${head})`],
      ["Image", image],
      ["Environment", "staging"],
      ["Promoted-by", "bob"],
      ["Promotion-Record", pub.digest],
      ["Stage-Tag", stag],
    ];
    const pubMark = im.commit({
      branch: "main",
      who: BOT,
      message: `${commitMessage(`Publish ${name} ${version} to staging`, "", trailers)}\n`,
      files,
    });
    main = pubMark;
    const pubCommit = await im.oid(pubMark);
    im.tag(stag, pubMark, pubCommit, BOT, `${name} ${version} to staging (modelgate publish)\n`);
    const vtag = versionTag(name, version);
    const tagObject = im.tag(vtag, pubMark, pubCommit, DANA, `${name} ${version}\n`);
    st.publishes.push({ version, mark: pubMark, commit: pubCommit, digest: pub.digest, tagObject, image, imageDigest });
    // release, and every 8th version a rollback to the one before
    const targets = [st.publishes.length - 1, ...(v % 8 === 7 ? [st.publishes.length - 2] : [])];
    for (const i of targets) {
      const p = st.publishes[i];
      const { entries } = parseLedger(st.ledger);
      const sup = currentIn(entries, "production")?.record;
      const pubEntry = entries.find((e) => e.digest === p.digest);
      if (!pubEntry) throw new Error("publish record not found");
      st.stage.production++;
      const ptag = stageTag(name, "production", st.stage.production);
      const rollback = sup !== undefined && sup.model.version !== p.version && i < st.publishes.length - 1;
      const rel = appendToLedger(st.ledger, {
        ...(({ sequence: _s, previous: _p, ...rest }) => rest)(pubEntry.record),
        action: rollback ? "rollback" : "release",
        at: iso(im.now()),
        environment: "production",
        stageTag: ptag,
        source: p.commit,
        triggeredBy: "dana",
        release: {
          tag: versionTag(name, p.version),
          tagObject: p.tagObject,
          pushedBy: "dana",
          environmentApprovals: [
            { user: "carol", state: "approved", comment: "", at: iso(im.now()), environments: ["production"] },
          ],
          publishRecord: p.digest,
          supersedes: sup ? { version: sup.model.version, image: sup.image.digest } : null,
        },
      });
      st.ledger = rel.text;
      records++;
      const relModel = makeModel(name, { version: p.version });
      const relTrailers: Trailers = [
        ["Model", name],
        ["Model-Version", p.version],
        ["Model-Digest", `sha256:${pubEntry.record.model.sha256}`],
        ["Eval-Record", pubEntry.record.evaluation.record],
        ["Image", p.image],
        ["Environment", "production"],
        ["Promoted-by", "dana"],
        ["Approved-by", "carol (environment production)"],
        ...(sup ? [["Supersedes", `${sup.model.version} ${sup.image.digest}`] as ["Supersedes", string]] : []),
        ["Promotion-Record", rel.digest],
        ["Stage-Tag", ptag],
      ];
      main = im.commit({
        branch: "main",
        who: BOT,
        message: `${commitMessage(`${rollback ? "Roll back" : "Release"} ${name} ${p.version} in production`, "", relTrailers)}\n`,
        files: {
          [promotionsPath("records", name)]: st.ledger,
          [paths.overlay("production")]: renderOverlay(relModel, "production", {
            image: { repository: `ghcr.io/acme/models/${name}`, digest: p.imageDigest, scheme: "oci" as const },
            version: p.version,
            record: rel.digest,
          }),
        },
      });
      im.tag(ptag, p.mark, p.commit, BOT, `${name} ${p.version} to production (modelgate release)\n`);
    }
  }
  im.reset("main", main);
  await im.done();
  spawnSync("git", ["gc", "-q"], { cwd: dir });
  return { commits: im.commits, tags: im.tags, records, evalBytes };
}

/** Runs a command under /usr/bin/time: wall time, and CPU time (user + system, its children included). */
function timed(cmd: string, args: string[], opts: { cwd: string; expect?: number }): { wall: number; cpu: number } {
  const timeFile = join(work, "time.txt");
  const t = performance.now();
  // the output goes to /dev/null, as `… >/dev/null` in a shell: neither side pays for a reader
  const r = spawnSync("/usr/bin/time", ["-f", "%U %S", "-o", timeFile, cmd, ...args], {
    cwd: opts.cwd,
    stdio: ["ignore", "ignore", "pipe"],
  });
  const wall = performance.now() - t;
  if (r.status !== (opts.expect ?? 0)) throw new Error(`${cmd} ${args.join(" ")} exited ${r.status}: ${r.stderr}`);
  const [user, sys] = readFileSync(timeFile, "utf8").trim().split("\n").pop()?.split(" ").map(Number) ?? [0, 0];
  return { wall, cpu: (user + sys) * 1000 };
}
const quote = (s: string) => `'${s.replaceAll("'", "'\\''")}'`;
/** A shell pipeline: each git command's output piped through cat to /dev/null, one after the other. */
const shell = (commands: string[]) => timed("sh", ["-c", commands.join("; ")], { cwd: dir });

const work = mkdtempSync(join(tmpdir(), "mg-bench-audit-"));
const dir = values.repo ? resolve(values.repo) : join(work, "repo");
try {
  if (!existsSync(join(dir, "HEAD")) && !existsSync(join(dir, ".git"))) {
    rmSync(dir, { recursive: true, force: true });
    mkdirSync(dir, { recursive: true });
    const t = performance.now();
    const g = await generate(dir);
    console.log(
      `generated ${dir}: ${g.commits} commits, ${g.tags} tags, ${g.records} promotion records, ${(g.evalBytes / 2 ** 20).toFixed(1)} MiB of evaluation records, in ${((performance.now() - t) / 1000).toFixed(1)} s`,
    );
  }
  const count = spawnSync("git", ["rev-list", "--count", "HEAD"], { cwd: dir, encoding: "utf8" }).stdout.trim();
  const tagCount = spawnSync("git", ["tag", "-l"], { cwd: dir, encoding: "utf8" }).stdout.trim().split("\n").length;

  // The raw git commands audit runs, with the same arguments (src/audit/history.ts, as src/git/history.ts formats them).
  const LOG = logArgs(
    "HEAD",
    logPaths({ deploy: "deploy", records: "records" } as Parameters<typeof logPaths>[0]),
    LOG_GLOBS,
  );
  // What verify reads besides: the evaluation records (one cat-file --batch).
  const evalNames = join(work, "evaluations.txt");
  writeFileSync(
    evalNames,
    `${spawnSync("git", ["ls-tree", "-r", "--name-only", "HEAD", "records/"], { cwd: dir, encoding: "utf8" })
      .stdout.split("\n")
      .filter((p) => p.includes("/evaluations/"))
      .map((p) => `HEAD:${p}`)
      .join("\n")}\n`,
  );
  const git = (args: string[], input?: string) =>
    `git ${args.map(quote).join(" ")}${input ? ` <${quote(input)}` : ""} | cat >/dev/null`;
  const peerAudit = [git(LOG), git(TAG_ARGS)];
  const peerVerify = [...peerAudit, git(["rev-list", "HEAD"]), git(["cat-file", "--batch"], evalNames)];

  // the CLI as users run it: the bundle of the sources (and --baseline, another bundle, in the same turns)
  const { bundle } = await import("../scripts/bundle.mjs");
  await bundle([{ in: "src/cli/bin.ts", out: "cli" }], join(work, "cli"));
  const clis: [string, string][] = [["modelgate", join(work, "cli", "cli.js")]];
  if (values.baseline) clis.push(["baseline", resolve(values.baseline)]);

  const series: Record<string, number[]> = {};
  const add = (k: string, ms: number) => {
    series[k] ??= [];
    series[k].push(ms);
  };
  const phases: Record<string, number[]> = {};
  const auditPhases: Record<string, number[]> = {};
  const loadBefore = loadavg();
  for (let run = 0; run <= RUNS; run++) {
    const keep = run > 0; // the first round warms the page cache
    const shellAudit = shell(peerAudit);
    const shellVerify = shell(peerVerify);
    const cli = clis.map(([who, path]) => {
      const cliTime = (args: string[]) => timed(process.execPath, [path, ...args], { cwd: dir });
      return {
        who,
        start: cliTime(["--help"]),
        audit: cliTime(["audit", "--json"]),
        verify: cliTime(["audit", "verify"]),
      };
    });
    let t = performance.now();
    const a = await runAudit({
      cwd: dir,
      timeline: true,
      trace: (p, ms) => {
        if (keep) (auditPhases[p] ??= []).push(ms);
      },
    });
    const audit = performance.now() - t;
    t = performance.now();
    const v = await runAudit({
      cwd: dir,
      verify: true,
      trace: (p, ms) => {
        if (keep) (phases[p] ??= []).push(ms);
      },
    });
    const verify = performance.now() - t;
    if (!v.report.verification?.ok) {
      throw new Error(
        `the generated history does not verify:\n${v.report.verification?.findings
          .slice(0, 10)
          .map((f) => `${f.check}: ${f.message}`)
          .join("\n")}`,
      );
    }
    if ((a.report.models[0].events?.length ?? 0) === 0) throw new Error("no events");
    if (!keep) continue;
    add("shell: git log | cat; git for-each-ref | cat", shellAudit.wall);
    add("shell: the same; git rev-list | cat; git cat-file --batch | cat", shellVerify.wall);
    for (const c of cli) {
      add(`${c.who} --help (CLI start-up)`, c.start.wall);
      add(`${c.who} audit --json (CLI)`, c.audit.wall);
      add(`${c.who} audit verify (CLI)`, c.verify.wall);
      add(`cpu: ${c.who} audit --json (CLI)`, c.audit.cpu);
      add(`cpu: ${c.who} audit verify (CLI)`, c.verify.cpu);
    }
    add("audit (library, in this process)", audit);
    add("audit verify (library, in this process)", verify);
    add("cpu: shell: log, for-each-ref", shellAudit.cpu);
    add("cpu: shell: log, for-each-ref, rev-list, cat-file", shellVerify.cpu);
  }
  const loadAfter = loadavg();
  const m = Object.fromEntries(Object.entries(series).map(([k, xs]) => [k, median(xs)]));
  console.log(`machine: ${machine()}`);
  console.log(
    `load average before: ${loadBefore.map((x) => x.toFixed(2)).join(" ")}; after: ${loadAfter.map((x) => x.toFixed(2)).join(" ")}`,
  );
  console.log(
    `repository: ${count} commits, ${tagCount} tags, ${MODELS} models; medians of ${RUNS} rounds after one warm-up, the variants in turns`,
  );
  for (const [k, ms] of Object.entries(m)) console.log(`  ${k.padEnd(66)} ${ms.toFixed(0).padStart(6)} ms`);
  console.log(
    `  audit's phases (library): ${Object.entries(auditPhases)
      .map(([p, xs]) => `${p} ${median(xs).toFixed(0)} ms`)
      .join(", ")}`,
  );
  console.log(
    `  verify's phases (library): ${Object.entries(phases)
      .map(([p, xs]) => `${p} ${median(xs).toFixed(0)} ms`)
      .join(", ")}`,
  );
  const peerA = m["shell: git log | cat; git for-each-ref | cat"];
  const peerV = m["shell: the same; git rev-list | cat; git cat-file --batch | cat"];
  for (const [who] of clis) {
    console.log(
      `${who}: audit --json ${(m[`${who} audit --json (CLI)`] / peerA).toFixed(2)}× the shell's log + for-each-ref (goal ≤ 2×); audit verify ${(m[`${who} audit verify (CLI)`] / peerV).toFixed(2)}× the shell's log + for-each-ref + rev-list + cat-file (goal ≤ 2.5×); CPU ${(m[`cpu: ${who} audit --json (CLI)`] / m["cpu: shell: log, for-each-ref"]).toFixed(2)}× and ${(m[`cpu: ${who} audit verify (CLI)`] / m["cpu: shell: log, for-each-ref, rev-list, cat-file"]).toFixed(2)}×`,
    );
  }
} finally {
  rmSync(work, { recursive: true, force: true });
}
