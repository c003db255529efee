import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { CreateBucketCommand, PutObjectCommand, S3Client } from "@aws-sdk/client-s3";
import S3rver from "s3rver";

/**
 * An S3-compatible server on a free loopback port (npm s3rver, files in a temp folder), and the real AWS SDK client
 * that puts objects into it. modelgate reaches it as users reach MinIO: AWS_ENDPOINT_URL_S3 and path-style
 * addressing; the credentials are s3rver's fixed pair, given through the SDK's default chain (the environment).
 */
export interface S3Fixture {
  endpoint: string;
  dir: string;
  client: S3Client;
  /** The environment a command needs to read from it (and a fresh cache folder). */
  env: Record<string, string>;
  put(bucket: string, key: string, body: Uint8Array | string, opts?: { sha256?: boolean }): Promise<void>;
  close(): Promise<void>;
}

export async function startS3(buckets: string[]): Promise<S3Fixture> {
  const dir = mkdtempSync(join(tmpdir(), "mg-s3rver-"));
  const server = new S3rver({ port: 0, address: "127.0.0.1", silent: true, directory: dir });
  const { port } = await server.run();
  const endpoint = `http://127.0.0.1:${port}`;
  // the SDK's default credential chain reads the process's environment
  process.env.AWS_ACCESS_KEY_ID = "S3RVER";
  process.env.AWS_SECRET_ACCESS_KEY = "S3RVER";
  process.env.AWS_REGION = "us-east-1";
  process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = "true";
  const client = new S3Client({ endpoint, forcePathStyle: true, requestChecksumCalculation: "WHEN_REQUIRED" });
  for (const b of buckets) await client.send(new CreateBucketCommand({ Bucket: b }));
  const env = {
    AWS_ENDPOINT_URL_S3: endpoint,
    AWS_ACCESS_KEY_ID: "S3RVER",
    AWS_SECRET_ACCESS_KEY: "S3RVER",
    AWS_REGION: "us-east-1",
    MODELGATE_S3_FORCE_PATH_STYLE: "1",
    MODELGATE_CACHE: mkdtempSync(join(tmpdir(), "mg-cache-")),
  };
  return {
    endpoint,
    dir,
    client,
    env,
    async put(bucket, key, body, opts = {}) {
      await client.send(
        new PutObjectCommand({
          Bucket: bucket,
          Key: key,
          Body: body,
          ...(opts.sha256 ? { ChecksumAlgorithm: "SHA256" } : {}),
        }),
      );
    },
    async close() {
      client.destroy();
      await server.close();
    },
  };
}
