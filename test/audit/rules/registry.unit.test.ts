import assert from "node:assert/strict";
import { test } from "node:test";
import { imagesInRegistry, referrersAttached } from "../../../src/audit/rules/registry.ts";
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

test("referrer-missing: each publish record whose image lacks a referrer it promises, or whose referrers cannot be read", () => {
  const w = new World();
  const p = w.publish("churn", "1.0.0");
  assert.deepEqual(referrersAttached(w.facts()), [], "without --registry nothing is claimed");
  const probe = {
    model: "churn",
    sequence: 1,
    version: "1.0.0",
    recordDigest: p.digest,
    reference: p.record.image.reference,
  };
  w.referrers = [{ ...probe, missing: [] }];
  assert.deepEqual(referrersAttached(w.facts()), []);
  w.referrers = [
    { ...probe, missing: [`the promotion record ${p.digest}`, "the model card"] },
    { ...probe, sequence: 2, missing: [], error: "the registry failed: GET /v2/x answered 503" },
  ];
  const found = referrersAttached(w.facts());
  assert.deepEqual(
    found.map((f) => [f.check, f.record?.sequence, f.message]),
    [
      [
        "referrer-missing",
        1,
        `${p.record.image.reference} lacks referrers that record #1 (publish 1.0.0) promises: the promotion record ${p.digest}, the model card; a rerun of \`modelgate publish\` on the merged commit attaches them`,
      ],
      [
        "referrer-missing",
        2,
        `the referrers of ${p.record.image.reference} (record #2, publish 1.0.0) could not be checked: the registry failed: GET /v2/x answered 503`,
      ],
    ],
  );
  assert.equal(
    found[0].expected,
    "each published image carrying its evaluation record, its promotion record and its model card as OCI referrers",
  );
});
