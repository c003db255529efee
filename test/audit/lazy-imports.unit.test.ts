/**
 * `audit verify`'s modules (src/audit/exact.ts, issue #25) import neither yaml nor zod statically: manifests and
 * overlays in the plain style are read without them (src/audit/parsers.ts), and they are imported only for one the plain
 * readers leave to them, a monitoring record, or a promotion record the generated check does not accept. Read from
 * the sources' import lines (../support/static-imports.ts).
 */
import assert from "node:assert/strict";
import { resolve } from "node:path";
import { test } from "node:test";
import { staticClosure } from "../support/static-imports.ts";

const SRC = resolve(import.meta.dirname, "../../src");

const closure = (entry: string) => staticClosure(SRC, entry);

test("audit verify's modules reach neither yaml nor zod through their static imports", () => {
  const reached = closure("audit/exact.ts");
  for (const heavy of [
    "yaml",
    "zod",
    "manifest/yaml.ts",
    "deploy/render.ts",
    "manifest/at-commit.ts",
    "manifest/schema.ts",
    "ledger/ledger.ts",
    "records/promotion.ts",
    "records/monitoring.ts",
    "attest/statement-schema.ts",
  ])
    assert.ok(!reached.has(heavy), `audit/exact.ts imports ${heavy} (through one of ${reached.size} files)`);
  for (const file of ["audit/parsers.ts", "deploy/overlay-pin.ts", "manifest/plain.ts"])
    assert.ok(reached.has(file), `${file} not among ${[...reached].join(" ")}`);
});

test("an overlay or manifest the plain readers leave to yaml: withParsers loads yaml and reads it as yaml does", async () => {
  const { ParsersNotLoaded, manifestAt, readOverlayPin, withParsers } = await import("../../src/audit/parsers.ts");
  const overlay =
    "kind: Kustomization\npatches:\n  - patch: |-\n      - path: /spec/predictor/model/storageUri\n        value: oci://r/m@sha256:1\n";
  const config = Buffer.from("apiVersion: modelgate.dev/v1alpha1\nkind: Config\nspec: &s {}\n");
  // (another test file of the same bundle may have loaded them already)
  let loaded = true;
  try {
    readOverlayPin(overlay);
  } catch (e) {
    assert.ok(e instanceof ParsersNotLoaded);
    assert.throws(() => manifestAt("c", "modelgate.yaml", config, "Config"), ParsersNotLoaded);
    loaded = false;
  }
  let runs = 0;
  const pin = await withParsers(() => {
    runs++;
    return readOverlayPin(overlay);
  });
  assert.equal(runs, loaded ? 1 : 2);
  const { readOverlayPin: withYaml } = await import("../../src/deploy/render.ts");
  assert.deepEqual(pin, withYaml(overlay));
  assert.deepEqual(pin, { image: "r/m@sha256:1", scheme: "oci", version: undefined, record: undefined });
  const { manifestAt: manifestWithYaml } = await import("../../src/manifest/at-commit.ts");
  assert.deepEqual(
    manifestAt("c", "modelgate.yaml", config, "Config"),
    manifestWithYaml("c", "modelgate.yaml", config, "Config"),
  );
});

test("a monitoring record, or a promotion record zod must word: withParsers loads zod and reads as zod does", async () => {
  const { monitoringRecord, ParsersNotLoaded, withParsers } = await import("../../src/audit/parsers.ts");
  const { parsePromotionRecord } = await import("../../src/records/promotion-read.ts");
  const json = { kind: "MonitoringRecord" };
  const bad = { sequence: 1, action: "publish" };
  let runs = 0;
  const got = await withParsers(() => {
    runs++;
    const m = (() => {
      try {
        return monitoringRecord(json);
      } catch (e) {
        // (another test file of the same bundle may have loaded zod already)
        if (e instanceof ParsersNotLoaded) throw e;
        return String((e as Error).message.split("\n")[0]);
      }
    })();
    return { m, p: parsePromotionRecord(bad).success };
  });
  assert.ok(runs >= 1 && runs <= 2);
  const { monitoringRecordSchema } = await import("../../src/records/monitoring.ts");
  assert.equal(got.m, monitoringRecordSchema.safeParse(json).error?.message.split("\n")[0]);
  assert.equal(got.p, false);
});
