/**
 * The overlay reader without yaml (src/deploy/overlay-pin.ts fastOverlayPin, which `audit verify` uses): on the
 * overlays modelgate writes it answers what readOverlayPin (yaml) answers; anything outside the plain style with
 * literal patch blocks is left to yaml (DEFER), never read differently.
 */
import assert from "node:assert/strict";
import { test } from "node:test";
import { DEFER, fastOverlayPin } from "../../src/deploy/overlay-pin.ts";
import { readOverlayPin, renderOverlay } from "../../src/deploy/render.ts";
import { makeModel } from "../report/builder.ts";

const digest = (n: number) => `sha256:${String(n).repeat(64).slice(0, 64)}`;
const pin = (scheme: "oci" | "oci+native") => ({
  image: { repository: "ghcr.io/acme/churn", digest: digest(1), scheme },
  version: "1.10",
  record: digest(2),
});
const kserve = makeModel("churn");
const triton = makeModel("churn", { deployment: { target: "triton", replicas: 2 } } as never);
const written = [
  renderOverlay(kserve, "staging", pin("oci")),
  renderOverlay(kserve, "production", pin("oci+native")),
  renderOverlay(triton, "staging", pin("oci")),
  renderOverlay(kserve, "staging", undefined),
];

test("the overlays modelgate writes read as yaml reads them, without yaml", () => {
  for (const text of written) {
    const fast = fastOverlayPin(text);
    assert.notEqual(fast, DEFER, text);
    assert.deepEqual(fast, readOverlayPin(text), text);
  }
  // "1.10" stays a string in the patch (quoted by yaml's stringify), the scheme is read off the URI
  assert.deepEqual(fastOverlayPin(written[1]), {
    image: `ghcr.io/acme/churn@${digest(1)}`,
    scheme: "oci+native",
    version: "1.10",
    record: digest(2),
  });
});

test("edited overlays read as yaml reads them, or are left to yaml", () => {
  const base = written[0];
  const edits = [
    base.replace("    patch: |\n", "    patch: |-\n"), // another chomping
    base.replace("    patch: |\n", "    patch: | # why\n"),
    base.replace("      - op: replace\n        path: /metadata", "      - op: replace\n\n        path: /metadata"), // an empty line
    base.replace("        path: /metadata/annotations/modelgate.dev~1version", "     path: x"), // less indented
    base.replace("\n", "\r\n"),
    base.slice(0, -1), // no final line feed
    `${base}---\n`,
    base.replace("patches:", "patches: &p"),
    base.replace("storageUri\n", "storageUri # moved\n"),
    base.replace("        value: oci", "        value: 'oci"), // a quote left open
    base.replace("    patch: |\n", "    patch: |\n      # a comment line inside the block\n"),
    base.replace("    patch: |\n", "    other: |\n      x\n    patch: |\n"),
    base.replace("  - target:", "  - patch: |\n      - op: add\n    target:"),
    `${base}extra: modelgate-literal-block-0\n`,
  ];
  for (const text of edits) {
    const fast = fastOverlayPin(text);
    if (fast !== DEFER) assert.deepEqual(fast, readOverlayPin(text), text);
  }
  assert.equal(fastOverlayPin(edits[0]), DEFER);
  assert.equal(fastOverlayPin(edits[2]), DEFER);
  assert.equal(fastOverlayPin(edits[5]), DEFER);
});
