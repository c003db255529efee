import assert from "node:assert/strict";
import { test } from "node:test";
import { datasetSchema } from "../../src/manifest/schema.ts";
import { shardJobs } from "../../src/plan/changes.ts";
import { parseLfsPointer } from "../../src/storage/lfs.ts";
import { contentName, objectUrlProblem, parseLocation } from "../../src/storage/location.ts";
import { forcePathStyle, trustedSha256 } from "../../src/storage/s3.ts";

test("a manifest's path names a work-tree file, a store object or a DVC output", () => {
  assert.deepEqual(parseLocation("data.csv"), { kind: "file", path: "data.csv" });
  assert.deepEqual(parseLocation("s3://bucket/a/b.parquet"), {
    kind: "object",
    url: "s3://bucket/a/b.parquet",
    scheme: "s3",
    bucket: "bucket",
    key: "a/b.parquet",
  });
  assert.equal(parseLocation("https://example.com/d.csv").kind, "object");
  assert.deepEqual(parseLocation("transactions.csv.dvc"), { kind: "dvc", file: "transactions.csv.dvc" });
  assert.deepEqual(parseLocation("../dvc.lock#data/prepared.csv"), {
    kind: "dvc",
    file: "../dvc.lock",
    out: "data/prepared.csv",
  });
  // a # in an ordinary file name is part of the name
  assert.deepEqual(parseLocation("a#b.csv"), { kind: "file", path: "a#b.csv" });
  assert.equal(contentName("s3://b/k/data.parquet"), "k/data.parquet");
  assert.equal(contentName("https://h/x/data.csv?sig=1"), "/x/data.csv");
  assert.equal(contentName("data.csv.dvc"), "data.csv");
  assert.equal(contentName("dvc.lock#out/p.jsonl"), "out/p.jsonl");
});

test("store URLs in a manifest: a key, no credentials, plain http only on loopback; other schemes refused", () => {
  assert.equal(objectUrlProblem("s3://bucket/key.csv"), undefined);
  assert.match(objectUrlProblem("s3://bucket") ?? "", /needs a bucket and a key/);
  assert.match(objectUrlProblem("s3://bucket/folder/") ?? "", /names a folder/);
  assert.match(objectUrlProblem("https://user:pw@host/x.csv") ?? "", /holds credentials/);
  assert.match(objectUrlProblem("http://example.com/x.csv") ?? "", /use https/);
  assert.equal(objectUrlProblem("http://127.0.0.1:8080/x.csv"), undefined);
  const ds = (path: string) =>
    datasetSchema.safeParse({
      apiVersion: "modelgate.dev/v1alpha1",
      kind: "Dataset",
      metadata: { name: "d" },
      spec: { path, columns: [{ name: "x", type: "float" }] },
    });
  assert.ok(ds("s3://b/d.csv").success);
  assert.ok(ds("d.csv.dvc").success);
  const ftp = ds("ftp://host/d.csv");
  assert.ok(!ftp.success);
  assert.match(ftp.error.issues[0].message, /not one modelgate reads/);
  assert.match((ds("/abs/d.csv") as any).error.issues[0].message, /relative path/);
});

test("S3's checksum is trusted only when it is a SHA-256 of the whole object", () => {
  const digest = Buffer.alloc(32, 7);
  assert.equal(trustedSha256(digest.toString("base64"), "FULL_OBJECT"), digest.toString("hex"));
  assert.equal(trustedSha256(digest.toString("base64"), undefined), digest.toString("hex"));
  assert.equal(trustedSha256(`${digest.toString("base64")}-3`, "COMPOSITE"), undefined, "a multipart upload's");
  assert.equal(trustedSha256(undefined, undefined), undefined);
  assert.equal(forcePathStyle({ MODELGATE_S3_FORCE_PATH_STYLE: "1" }, undefined), true);
  assert.equal(forcePathStyle({ MODELGATE_S3_FORCE_PATH_STYLE: "0" }, true), false);
  assert.equal(forcePathStyle({}, true), true);
  assert.equal(forcePathStyle({}, undefined), false);
});

test("a git-lfs pointer is recognised by its version line, oid and size", () => {
  const oid = "4d7a214614ab2935c943f9e0ff69d22eadbb8f32b1258daaa5e2ca24d17e2393";
  assert.deepEqual(parseLfsPointer(`version https://git-lfs.github.com/spec/v1\noid sha256:${oid}\nsize 12345\n`), {
    sha256: oid,
    size: 12345,
  });
  assert.equal(parseLfsPointer("x,y\n1,2\n"), undefined);
  assert.equal(parseLfsPointer("version https://git-lfs.github.com/spec/v1\nsize 1\n"), undefined);
});

test("plan's shard matrix: one job per shard of each sharded model, in order", () => {
  assert.deepEqual(shardJobs({ b: 2, a: 1 }), [
    { model: "a", shard: "1/1", index: 1, count: 1 },
    { model: "b", shard: "1/2", index: 1, count: 2 },
    { model: "b", shard: "2/2", index: 2, count: 2 },
  ]);
});

test("gs:// names a Cloud Storage object, read through its client, which is not loaded until an object is read", async () => {
  const { objectFor } = await import("../../src/storage/source.ts");
  const { GcsObject, gcsClientLoaded } = await import("../../src/storage/gcs.ts");
  const o = objectFor({ env: {} }, "gs://bucket/dir/data.csv");
  assert.ok(o instanceof GcsObject);
  assert.equal(o.name, "gs://bucket/dir/data.csv");
  assert.equal(gcsClientLoaded(), false);
});
