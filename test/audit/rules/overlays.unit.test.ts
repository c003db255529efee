import assert from "node:assert/strict";
import { test } from "node:test";
import { gitBlobId } from "../../../src/audit/history.ts";
import { firstOverlays, knownOverlays, type OverlayWrite } from "../../../src/audit/rules/deploy.ts";
import { renderOverlay } from "../../../src/deploy/render.ts";
import { makeModel } from "../../report/builder.ts";

const model = makeModel("churn");
const digest = (n: number) => `sha256:${String(n).repeat(64).slice(0, 64)}`;
const pin = (n: number) => ({
  image: { repository: "ghcr.io/acme/churn", digest: digest(n), scheme: "oci" as const },
  version: `1.${n}.0`,
  record: digest(n + 5),
});
const want = (n: number) => ({ image: `ghcr.io/acme/churn@${digest(n)}`, version: `1.${n}.0`, record: digest(n + 5) });
const blob = (text: string) => ({ text, oid: gitBlobId(Buffer.from(text), "sha1") });

test("overlays written from the first one's template are known by their blob ids; any other is left to be read", () => {
  const first = blob(renderOverlay(model, "staging", pin(1)));
  const second = blob(renderOverlay(model, "staging", pin(2)));
  const edited = blob(renderOverlay(model, "staging", pin(3)).replace("1.3.0", "1.3.1"));
  const unexplained = blob(renderOverlay(model, "staging", pin(4)));
  const writes: OverlayWrite[] = [
    { oid: first.oid, key: "churn/staging", want: want(1) },
    { oid: second.oid, key: "churn/staging", want: want(2) },
    { oid: edited.oid, key: "churn/staging", want: want(3) },
    { oid: unexplained.oid, key: "churn/staging", want: undefined },
  ];
  assert.deepEqual(firstOverlays(writes), [first.oid, unexplained.oid]);
  const known = knownOverlays(writes, new Map([[first.oid, Buffer.from(first.text)]]), "sha1");
  assert.deepEqual([...known.keys()], [second.oid]);
  assert.equal(known.get(second.oid)?.toString(), second.text);
  // a first overlay that does not pin its own record makes no template: every other is read
  const none = knownOverlays(
    [{ ...writes[0], want: want(9) }, writes[1]],
    new Map([[first.oid, Buffer.from(first.text)]]),
    "sha1",
  );
  assert.equal(none.size, 0);
});
