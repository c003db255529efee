import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { existsSync, readFileSync, rmSync } from "node:fs";
import { join } from "node:path";
import { test } from "node:test";
import { main } from "../../src/cli/main.ts";
import { sha256Bytes } from "../../src/data/hash.ts";
import { logisticRegressionModel } from "../support/onnx-build.ts";
import { trainingRecordSchema } from "../../src/records/training.ts";
import { LineMasker, masker } from "../../src/train/mask.ts";
import { expandArg } from "../../src/train/train.ts";
import { bufferIo } from "../../src/util/io.ts";
import { makeFixtureRepo } from "../support/fixture-repo.ts";

/**
 * A fixture repository whose churn model trains with a small script: it prints its inputs, then copies one of the
 * ONNX files prepared next to it to {output}, or misbehaves as the model's params tell it to.
 */
function repoWithScript(training: string) {
  const repo = makeFixtureRepo();
  const good = logisticRegressionModel({ weights: [-0.05, 0.02], bias: 1 });
  repo.write("models/churn/good.onnx", good);
  repo.write("models/churn/other.onnx", logisticRegressionModel({ weights: [-0.04, 0.02], bias: 1 }));
  repo.write("models/churn/wide.onnx", logisticRegressionModel({ weights: [1, 2, 3], bias: 0 }));
  repo.write(
    "models/churn/train.mjs",
    `import { copyFileSync, readFileSync, writeFileSync } from "node:fs";
const [paramsPath, data, out] = process.argv.slice(2);
const p = JSON.parse(readFileSync(paramsPath, "utf8"));
console.log("params " + JSON.stringify(p));
console.log("data " + data + " rows " + (readFileSync(data, "utf8").trim().split("\\n").length - 1));
console.log("env MODELGATE_PARAMS=" + (process.env.MODELGATE_PARAMS === paramsPath) + " ALLOWED=" + process.env.ALLOWED + " NOT_ALLOWED=" + process.env.NOT_ALLOWED);
process.stdout.write("the token is " + process.env.API_TOKEN);
process.stdout.write(" (said twice: " + process.env.API_TOKEN + ")\\n");
console.error("a warning on stderr");
if (p.mode === "fail") { console.error("boom: out of memory"); process.exit(3); }
if (p.mode === "split") {
  // a secret cut by the masker's 64 KiB flush of a line without a break: 65,531 + 6 characters, then the rest
  process.stdout.write("0".repeat(65531) + process.env.API_TOKEN.slice(0, 6));
  await new Promise((r) => setTimeout(r, 200));
  process.stdout.write(process.env.API_TOKEN.slice(6) + "\\n");
  copyFileSync("good.onnx", out);
}
else if (p.mode === "hang") setTimeout(() => {}, 60000);
else if (p.mode === "nothing") {}
else if (p.mode === "wide") copyFileSync("wide.onnx", out);
else if (p.mode === "flip") {
  // a different (valid) model on every run: nondeterministic training
  try { writeFileSync("runs.txt", String(Number(readFileSync("runs.txt", "utf8")) + 1)); } catch { writeFileSync("runs.txt", "1"); }
  copyFileSync(readFileSync("runs.txt", "utf8") === "1" ? "good.onnx" : "other.onnx", out);
}
else copyFileSync("good.onnx", out);
`,
  );
  const yaml = readFileSync(join(repo.root, "models/churn/model.yaml"), "utf8").replace(
    "  training:\n    command: [node, train.mjs]\n    datasets: [churn-train]\n",
    training,
  );
  repo.write("models/churn/model.yaml", yaml);
  const git = (...args: string[]) => execFileSync("git", args, { cwd: repo.root, stdio: "pipe" }).toString().trim();
  git("init", "-q", "-b", "main");
  git("-c", "user.name=t", "-c", "user.email=t@example.com", "add", "-A");
  git("-c", "user.name=t", "-c", "user.email=t@example.com", "commit", "-q", "-m", "fixture");
  return { ...repo, good, head: git("rev-parse", "HEAD") };
}

const training = (mode: string, extra = "") => `  training:
    command: [node, train.mjs, "{params}", "{data:churn-train}", "{output}"]
    datasets: [churn-train]
    env: [ALLOWED, API_TOKEN]
    params: { mode: ${mode}, learningRate: 0.1 }${extra}
`;

const env = { PATH: process.env.PATH, ALLOWED: "yes", NOT_ALLOWED: "leak", API_TOKEN: "s3cr3t-value" };

test("train runs the command, verifies the model and writes a record a user can trust", async () => {
  const repo = repoWithScript(training("good"));
  const io = bufferIo(repo.root, env);
  assert.equal(await main(["train", "churn"], io), 0, io.stderr);
  assert.match(io.stdout, /trained churn 1\.0\.0 .*models\/churn\/model\.onnx sha256:[0-9a-f]{64} \(signature matches/);

  const record = trainingRecordSchema.parse(
    JSON.parse(readFileSync(join(repo.root, ".modelgate/training/churn.json"), "utf8")),
  );
  assert.equal(record.result, "ok");
  assert.deepEqual(record.git, { commit: repo.head, dirty: false, branch: "main" });
  assert.deepEqual(record.params, { mode: "good", learningRate: 0.1 });
  assert.deepEqual(record.command.argv, ["node", "train.mjs", "{params}", "{data:churn-train}", "{output}"]);
  assert.equal(record.command.workdir, "models/churn");
  assert.equal(record.exitCode, 0);
  assert.equal(record.datasets[0].name, "churn-train");
  assert.equal(record.datasets[0].sha256, sha256Bytes(readFileSync(join(repo.root, "data/churn-train.csv"))));
  assert.equal(record.output?.sha256, sha256Bytes(repo.good));
  assert.equal(record.output?.signatureChecked, true);
  assert.equal(record.tools.node, process.version);
  assert.match(record.tools.onnxruntime ?? "", /^\d+\.\d+\.\d+$/);
  assert.ok(record.env.includes("ALLOWED") && !record.env.includes("NOT_ALLOWED"));
  assert.deepEqual(readFileSync(join(repo.root, "models/churn/model.onnx")), Buffer.from(repo.good));

  // The command saw its params, data and allowed variables only; secrets never reach the terminal or the log.
  const log = readFileSync(join(repo.root, record.log.path), "utf8");
  for (const text of [io.stderr, log]) {
    assert.match(text, /params \{"mode":"good","learningRate":0\.1\}/);
    assert.match(text, /data .*churn-train\.csv rows 400/);
    assert.match(text, /MODELGATE_PARAMS=true ALLOWED=yes NOT_ALLOWED=undefined/);
    assert.match(text, /the token is \*\*\* \(said twice: \*\*\*\)/);
    assert.match(text, /a warning on stderr/);
    assert.doesNotMatch(text, /s3cr3t/);
  }
  assert.doesNotMatch(JSON.stringify(record), /s3cr3t/);
});

test("a failing command exits 1 with the reason and the log's tail, keeps the previous model, records the failure", async () => {
  const repo = repoWithScript(training("fail"));
  const before = readFileSync(join(repo.root, "models/churn/model.onnx"));
  const io = bufferIo(repo.root, env);
  assert.equal(await main(["train", "churn"], io), 1);
  assert.match(io.stderr, /training churn 1\.0\.0 failed: the training command failed with exit code 3/);
  assert.match(io.stderr, /last lines of \.modelgate\/training\/churn\.log:\n(.*\n)*\s+boom: out of memory/);
  assert.deepEqual(readFileSync(join(repo.root, "models/churn/model.onnx")), before);
  const record = trainingRecordSchema.parse(
    JSON.parse(readFileSync(join(repo.root, ".modelgate/training/churn.json"), "utf8")),
  );
  assert.equal(record.result, "failed");
  assert.equal(record.exitCode, 3);
  assert.equal(record.output, null);
});

test("a model that does not match the declared signature fails, naming the mismatch", async () => {
  const repo = repoWithScript(training("wide"));
  const io = bufferIo(repo.root, env);
  assert.equal(await main(["train", "churn", "--json"], io), 1);
  assert.match(
    io.stderr,
    /does not match the manifest: .*declared signature:\n\s+input "input": the manifest says float32 \[N, 2\], the model has float32 \[N, 3\]/,
  );
  const record = trainingRecordSchema.parse(JSON.parse(io.stdout));
  assert.equal(record.result, "failed");
  assert.match(record.reason ?? "", /does not match the manifest/);
});

test("a command that writes nothing fails and says where the model should go", async () => {
  const repo = repoWithScript(training("nothing"));
  rmSync(join(repo.root, "models/churn/model.onnx"));
  const io = bufferIo(repo.root, env);
  assert.equal(await main(["train", "churn"], io), 1);
  assert.match(io.stderr, /exited 0 but wrote no models\/churn\/model\.onnx/);
});

test("a command that runs too long is stopped at the timeout", async () => {
  const repo = repoWithScript(training("hang"));
  const io = bufferIo(repo.root, env);
  assert.equal(await main(["train", "churn", "--timeout", "0.01"], io), 1);
  assert.match(io.stderr, /timed out after 0\.01 minutes/);
  const record = JSON.parse(readFileSync(join(repo.root, ".modelgate/training/churn.json"), "utf8"));
  assert.equal(record.timedOut, true);
});

test("a timeout beyond what Node's timer holds is refused before the command runs (it used to fire after 1 ms)", async () => {
  const repo = repoWithScript(training("good"));
  const io = bufferIo(repo.root, env);
  assert.equal(await main(["train", "churn", "--timeout", "40000"], io), 2);
  assert.match(
    io.stderr,
    /the training timeout must be more than 0 and at most 35,791 minutes \(24\.8 days, the longest timer Node\.js can set\), got 40000/,
  );
  assert.equal(existsSync(join(repo.root, ".modelgate/training/churn.json")), false, "the command did not run");

  const inManifest = repoWithScript(training("good", "\n    timeoutMinutes: 40000"));
  const io2 = bufferIo(inManifest.root, env);
  assert.equal(await main(["validate", "--skip-data"], io2), 1);
  assert.match(io2.stdout, /error\s+schema\s+spec\.training\.timeoutMinutes: .*35791/);
});

test("a secret split by the 64 KiB flush of a long line is masked in the console and the log", async () => {
  const repo = repoWithScript(training("split"));
  const io = bufferIo(repo.root, env);
  assert.equal(await main(["train", "churn"], io), 0, io.stderr.slice(-2000));
  const log = readFileSync(join(repo.root, ".modelgate/training/churn.log"), "utf8");
  for (const text of [io.stderr, log]) {
    assert.doesNotMatch(text, /s3cr3t/);
    assert.match(text, /0\*\*\*\n/);
  }
});

test("Python's output reaches the log as it is printed: PYTHONUNBUFFERED=1 unless the manifest lists it", async () => {
  const script = `import os, shutil, sys, time
print("stdout 1")
time.sleep(0.2)
print("stderr 2", file=sys.stderr)
time.sleep(0.2)
print("stdout 3 PYTHONUNBUFFERED=" + str(os.environ.get("PYTHONUNBUFFERED")))
shutil.copy("good.onnx", sys.argv[1])
`;
  const python = (extra: string) => `  training:
    command: [python3, train.py, "{output}"]
    datasets: [churn-train]${extra}
`;
  const repo = repoWithScript(python(""));
  repo.write("models/churn/train.py", script);
  const io = bufferIo(repo.root, env);
  assert.equal(await main(["train", "churn"], io), 0, io.stderr);
  const log = readFileSync(join(repo.root, ".modelgate/training/churn.log"), "utf8");
  assert.equal(log, "stdout 1\nstderr 2\nstdout 3 PYTHONUNBUFFERED=1\n");

  // listed in spec.training.env: it comes from modelgate's environment (here: not set), as the manifest asks
  const own = repoWithScript(python("\n    env: [PYTHONUNBUFFERED]"));
  own.write("models/churn/train.py", script);
  const io2 = bufferIo(own.root, env);
  assert.equal(await main(["train", "churn"], io2), 0, io2.stderr);
  const log2 = readFileSync(join(own.root, ".modelgate/training/churn.log"), "utf8");
  assert.match(log2, /stdout 3 PYTHONUNBUFFERED=None/);
});

test("--reproduce trains twice and fails when the two models differ", async () => {
  const same = repoWithScript(training("good"));
  const io1 = bufferIo(same.root, env);
  assert.equal(await main(["train", "churn", "--reproduce"], io1), 0, io1.stderr);
  assert.match(io1.stdout, /reproducible: both runs wrote sha256:/);

  const differs = repoWithScript(training("flip"));
  const io2 = bufferIo(differs.root, env);
  assert.equal(await main(["train", "churn", "--reproduce", "--json"], io2), 1);
  assert.match(io2.stderr, /not reproducible: run 1 wrote sha256 [0-9a-f]{64}, run 2 wrote [0-9a-f]{64}/);
  const record = trainingRecordSchema.parse(JSON.parse(io2.stdout));
  assert.equal(record.reproduce?.identical, false);
});

test("training data that differs from its manifest is refused before the command runs", async () => {
  const repo = repoWithScript(training("good"));
  repo.write("data/churn-train.csv", `${readFileSync(join(repo.root, "data/churn-train.csv"), "utf8")}1,1,1,north,0\n`);
  const io = bufferIo(repo.root, env);
  assert.equal(await main(["train", "churn"], io), 1);
  assert.match(
    io.stderr,
    /data\/churn-train\.yaml:\d+:\d+: data\/churn-train\.csv has sha256 .* not the .* its manifest declares/,
  );
  assert.equal(existsSync(join(repo.root, ".modelgate/training/churn.log")), false);
});

test("shell: true runs the command line through the shell; placeholders are quoted", async () => {
  const repo = repoWithScript(`  training:
    command: ["node train.mjs {params} {data:churn-train} {output} && echo shell-ran"]
    shell: true
    datasets: [churn-train]
    params: { mode: good }
`);
  const io = bufferIo(repo.root, env);
  assert.equal(await main(["train"], io), 0, io.stderr);
  assert.match(io.stderr, /shell-ran/);
});

test("usage errors exit 2 and say what to fix", async () => {
  const repo = repoWithScript(training("good"));
  const io = bufferIo(repo.root, env);
  assert.equal(await main(["train", "nope"], io), 2);
  assert.match(io.stderr, /no model named "nope".*\(models: churn\)/);
  assert.throws(() => expandArg("{outptu}", { params: "p", output: "o", data: {} }), /unknown placeholder \{outptu\}/);
  assert.throws(
    () => expandArg("{data:other}", { params: "p", output: "o", data: { a: "x" } }),
    /dataset "other", which is not in spec.training.datasets/,
  );
  const help = bufferIo(repo.root, env);
  assert.equal(await main(["train", "--help"], help), 0);
  assert.match(help.stdout, /\{params\}/);
});

test("the line masker never cuts a secret at a flush, wherever it sits in the chunk", () => {
  for (const chunks of [
    ["0".repeat(65530) + "s3cr3t-value" + "0".repeat(10), "\n"], // the secret straddles the flush point
    ["0".repeat(65531) + "s3cr3t", "-va", "lue\n"], // the secret arrives in three pieces
  ]) {
    let out = "";
    const m = new LineMasker(masker(["s3cr3t-value"]), (t) => {
      out += t;
    });
    for (const c of chunks) m.write(Buffer.from(c));
    m.end();
    assert.equal(out, chunks.join("").replace("s3cr3t-value", "***"));
  }
});
