import assert from "node:assert/strict";
import { mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, it } from "node:test";
import { UserError } from "../../src/errors.ts";
import { loadArtifact, MAX_RECORD_BYTES } from "../../src/report/read-records.ts";
import { toJson } from "../../src/util/fs.ts";
import { makeRecord } from "./builder.ts";

describe("--from-artifact records", () => {
  it("accepts valid records in nested folders and refuses malformed, oversized, symlinked and duplicate ones", () => {
    const dir = mkdtempSync(join(tmpdir(), "mg-artifact-"));
    mkdirSync(join(dir, "eval-churn"));
    mkdirSync(join(dir, "eval-fraud"));
    mkdirSync(join(dir, "eval-twice"));
    writeFileSync(join(dir, "eval-churn", "churn.json"), toJson(makeRecord({ name: "churn" })));
    writeFileSync(join(dir, "eval-fraud", "fraud.json"), "{ not json");
    const extra = { ...makeRecord({ name: "extra" }), injected: "<script>" };
    writeFileSync(join(dir, "eval-fraud", "extra.json"), toJson(extra));
    writeFileSync(join(dir, "big.json"), " ".repeat(MAX_RECORD_BYTES + 1));
    writeFileSync(join(dir, "eval-twice", "a.json"), toJson(makeRecord({ name: "twice" })));
    writeFileSync(join(dir, "eval-twice", "b.json"), toJson(makeRecord({ name: "twice" })));
    symlinkSync("/etc/passwd", join(dir, "link.json"));
    writeFileSync(join(dir, "notes.txt"), "ignored");

    const set = loadArtifact(dir);
    assert.deepEqual([...set.byModel.keys()], ["churn"]);
    const refused = Object.fromEntries(set.refused.map((r) => [r.file, r.reason]));
    assert.match(refused["eval-fraud/fraud.json"], /^not JSON/);
    assert.match(
      refused["eval-fraud/extra.json"],
      /not a valid evaluation record \(\(root\): Unrecognized key: "injected"/,
    );
    assert.match(refused["big.json"], /over the 4194304-byte limit/);
    assert.match(refused["link.json"], /is a symlink/);
    assert.match(refused["eval-twice/b.json"], /a second record for model twice/);
    assert.match(refused["eval-twice/a.json"], /a second record for model twice/);
    assert.equal(refused["notes.txt"], undefined);
  });

  it("refuses a missing folder with a message saying what to pass", () => {
    assert.throws(
      () => loadArtifact("/nonexistent/artifact"),
      (e: unknown) => e instanceof UserError && /not a folder/.test(e.message),
    );
  });
});
