import assert from "node:assert/strict";
import { test } from "node:test";
import { imagesInRegistry } from "../../../src/audit/rules/registry.ts";
import { World } from "./world.ts";

test("image-missing: each image the registry (or the local layout) does not hold, with the record that first names it", () => {
  const w = new World();
  const p = w.publish("churn", "1.0.0");
  assert.deepEqual(imagesInRegistry(w.facts()), [], "without --registry nothing is claimed");
  w.images = [
    { reference: p.record.image.reference, model: "churn", sequence: 1, recordDigest: p.digest },
    {
      reference: "registry.invalid/churn@sha256:1",
      model: "churn",
      sequence: 3,
      recordDigest: `sha256:${"3".repeat(64)}`,
      missing: "published to a local OCI layout, and /x is not there",
    },
  ];
  assert.deepEqual(imagesInRegistry(w.facts()), [
    {
      check: "image-missing",
      model: "churn",
      commit: null,
      tag: null,
      record: { sequence: 3, digest: `sha256:${"3".repeat(64)}` },
      path: null,
      message:
        "registry.invalid/churn@sha256:1 (first named by record #3): published to a local OCI layout, and /x is not there",
      expected: "every image a record names still in its registry, by digest",
    },
  ]);
});
