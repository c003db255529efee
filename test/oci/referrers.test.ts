import assert from "node:assert/strict";
import { createHash } from "node:crypto";
import { readFileSync, writeFileSync } from "node:fs";
import http from "node:http";
import { join } from "node:path";
import { after, before, test } from "node:test";
import {
  ArtifactType,
  artifactManifest,
  attachToRegistry,
  fallbackTag,
  listLayoutReferrers,
  listRegistryReferrers,
} from "../../src/oci/referrers.ts";
import { RegistryClient } from "../../src/oci/registry.ts";
import { MediaType, sha256Digest } from "../../src/oci/types.ts";
import { freePort, startRegistry, type TestRegistry } from "../support/registry.ts";
import { makeRecord } from "../report/builder.ts";
import { modelgate, skopeo, skopeoInspect, tempDir, writeModel } from "./_helpers.ts";

let reg: TestRegistry;
const work = tempDir();
before(async () => {
  reg = await startRegistry();
});
after(async () => {
  await reg?.stop();
  work.cleanup();
});

/** An evaluation record of the model file (package refuses a record of other bytes), a card and a promotion record. */
function records(dir: string, model: string) {
  const evalRecord = join(dir, "evaluation.json");
  const card = join(dir, "MODEL_CARD.md");
  const promo = join(dir, "promotion.json");
  const record = makeRecord({ name: "fraud", metrics: { roc_auc: 0.93 } });
  record.candidate.sha256 = createHash("sha256").update(readFileSync(model)).digest("hex");
  writeFileSync(evalRecord, `${JSON.stringify(record)}\n`);
  writeFileSync(card, "# fraud\n\nIntended use: tests.\n");
  writeFileSync(promo, `${JSON.stringify({ environment: "staging" })}\n`);
  return { evalRecord, card, promo };
}

test("records attached as referrers: docker-registry has no referrers API, so the sha256-<hex> tag lists them", async () => {
  const model = writeModel(work.dir);
  const { evalRecord, card, promo } = records(work.dir, model);
  const r = await modelgate(
    [
      "package",
      "--base",
      "scratch",
      "--model",
      model,
      "--name",
      "fraud",
      "--push",
      `${reg.host}/models/fraud:1`,
      "--eval-record",
      evalRecord,
      "--model-card",
      card,
      "--promotion-record",
      promo,
      "--json",
    ],
    work.dir,
  );
  assert.equal(r.code, 0, r.stderr);
  const res = r.json();
  assert.deepEqual(
    res.referrers.map((x: any) => x.via),
    ["fallback-tag", "fallback-tag", "fallback-tag"],
  );
  const info = await skopeoInspect(`${reg.host}/models/fraud:1`);
  assert.equal(
    info.Labels["dev.modelgate.evaluation.digest"],
    `sha256:${createHash("sha256").update(readFileSync(evalRecord)).digest("hex")}`,
  );

  // skopeo sees the fallback index, and each artifact manifest has the image as its subject
  const index = await skopeoInspect(`${reg.host}/models/fraud:${fallbackTag(res.digest)}`, { raw: true });
  assert.equal(index.manifests.length, 3);
  for (const d of index.manifests) {
    const m = await skopeoInspect(`${reg.host}/models/fraud@${d.digest}`, { raw: true });
    assert.equal(m.subject.digest, res.digest);
    assert.equal(m.artifactType, d.artifactType);
    assert.equal(m.config.mediaType, MediaType.empty);
  }

  const client = new RegistryClient(reg.host);
  try {
    const all = await listRegistryReferrers(client, "models/fraud", res.digest);
    assert.deepEqual(all.map((d) => d.artifactType).sort(), Object.values(ArtifactType).sort());
    const cards = await listRegistryReferrers(client, "models/fraud", res.digest, ArtifactType.modelCard);
    assert.equal(cards.length, 1);
    // the card comes back byte for byte
    const m = JSON.parse((await client.getManifest("models/fraud", cards[0].digest))!.bytes.toString("utf8"));
    const chunks: Buffer[] = [];
    for await (const c of await client.openBlob("models/fraud", m.layers[0].digest)) chunks.push(c as Buffer);
    assert.equal(Buffer.concat(chunks).toString("utf8"), "# fraud\n\nIntended use: tests.\n");
  } finally {
    client.close();
  }
});

test("attaching again does not list a record twice", async () => {
  const client = new RegistryClient(reg.host);
  try {
    const digest = (
      await skopeo(["inspect", "--tls-verify=false", "--format", "{{.Digest}}", `docker://${reg.host}/models/fraud:1`])
    ).trim();
    const raw = await client.getManifest("models/fraud", digest);
    const subj = { mediaType: raw!.mediaType, digest, size: raw!.bytes.byteLength };
    const a = artifactManifest(
      subj,
      {
        artifactType: ArtifactType.promotionRecord,
        mediaType: "application/json",
        title: "p.json",
        bytes: Buffer.from("{}\n"),
      },
      "2024-01-01T00:00:00Z",
    );
    await attachToRegistry(client, "models/fraud", a, subj);
    await attachToRegistry(client, "models/fraud", a, subj);
    const promos = await listRegistryReferrers(client, "models/fraud", digest, ArtifactType.promotionRecord);
    assert.equal(promos.filter((d) => d.digest === a.descriptor.digest).length, 1);
  } finally {
    client.close();
  }
});

test("records in a layout are listed by the same kind of function", async () => {
  const model = writeModel(work.dir);
  const { evalRecord, card } = records(work.dir, model);
  const out = join(work.dir, "layout");
  const r = await modelgate(
    [
      "package",
      "--base",
      "scratch",
      "--model",
      model,
      "--name",
      "fraud",
      "--layout",
      out,
      "--eval-record",
      evalRecord,
      "--model-card",
      card,
      "--json",
    ],
    work.dir,
  );
  assert.equal(r.code, 0, r.stderr);
  const list = await listLayoutReferrers(out, r.json().digest);
  assert.deepEqual(
    list.map((d) => d.artifactType).sort(),
    [ArtifactType.evaluationRecord, ArtifactType.modelCard].sort(),
  );
});

test("where a registry has the referrers API, the list comes from it and the fallback tag is not written", async () => {
  // a stand-in for a registry with the referrers API (docker-registry 2.8 has none): only the routes used here
  const seen: string[] = [];
  const listed = {
    schemaVersion: 2,
    mediaType: MediaType.index,
    manifests: [
      { mediaType: MediaType.manifest, digest: sha256Digest("a"), size: 1, artifactType: ArtifactType.modelCard },
    ],
  };
  const server = http.createServer((req, res) => {
    seen.push(`${req.method} ${req.url}`);
    req.resume();
    const url = req.url ?? "";
    if (url === "/v2/") return res.writeHead(200).end("{}");
    if (req.method === "HEAD" && url.includes("/blobs/")) return res.writeHead(200).end();
    if (req.method === "PUT" && url.includes("/manifests/")) {
      return res.writeHead(201, { "oci-subject": sha256Digest("subject") }).end();
    }
    if (req.method === "GET" && url.includes("/referrers/")) {
      return res.writeHead(200, { "content-type": MediaType.index }).end(JSON.stringify(listed));
    }
    res.writeHead(404).end();
  });
  const port = await freePort();
  await new Promise<void>((r) => server.listen(port, "127.0.0.1", r));
  const client = new RegistryClient(`127.0.0.1:${port}`);
  try {
    const subject = { mediaType: MediaType.index, digest: sha256Digest("subject"), size: 7 };
    const a = artifactManifest(
      subject,
      { artifactType: ArtifactType.modelCard, mediaType: "text/markdown", title: "c.md", bytes: Buffer.from("# c\n") },
      "2024-01-01T00:00:00Z",
    );
    const put = await attachToRegistry(client, "m", a, subject);
    assert.equal(put.via, "referrers-api");
    assert.ok(!seen.some((s) => s.includes(fallbackTag(subject.digest))), "no fallback tag");
    const list = await listRegistryReferrers(client, "m", subject.digest);
    assert.deepEqual(list, listed.manifests);
  } finally {
    client.close();
    await new Promise((r) => server.close(r));
  }
});
