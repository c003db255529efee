import assert from "node:assert/strict";
import { readFileSync, writeFileSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { test } from "node:test";
import { main } from "../../src/cli/main.ts";
import { sha256Bytes } from "../../src/data/hash.ts";
import { CSV_DELIMITERS, type CsvDelimiter, DataError, readBatches, readColumns } from "../../src/data/read.ts";
import { datasetSchema } from "../../src/manifest/schema.ts";
import { evaluationRecordSchema } from "../../src/records/evaluation.ts";
import { bufferIo } from "../../src/util/io.ts";
import { makeFixtureRepo } from "../support/fixture-repo.ts";

// Semicolon- and tab-separated files (what a spreadsheet in many locales saves as "CSV"): said at once, with the fix,
// or read as spec.csv.delimiter says, through the one CSV reader.

const dir = mkdtempSync(join(tmpdir(), "mg-delim-"));

function file(name: string, text: string): string {
  const p = join(dir, name);
  writeFileSync(p, text);
  return p;
}

async function read(
  path: string,
  opts: { delimiter?: CsvDelimiter; parallel?: { threads: number; blockBytes: number } },
) {
  const out: unknown[][] = [];
  for await (const b of readBatches(path, { numeric: ["amount"], ...opts, batchSize: 1000 })) {
    for (let r = 0; r < b.length; r++)
      out.push(b.columns.map((_, c) => (b.numeric?.[c] ? b.numeric[c]![r] : b.data[c][r])));
  }
  return out;
}

const failure = (p: Promise<unknown>) =>
  p.then(
    () => assert.fail("no error"),
    (e: Error) => e,
  );

test("a semicolon- or tab-separated file read as commas: one error naming file, line and the fix, not one per column", async () => {
  const semi = file("semi.csv", "\n id;amount;channel\n1;12.5;web\n2;7;store\n");
  const e = await failure(read(semi, {}));
  assert.ok(e instanceof DataError);
  assert.equal(
    e.message,
    `${semi}:2: the header " id;amount;channel" has 2 semicolons and no commas: the file is separated by semicolons, and it is read as separated by commas. Set spec.csv.delimiter: ";" in the Dataset manifest, or save the file with commas`,
  );
  // the header alone (validate's and evaluate's first look) says the same
  assert.equal((await failure(readColumns(semi))).message, e.message);

  const tab = file("tab.csv", 'id\tamount\t"channel"\n1\t12.5\tweb\n');
  assert.match(
    (await failure(read(tab, {}))).message,
    /tab\.csv:1: the header "id\\tamount\\t\\"channel\\"" has 2 tabs and no commas: the file is separated by tabs, .* Set spec\.csv\.delimiter: "\\t" in the Dataset manifest/,
  );
  // the other way round: a comma file declared as semicolon-separated
  const comma = file("comma.csv", "id,amount,channel\n1,12.5,web\n");
  assert.match(
    (await failure(read(comma, { delimiter: ";" }))).message,
    /comma\.csv:1: the header "id,amount,channel" has 2 commas and no semicolons: .*Remove spec\.csv\.delimiter from the Dataset manifest \(commas are the default\), or save the file with semicolons/,
  );
  // a one-column file is a one-column file
  assert.deepEqual(await read(file("one.csv", "amount\n1\n2\n"), {}), [[1], [2]]);
});

test("spec.csv.delimiter: the same rows as the comma-separated file, quoted separators and numbers included, in worker threads too", async () => {
  const rows: string[][] = [];
  for (let i = 0; i < 3000; i++) {
    rows.push([String(i), i % 9 === 0 ? "" : String(i / 4), i % 5 === 0 ? '"a;b,c\td ""q"""' : `w${i}`]);
  }
  const text = (sep: string) => `id${sep}amount${sep}channel\n${rows.map((r) => r.join(sep)).join("\n")}\n`;
  const want = await read(file("rows.csv", text(",")), {});
  assert.equal(want.length, 3000);
  for (const sep of [";", "\t", "|"] as const) {
    const p = file(`rows-${sep.charCodeAt(0)}.csv`, text(sep));
    assert.deepEqual(await read(p, { delimiter: sep }), want, `separator ${JSON.stringify(sep)}`);
    assert.deepEqual(await read(p, { delimiter: sep, parallel: { threads: 2, blockBytes: 4096 } }), want);
    assert.deepEqual(await readColumns(p, { delimiter: sep }), ["id", "amount", "channel"]);
  }
  // a row with too few fields names the separator the file uses
  const short = file("short.csv", "id;amount;channel\n1;2;x\n3;4\n");
  assert.match(
    (await failure(read(short, { delimiter: ";" }))).message,
    /short\.csv:3: row 2: 2 fields where the header has 3; quote fields that contain semicolons, and give every row as many fields as the header/,
  );
  // the manifest's choices are the reader's
  assert.deepEqual(datasetSchema.shape.spec.shape.csv.unwrap().shape.delimiter.unwrap().options, [...CSV_DELIMITERS]);
});

test("validate and evaluate a semicolon-separated dataset: one finding with the fix, then spec.csv.delimiter reads it", async () => {
  const { root } = makeFixtureRepo();
  const csvPath = join(root, "data/churn-eval.csv");
  const semi = readFileSync(csvPath, "utf8").replaceAll(",", ";");
  writeFileSync(csvPath, semi);
  const yamlPath = join(root, "data/churn-eval.yaml");
  const manifest = readFileSync(yamlPath, "utf8").replace(/sha256: [0-9a-f]{64}/, `sha256: ${sha256Bytes(semi)}`);
  writeFileSync(yamlPath, manifest);
  const validate = async () => {
    const io = bufferIo(root);
    const code = await main(["validate", "--json"], io);
    const findings = JSON.parse(io.stdout).findings as { file: string; message: string; severity: string }[];
    return { code, errors: findings.filter((f) => f.severity === "error" && f.file === "data/churn-eval.yaml") };
  };
  const before = await validate();
  assert.equal(before.code, 1);
  // before: one "has no column" error per declared column, none of them about the separator
  assert.equal(before.errors.length, 1, JSON.stringify(before.errors, null, 2));
  assert.match(
    before.errors[0].message,
    /data\/churn-eval\.csv:1: the header .* has 4 semicolons and no commas: .*Set spec\.csv\.delimiter: ";" in the Dataset manifest/,
  );

  writeFileSync(
    yamlPath,
    manifest.replace("  path: churn-eval.csv\n", '  path: churn-eval.csv\n  csv:\n    delimiter: ";"\n'),
  );
  const after = await validate();
  assert.deepEqual(after.errors, []);

  const io = bufferIo(root);
  const code = await main(["evaluate", "churn", "--baseline", "none", "--resamples", "50", "--no-latency"], io);
  assert.equal(code, 0, io.stderr);
  const rec = evaluationRecordSchema.parse(
    JSON.parse(readFileSync(join(root, ".modelgate/evaluations/churn.json"), "utf8")),
  );
  assert.equal(rec.dataset.rows, 300);
  assert.ok(rec.candidate.metrics.roc_auc! > 0.6);
});
