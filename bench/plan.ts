// plan on a 200-model monorepo: `modelgate plan` (in-process and as the bundled CLI, Node start included) against the
// raw `git merge-base` + `git diff --name-status -M` it needs, on the same repository in the same run.
// Usage: npm run bench -- plan   (or: npx tsx bench/plan.ts [MODELS] [COMMITS])
import { spawnSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { bundle } from "../scripts/bundle.mjs";
import { planRepository } from "../src/plan/run.ts";
import { bufferIo } from "../src/util/io.ts";
import { openWorkspace } from "../src/workspace/workspace.ts";
import { machine, median } from "./machine.ts";

const MODELS = Number(process.argv[2] ?? 200);
const COMMITS = Number(process.argv[3] ?? 1000);
const DATASETS = 20;
const dir = resolve("bench", ".data", `plan-${MODELS}-${COMMITS}`);

const env = {
  ...process.env,
  GIT_CONFIG_NOSYSTEM: "1",
  GIT_CONFIG_GLOBAL: "/dev/null",
  GIT_AUTHOR_NAME: "bench",
  GIT_AUTHOR_EMAIL: "bench@example.com",
  GIT_COMMITTER_NAME: "bench",
  GIT_COMMITTER_EMAIL: "bench@example.com",
};
function git(args: string[], input?: string): string {
  const r = spawnSync("git", args, { cwd: dir, env, encoding: "utf8", input, maxBuffer: 1 << 30 });
  if (r.status !== 0) throw new Error(`git ${args.join(" ")}: ${r.stderr}`);
  return r.stdout;
}
function write(rel: string, data: string | Uint8Array): void {
  mkdirSync(dirname(join(dir, rel)), { recursive: true });
  writeFileSync(join(dir, rel), data);
}
const name = (i: number) => `model-${String(i).padStart(3, "0")}`;

function manifest(i: number): string {
  return `apiVersion: modelgate.dev/v1alpha1
kind: Model
metadata:
  name: ${name(i)}
spec:
  version: 1.0.0
  owners: [team-${i % 7}]
  task: binary-classification
  artifact:
    path: model.onnx
  inputs:
    features: [f0, f1, f2, f3]
  label:
    column: y
  training:
    command: [python, train.py, --params, "{params}"]
    workdir: src
    datasets: [train-${i % DATASETS}]
  evaluation:
    datasets: [eval-${i % DATASETS}]
    slices:
      - column: region
  gates:
    - {metric: roc_auc, min: 0.7}
    - {metric: roc_auc, maxDrop: 0.01}
  card:
    intendedUse: Benchmark model ${i}.
`;
}
const datasetYaml = (n: string) => `apiVersion: modelgate.dev/v1alpha1
kind: Dataset
metadata:
  name: ${n}
spec:
  path: ${n}.csv
  columns:
    - {name: f0, type: float}
    - {name: y, type: integer, role: label}
`;

/** The monorepo: MODELS models (manifest, 64 KiB artifact, card, training code), 2×DATASETS datasets, then COMMITS
 * small commits on main (model retrains and data refreshes), and a pull request branch `pr` off the middle. */
function build(): void {
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  git(["init", "-q", "-b", "main"]);
  write("modelgate.yaml", "apiVersion: modelgate.dev/v1alpha1\nkind: Config\nmetadata:\n  name: bench\n");
  for (let d = 0; d < DATASETS; d++) {
    for (const kind of ["train", "eval"]) {
      write(`data/${kind}-${d}.yaml`, datasetYaml(`${kind}-${d}`));
      write(
        `data/${kind}-${d}.csv`,
        `f0,y\n${Array.from({ length: 2000 }, (_, r) => `${r / 7},${r % 2}`).join("\n")}\n`,
      );
    }
  }
  for (let i = 0; i < MODELS; i++) {
    write(`models/${name(i)}/model.yaml`, manifest(i));
    write(`models/${name(i)}/model.onnx`, randomBytes(64 * 1024));
    write(`models/${name(i)}/MODEL_CARD.md`, `# ${name(i)}\n`);
    for (const f of ["train.py", "features.py", "requirements.txt"]) write(`models/${name(i)}/src/${f}`, `# ${i}\n`);
  }
  git(["add", "-A"]);
  git(["commit", "-q", "-m", "monorepo"]);
  // History through fast-import: COMMITS commits, each retraining one model or refreshing one dataset.
  const head = git(["rev-parse", "HEAD"]).trim();
  let stream = "";
  for (let c = 0; c < COMMITS; c++) {
    const path = c % 3 === 0 ? `data/eval-${c % DATASETS}.csv` : `models/${name(c % MODELS)}/model.onnx`;
    const data = `${c}\n`;
    stream += `commit refs/heads/main\nmark :${c + 1}\ncommitter bench <bench@example.com> ${1700000000 + c} +0000\n`;
    stream += `data ${`change ${c}`.length}\nchange ${c}\n`;
    stream += c === 0 ? `from ${head}\n` : `from :${c}\n`;
    stream += `M 100644 inline ${path}\ndata ${Buffer.byteLength(data)}\n${data}\n`;
  }
  git(["fast-import", "--quiet"], stream);
  git(["reset", "-q", "--hard", "main"]);
  // The pull request: branched COMMITS/2 commits ago; retrains 3 models, refreshes one eval dataset (10 models use
  // it), edits one model's training code, adds 10 unrelated files. main moves on meanwhile.
  git(["checkout", "-q", "-b", "pr", `main~${Math.floor(COMMITS / 2)}`]);
  for (const i of [7, 42, 150]) write(`models/${name(i)}/model.onnx`, randomBytes(64 * 1024));
  write("data/eval-3.csv", "f0,y\n1,0\n");
  write(`models/${name(99)}/src/features.py`, "# new features\n");
  for (let k = 0; k < 10; k++) write(`docs/page-${k}.md`, `# ${k}\n`);
  git(["add", "-A"]);
  git(["commit", "-q", "-m", "the pull request"]);
}

if (!existsSync(join(dir, ".git"))) {
  const t = performance.now();
  build();
  console.log(`built ${dir} in ${((performance.now() - t) / 1000).toFixed(1)} s`);
}
const files = git(["ls-files"]).split("\n").length - 1;
const commits = git(["rev-list", "--count", "--all"]).trim();

function time(fn: () => unknown, rounds: number): number {
  fn(); // warm the page cache and git's packfiles
  const ts: number[] = [];
  for (let i = 0; i < rounds; i++) {
    const t = performance.now();
    fn();
    ts.push(performance.now() - t);
  }
  return median(ts);
}
async function timeAsync(fn: () => Promise<unknown>, rounds: number): Promise<number> {
  await fn();
  const ts: number[] = [];
  for (let i = 0; i < rounds; i++) {
    const t = performance.now();
    await fn();
    ts.push(performance.now() - t);
  }
  return median(ts);
}

const out = mkdtempSync(join(tmpdir(), "mg-bench-cli-"));
await bundle([{ in: "src/cli/bin.ts", out: "cli" }], out);
const cli = join(out, "cli.js");

const plan = await planRepository(openWorkspace(bufferIo(dir)), { base: "main" });
const rawGit = () => {
  const mb = git(["merge-base", "main", "HEAD"]).trim();
  return git(["diff", "--name-status", "-M", mb, "HEAD"]);
};
const diffLines = rawGit().trim().split("\n").length;
const ours = await timeAsync(() => planRepository(openWorkspace(bufferIo(dir)), { base: "main" }), 10);
const oursCli = time(() => {
  const r = spawnSync(process.execPath, [cli, "plan", "--base", "main", "--json"], { cwd: dir, encoding: "utf8" });
  if (r.status !== 0) throw new Error(r.stderr);
}, 10);
const peer = time(rawGit, 10);
const nodeStart = time(() => spawnSync(process.execPath, ["-e", "0"]), 10);

// Every model touched: modelgate.yaml changed on top of the pull request.
git(["checkout", "-q", "-b", "pr-config", "pr"]);
write("modelgate.yaml", "apiVersion: modelgate.dev/v1alpha1\nkind: Config\nmetadata:\n  name: bench-2\n");
git(["commit", "-q", "-am", "config"]);
const all = await planRepository(openWorkspace(bufferIo(dir)), { base: "main" });
const oursAll = await timeAsync(() => planRepository(openWorkspace(bufferIo(dir)), { base: "main" }), 10);
const peerAll = time(rawGit, 10);
git(["checkout", "-q", "pr"]);
git(["branch", "-q", "-D", "pr-config"]);
rmSync(out, { recursive: true, force: true });

const ms = (x: number) => `${x.toFixed(0)} ms`;
console.log(`machine: ${machine()}`);
console.log(`repository: ${MODELS} models, ${DATASETS * 2} datasets, ${files} files, ${commits} commits`);
console.log(`pull request: ${diffLines} changed paths → ${plan.models.length} models (median of 10 runs each)`);
console.log(`  modelgate plan, in-process             ${ms(ours)}`);
console.log(`  modelgate plan --json, bundled CLI      ${ms(oursCli)}  (Node start alone: ${ms(nodeStart)})`);
console.log(`  git merge-base + git diff --name-status ${ms(peer)}`);
console.log(
  `  ratio in-process / raw git: ${(ours / peer).toFixed(2)}x; CLI / raw git: ${(oursCli / peer).toFixed(2)}x`,
);
console.log(`modelgate.yaml changed too → ${all.models.length} models:`);
console.log(`  modelgate plan, in-process             ${ms(oursAll)}`);
console.log(`  git merge-base + git diff --name-status ${ms(peerAll)}`);
