import assert from "node:assert/strict";
import { readFileSync, symlinkSync, writeFileSync, unlinkSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { test } from "node:test";
import { parquetWriteFile } from "hyparquet-writer";
import { main } from "../../src/cli/main.ts";
import { sha256Bytes } from "../../src/data/hash.ts";
import { bufferIo } from "../../src/util/io.ts";
import { churnCsv, makeFixtureRepo } from "../support/fixture-repo.ts";

async function validate(root: string, ...args: string[]) {
  const io = bufferIo(root);
  const code = await main(["validate", "--json", ...args], io);
  const out = io.stdout ? JSON.parse(io.stdout) : undefined;
  return {
    code,
    out,
    io,
    findings: (out?.findings ?? []) as {
      file: string;
      line?: number;
      col?: number;
      check: string;
      message: string;
      column?: string;
      severity: string;
    }[],
  };
}

function edit(root: string, rel: string, fn: (s: string) => string) {
  const p = join(root, rel);
  writeFileSync(p, fn(readFileSync(p, "utf8")));
}

/** Rewrites a data file and its manifest digest so that only the data check under test fails. */
function replaceData(root: string, name: "churn-train" | "churn-eval", csv: string, rows?: number) {
  writeFileSync(join(root, `data/${name}.csv`), csv);
  edit(root, `data/${name}.yaml`, (s) =>
    s
      .replace(/sha256: [0-9a-f]{64}/, `sha256: ${sha256Bytes(csv)}`)
      .replace(/rows: \d+/, `rows: ${rows ?? csv.trim().split("\n").length - 1}`),
  );
}

test("the fixture repository validates clean (exit 0)", async () => {
  const { root } = makeFixtureRepo();
  const r = await validate(root);
  assert.equal(r.code, 0, JSON.stringify(r.findings, null, 2));
  assert.equal(r.findings.filter((f) => f.severity === "error").length, 0);
  assert.deepEqual(r.out.models, ["churn"]);
  assert.equal(r.out.leakage[0].shared, 0);
});

test("broken YAML: exit 1 with file:line:col", async () => {
  const { root } = makeFixtureRepo();
  edit(root, "models/churn/model.yaml", (s) =>
    s.replace("  task: binary-classification", "  task: [binary-classification"),
  );
  const r = await validate(root);
  assert.equal(r.code, 1);
  const f = r.findings.find((x) => x.check === "yaml");
  assert.ok(f, JSON.stringify(r.findings));
  assert.equal(f.file, "models/churn/model.yaml");
  assert.ok(f.line && f.line >= 8);
});

test("wrong type and unknown key: each names its line and column", async () => {
  const { root } = makeFixtureRepo();
  edit(root, "models/churn/model.yaml", (s) =>
    s.replace("threshold", "x").replace("  riskClass: limited", "  riskClass: limited\n  treshold: high"),
  );
  edit(root, "data/churn-eval.yaml", (s) => s.replace("rows: 300", "rows: many"));
  const r = await validate(root);
  assert.equal(r.code, 1);
  const unknown = r.findings.find((f) => /unknown key "treshold"/.test(f.message));
  assert.ok(unknown, JSON.stringify(r.findings));
  assert.deepEqual([unknown.file, unknown.line, unknown.col], ["models/churn/model.yaml", 10, 3]);
  assert.match(unknown.message, /did you mean "threshold"/);
  const wrong = r.findings.find((f) => f.file === "data/churn-eval.yaml");
  assert.ok(wrong);
  assert.equal(wrong.line, 8);
  assert.match(wrong.message, /expected number/);
});

test('a typo in a key is said once, at its line, with the fix; a missing enum key is "missing", not "undefined"', async () => {
  const { root } = makeFixtureRepo();
  edit(root, "data/churn-eval.yaml", (s) =>
    s.replace("      type: integer\n      role: id", "      typ: integer\n      role: id"),
  );
  edit(root, "data/churn-train.yaml", (s) => s.replace("      type: integer\n      role: id\n", "      role: id\n"));
  const r = await validate(root, "--skip-data");
  assert.equal(r.code, 1);
  const errors = r.findings
    .filter((f) => f.severity === "error")
    .map((f) => `${f.file}:${f.line}:${f.col} ${f.message}`);
  assert.deepEqual(errors, [
    'data/churn-eval.yaml:11:7 unknown key "typ" in spec.columns.0; did you mean "type"?',
    'data/churn-train.yaml:10:7 missing required key "type" in spec.columns.0',
  ]);
});

test('a model naming a dataset whose manifest is invalid: the dataset\'s own error, not "does not exist"', async () => {
  const { root } = makeFixtureRepo();
  edit(root, "data/churn-eval.yaml", (s) => s.replace("rows: 300", "rows: many"));
  const r = await validate(root, "--skip-data");
  assert.equal(r.code, 1);
  const errors = r.findings.filter((f) => f.severity === "error");
  assert.deepEqual(
    errors.map((f) => [f.file, f.line, f.message]),
    [["data/churn-eval.yaml", 8, 'spec.rows: expected number, got the string "many"']],
  );
  const io = bufferIo(root);
  assert.equal(await main(["evaluate", "churn"], io), 2);
  assert.match(
    io.stderr,
    /spec\.evaluation\.datasets names "churn-eval", but the Dataset manifest data\/churn-eval\.yaml is invalid \(data\/churn-eval\.yaml:8:\d+: spec\.rows: expected number/,
  );
});

test("a model referencing a missing dataset, column or metric", async () => {
  const { root } = makeFixtureRepo();
  edit(root, "models/churn/model.yaml", (s) =>
    s
      .replace("datasets: [churn-eval]", "datasets: [churn-evl]")
      .replace("features: [tenure, spend]", "features: [tenure, spnd]")
      .replace("metric: roc_auc, min", "metric: auc, min"),
  );
  const r = await validate(root);
  assert.equal(r.code, 1);
  const msgs = r.findings.map((f) => `${f.line}:${f.col} ${f.message}`).join("\n");
  assert.match(msgs, /dataset "churn-evl" does not exist; did you mean "churn-eval"\?/);
  assert.match(msgs, /"auc" is not a binary-classification metric; did you mean "roc_auc"\?/);
});

test("a missing artifact file and a missing data file", async () => {
  const { root } = makeFixtureRepo();
  unlinkSync(join(root, "data/churn-eval.csv"));
  edit(root, "models/churn/model.yaml", (s) =>
    s
      .replace("    command: [node, train.mjs]\n    datasets: [churn-train]\n", "    command: [node, train.mjs]\n")
      .replace("  training:\n    command: [node, train.mjs]\n", ""),
  );
  unlinkSync(join(root, "models/churn/model.onnx"));
  const r = await validate(root);
  assert.equal(r.code, 1);
  const msgs = r.findings.map((f) => `${f.file}:${f.line} ${f.message}`).join("\n");
  assert.match(msgs, /data\/churn-eval\.yaml:6 data file churn-eval\.csv does not exist/);
  assert.match(msgs, /models\/churn\/model\.yaml:\d+ artifact model\.onnx does not exist/);
});

test("digest mismatch of the model and of the data", async () => {
  const { root } = makeFixtureRepo();
  writeFileSync(join(root, "data/churn-train.csv"), churnCsv(1, 400).replace("north", "south"));
  edit(root, "models/churn/model.yaml", (s) => s.replace(/sha256: [0-9a-f]{64}/, `sha256: ${"ab".repeat(32)}`));
  const r = await validate(root);
  assert.equal(r.code, 1);
  const digests = r.findings.filter((f) => f.check === "digest");
  assert.equal(digests.length, 2, JSON.stringify(r.findings));
  assert.ok(digests.every((f) => /run `modelgate lock/.test(f.message)));
});

test("../ escape and a symlink pointing outside the repository", async () => {
  const { root } = makeFixtureRepo();
  const outside = mkdtempSync(join(tmpdir(), "mg-outside-"));
  writeFileSync(join(outside, "secret.csv"), "a\n1\n");
  symlinkSync(join(outside, "secret.csv"), join(root, "data/link.csv"));
  edit(root, "data/churn-train.yaml", (s) => s.replace("path: churn-train.csv", "path: ../../etc/passwd"));
  edit(root, "data/churn-eval.yaml", (s) => s.replace("path: churn-eval.csv", "path: link.csv"));
  const r = await validate(root);
  assert.equal(r.code, 1);
  const paths = r.findings.filter((f) => f.check === "path").map((f) => `${f.file}:${f.line} ${f.message}`);
  assert.ok(
    paths.some((m) => /churn-train\.yaml:6 "\.\.\/\.\.\/etc\/passwd" points outside the repository/.test(m)),
    paths.join("\n"),
  );
  assert.ok(
    paths.some((m) => /churn-eval\.yaml:6 "link\.csv" is a symlink to .*outside the repository/.test(m)),
    paths.join("\n"),
  );
});

test("data checks: types, nulls, ranges, allowed values, uniqueness, row count, each naming the column", async () => {
  const { root } = makeFixtureRepo();
  const lines = churnCsv(2, 300).trim().split("\n");
  lines[3] = lines[3].replace(/^(\d+),(\d+),/, "$1,ten,"); // tenure not an integer
  lines[5] = lines[5].replace(/^(\d+),(\d+),/, "$1,500,"); // tenure above max 200
  lines[7] = lines[7].replace(/,(north|south|east),/, ",west,"); // region not allowed
  lines[9] = lines[9].replace(/^(\d+),(\d+),([\d.]+),/, "$1,$2,,"); // spend null, not nullable
  lines[11] = lines[11].replace(/^\d+,/, `${lines[10].split(",")[0]},`); // duplicate id
  replaceData(root, "churn-eval", `${lines.join("\n")}\n`, 301);
  const r = await validate(root);
  assert.equal(r.code, 1);
  const data = r.findings.filter((f) => f.check === "data");
  const by = (col: string, re: RegExp) =>
    assert.ok(
      data.some((f) => f.column === col && re.test(f.message)),
      `${col} ${re}\n${JSON.stringify(data, null, 1)}`,
    );
  by("tenure", /1 row \(first: row 3, line 4; e\.g\. "ten"\) not of type integer/);
  by("tenure", /above max 200/);
  by("region", /"west"\) not among the allowed values/);
  by("spend", /1 null value in a column declared nullable: false/);
  by("customer_id", /duplicate values in a unique column/);
  assert.ok(data.some((f) => /has 300 rows, not the 301/.test(f.message)));
  assert.ok(data.every((f) => f.file === "data/churn-eval.yaml" && f.line));
});

test("the label must fit the task", async () => {
  const { root } = makeFixtureRepo();
  const csv = churnCsv(2, 300).replace(/,0\n/, ",2\n");
  replaceData(root, "churn-eval", csv);
  edit(root, "data/churn-eval.yaml", (s) => s.replace("values: [0, 1]", "values: [0, 1, 2]"));
  const r = await validate(root);
  assert.equal(r.code, 1);
  assert.ok(
    r.findings.some((f) => /label values "2" .* not among the declared classes/.test(f.message)),
    JSON.stringify(r.findings),
  );
  assert.ok(r.findings.some((f) => /binary-classification needs at most 2 label values/.test(f.message)));
});

test("a CSV with quoted commas and newlines validates", async () => {
  const { root } = makeFixtureRepo();
  const lines = churnCsv(2, 300).trim().split("\n");
  lines[0] = "customer_id,tenure,spend,region,churned,note";
  for (let i = 1; i < lines.length; i++) lines[i] += i % 2 ? ',"late, again"' : ',"line one\nline ""two"""';
  replaceData(root, "churn-eval", `${lines.join("\n")}\n`, 300);
  edit(root, "data/churn-eval.yaml", (s) =>
    s.replace("  datasheet:", "    - name: note\n      type: string\n      role: ignore\n  datasheet:"),
  );
  const r = await validate(root);
  assert.equal(r.code, 0, JSON.stringify(r.findings, null, 1));
});

test("a Parquet dataset validates, and a type error in it is found", async () => {
  const { root } = makeFixtureRepo();
  const rows = churnCsv(2, 300)
    .trim()
    .split("\n")
    .slice(1)
    .map((l) => l.split(","));
  const file = join(root, "data/churn-eval.parquet");
  const write = (tenure: (number | string)[]) =>
    parquetWriteFile({
      filename: file,
      columnData: [
        { name: "customer_id", data: rows.map((r) => Number(r[0])), type: "INT32" },
        { name: "tenure", data: tenure, type: typeof tenure[0] === "string" ? "STRING" : "INT32" },
        { name: "spend", data: rows.map((r) => Number(r[2])), type: "DOUBLE" },
        { name: "region", data: rows.map((r) => r[3]), type: "STRING" },
        { name: "churned", data: rows.map((r) => Number(r[4])), type: "INT32" },
      ],
    });
  write(rows.map((r) => Number(r[1])));
  const digest = sha256Bytes(readFileSync(file));
  edit(root, "data/churn-eval.yaml", (s) =>
    s.replace("path: churn-eval.csv", "path: churn-eval.parquet").replace(/sha256: [0-9a-f]{64}/, `sha256: ${digest}`),
  );
  assert.equal((await validate(root)).code, 0);
  write(rows.map((r, i) => (i === 4 ? "x" : r[1])));
  edit(root, "data/churn-eval.yaml", (s) =>
    s.replace(/sha256: [0-9a-f]{64}/, `sha256: ${sha256Bytes(readFileSync(file))}`),
  );
  const r = await validate(root);
  assert.equal(r.code, 1);
  assert.ok(
    r.findings.some((f) => f.column === "tenure" && /row 5; e\.g\. "x"\) not of type integer/.test(f.message)),
    JSON.stringify(r.findings),
  );
});

test("leakage: evaluation rows copied from training data are counted", async () => {
  const { root } = makeFixtureRepo();
  const train = churnCsv(1, 400).trim().split("\n");
  const ev = churnCsv(2, 300).trim().split("\n");
  // same features and label, different ids: still the same example
  for (let i = 1; i <= 15; i++) ev[i] = train[i].replace(/^\d+,/, `${900000 + i},`);
  replaceData(root, "churn-eval", `${ev.join("\n")}\n`);
  const r = await validate(root);
  assert.equal(r.code, 1);
  const leak = r.findings.find((f) => f.check === "leakage");
  assert.ok(leak, JSON.stringify(r.findings));
  assert.match(
    leak.message,
    /^15 of 300 evaluation rows of "churn-eval" \(5\.00%\) also appear in training dataset "churn-train"/,
  );
  assert.equal(r.out.leakage[0].shared, 15);
});

test("drift: after lock, a shifted evaluation month fails on PSI; the same month passes", async () => {
  const { root } = makeFixtureRepo();
  const lockIo = bufferIo(root);
  assert.equal(await main(["lock"], lockIo), 0);
  let r = await validate(root);
  assert.equal(r.code, 0, JSON.stringify(r.findings));
  assert.ok(r.out.drift[0].psi.tenure < 0.1);
  replaceData(root, "churn-eval", churnCsv(3, 300, 2));
  edit(root, "data/churn-eval.yaml", (s) => s.replace("max: 200", "max: 500"));
  r = await validate(root);
  assert.equal(r.code, 1);
  const drift = r.findings.filter((f) => f.check === "drift" && f.severity === "error");
  assert.ok(
    drift.some((f) => f.column === "tenure" && /PSI \d+\.\d+ ≥ 0\.25/.test(f.message)),
    JSON.stringify(r.findings),
  );
});

test("lock keeps comments, fills digests and is idempotent", async () => {
  const { root } = makeFixtureRepo();
  edit(root, "data/churn-train.yaml", (s) =>
    s.replace(/  sha256: [0-9a-f]{64}\n/, "").replace("  rows: 400", "  rows: 400 # counted by lock"),
  );
  const io = bufferIo(root);
  assert.equal(await main(["lock", "churn"], io), 0);
  const text = readFileSync(join(root, "data/churn-train.yaml"), "utf8");
  assert.match(text, /# counted by lock/);
  assert.match(text, new RegExp(`sha256: ${sha256Bytes(churnCsv(1, 400))}`));
  assert.match(text, /values: \[north, south, east\]/);
  const io2 = bufferIo(root);
  assert.equal(await main(["lock", "churn"], io2), 0);
  assert.match(io2.stdout, /everything is up to date/);
  assert.equal(readFileSync(join(root, "data/churn-train.yaml"), "utf8"), text);
});

test("usage errors exit 2: an unknown flag, and no model repository", async () => {
  const { root } = makeFixtureRepo();
  const io = bufferIo(root);
  assert.equal(await main(["validate", "--frobnicate"], io), 2);
  assert.match(io.stderr, /Unknown option '--frobnicate'.*\n.*modelgate validate --help/);
  const io2 = bufferIo(tmpdir());
  assert.equal(await main(["validate"], io2), 2);
  assert.match(io2.stderr, /no model repository found/);
});

test("inside GitHub Actions findings become ::error annotations with file, line and col", async () => {
  const { root } = makeFixtureRepo();
  edit(root, "models/churn/model.yaml", (s) =>
    s.replace("  riskClass: limited", "  riskClass: limited\n  treshold: 1"),
  );
  const io = bufferIo(root, { GITHUB_ACTIONS: "true", GITHUB_WORKSPACE: root });
  assert.equal(await main(["validate"], io), 1);
  assert.match(
    io.stdout,
    /^::error file=models\/churn\/model\.yaml,line=10,col=3,title=modelgate validate \(schema\)::unknown key "treshold"/m,
  );
});

test("a dataset with spec.drift.reference is compared with that dataset's profile", async () => {
  const { root, write } = makeFixtureRepo();
  const may = churnCsv(5, 300, 2);
  write("data/churn-may.csv", may);
  write(
    "data/churn-may.yaml",
    readFileSync(join(root, "data/churn-eval.yaml"), "utf8")
      .replace("name: churn-eval", "name: churn-may")
      .replace("path: churn-eval.csv", "path: churn-may.csv")
      .replace(/sha256: [0-9a-f]{64}/, `sha256: ${sha256Bytes(may)}`)
      .replace("max: 200", "max: 500")
      .replace("  datasheet:", "  drift:\n    reference: churn-trian\n  datasheet:"),
  );
  let r = await validate(root);
  assert.ok(
    r.findings.some(
      (f) =>
        f.file === "data/churn-may.yaml" &&
        /reference dataset "churn-trian" does not exist; did you mean "churn-train"/.test(f.message),
    ),
  );
  edit(root, "data/churn-may.yaml", (s) => s.replace("reference: churn-trian", "reference: churn-train"));
  assert.equal(await main(["lock"], bufferIo(root)), 0);
  r = await validate(root);
  assert.equal(r.code, 1);
  const drift = r.findings.find((f) => f.check === "drift" && f.column === "tenure");
  assert.ok(drift, JSON.stringify(r.findings));
  assert.equal(drift.file, "data/churn-may.yaml");
  assert.match(drift.message, /drift in "tenure" of "churn-may" against "churn-train": PSI \d\.\d+ ≥ 0\.25/);
  assert.ok(
    r.out.drift.some(
      (d: { dataset: string; reference: string }) => d.dataset === "churn-may" && d.reference === "churn-train",
    ),
  );
});

// Models that cannot run (issue #10, item 10): what evaluate would refuse before reading data, validate reports too,
// at the manifest line, with the same words (one shared check).
async function evaluateErr(root: string): Promise<{ code: number; err: string }> {
  const io = bufferIo(root);
  const code = await main(["evaluate", "churn", "--resamples", "0", "--no-latency"], io);
  return { code, err: io.stderr };
}

test("validate refuses a model whose input shape does not fit the mapped features, as evaluate does", async () => {
  const { logisticRegressionModel } = await import("../support/onnx-build.ts");
  const { root } = makeFixtureRepo();
  const onnx = logisticRegressionModel({ weights: [-1 / 15, 1 / 100, 0.5], bias: 1.5 });
  writeFileSync(join(root, "models/churn/model.onnx"), onnx);
  edit(root, "models/churn/model.yaml", (s) =>
    s.replace(/sha256: [0-9a-f]{64}/, `sha256: ${sha256Bytes(onnx)}`).replace(/ {2}signature:\n(?: {4}.*\n)+/, ""),
  );
  const r = await validate(root, "--skip-data");
  assert.equal(r.code, 1, JSON.stringify(r.findings, null, 2));
  const f = r.findings.find((x) => x.check === "signature" && x.severity === "error");
  assert.ok(f, JSON.stringify(r.findings, null, 2));
  assert.equal(f.file, "models/churn/model.yaml");
  const yaml = readFileSync(join(root, "models/churn/model.yaml"), "utf8").split("\n");
  assert.match(yaml[f.line! - 1], /features: \[tenure, spend\]/);
  assert.match(f.message, /input "input" has shape \[N, 3\] but 2 features are mapped to it \(tenure, spend\)/);
  const e = await evaluateErr(root);
  assert.equal(e.code, 1);
  assert.ok(e.err.includes(f.message), `evaluate says: ${e.err}`);
});

test("validate refuses outputs.probability naming an int64 label output, as evaluate does", async () => {
  const { root } = makeFixtureRepo();
  edit(root, "models/churn/model.yaml", (s) => s.replace("probability: probabilities", "probability: label"));
  const r = await validate(root, "--skip-data");
  assert.equal(r.code, 1, JSON.stringify(r.findings, null, 2));
  const f = r.findings.find((x) => x.check === "signature" && x.severity === "error");
  assert.ok(f, JSON.stringify(r.findings, null, 2));
  const yaml = readFileSync(join(root, "models/churn/model.yaml"), "utf8").split("\n");
  assert.match(yaml[f.line! - 1], /probability: label/);
  assert.match(f.message, /output "label" is int64 \[N\]; predictions must be float32 or float64/);
  const e = await evaluateErr(root);
  assert.equal(e.code, 1);
  assert.ok(e.err.includes(f.message), `evaluate says: ${e.err}`);
});

test("validate refuses a tensor input that is not float, and a declared dynamic dimension the model fixes", async () => {
  const { buildModel } = await import("../support/onnx-build.ts");
  const { root } = makeFixtureRepo();
  const onnx = buildModel({
    inputs: [{ name: "input", type: "int64", shape: [1, 2] }],
    outputs: [{ name: "probabilities", type: "float32", shape: [1, 2] }],
    initializers: [],
    nodes: [{ op: "Cast", inputs: ["input"], outputs: ["probabilities"], attributes: { to: 1 } }],
  });
  writeFileSync(join(root, "models/churn/model.onnx"), onnx);
  edit(root, "models/churn/model.yaml", (s) =>
    s
      .replace(/sha256: [0-9a-f]{64}/, `sha256: ${sha256Bytes(onnx)}`)
      .replace(
        / {2}signature:\n(?: {4}.*\n)+/,
        "  signature:\n    inputs:\n      - { name: input, type: int64, shape: [N, 2] }\n    outputs:\n      - { name: probabilities, type: float32, shape: [N, 2] }\n",
      )
      .replace("    label: label\n", ""),
  );
  const r = await validate(root, "--skip-data");
  const messages = r.findings.filter((x) => x.severity === "error").map((x) => x.message);
  assert.ok(
    messages.some((m) => /input "input" is int64; tensor mode feeds float32 or float64 features/.test(m)),
    messages.join("\n"),
  );
  assert.ok(
    messages.some((m) => /input "input": the manifest says int64 \[N, 2\], the model has int64 \[1, 2\]/.test(m)),
    messages.join("\n"),
  );
  const e = await evaluateErr(root);
  assert.equal(e.code, 1, e.err);
});

test("unique IDs above 2^53 are compared by their digits, not as rounded numbers", async () => {
  const { root } = makeFixtureRepo();
  const lines = churnCsv(2, 300).trim().split("\n");
  lines[1] = lines[1].replace(/^\d+,/, "9007199254740992,");
  lines[2] = lines[2].replace(/^\d+,/, "9007199254740993,"); // the same double as the one above
  replaceData(root, "churn-eval", `${lines.join("\n")}\n`);
  const distinct = await validate(root);
  assert.ok(!distinct.findings.some((f) => /duplicate/.test(f.message)), JSON.stringify(distinct.findings, null, 1));
  lines[3] = lines[3].replace(/^\d+,/, "9007199254740993,");
  replaceData(root, "churn-eval", `${lines.join("\n")}\n`);
  const dup = await validate(root);
  assert.ok(
    dup.findings.some(
      (f) =>
        f.column === "customer_id" &&
        /1 row \(first: row 3, line 4; e\.g\. "9007199254740993"\) duplicate/.test(f.message),
    ),
    JSON.stringify(dup.findings, null, 1),
  );
});

test("a CSV with 50,000 columns: validate reads it, and repeated findings are summed up after 10", async () => {
  const { root } = makeFixtureRepo();
  const extra = Array.from({ length: 49995 }, (_, i) => `c${i}`);
  const zeros = extra.map(() => "0").join(",");
  const lines = churnCsv(2, 20).trim().split("\n");
  lines[0] += `,${extra.join(",")}`;
  for (let i = 1; i < lines.length; i++) lines[i] += `,${zeros}`;
  replaceData(root, "churn-eval", `${lines.join("\n")}\n`);
  const io = bufferIo(root);
  const code = await main(["validate"], io);
  assert.equal(code, 0, io.stdout);
  const undeclared = io.stdout.split("\n").filter((l) => /does not declare/.test(l));
  assert.equal(undeclared.length, 11);
  assert.match(
    undeclared[10],
    /data\/churn-eval\.csv has 49,995 columns that the manifest does not declare \(the first 10 above\), and 49,985 more: "c10", "c11", "c12", "c13", "c14", …/,
  );
  const json = await validate(root);
  assert.equal(json.findings.filter((f) => /does not declare/.test(f.message)).length, 11);
});
