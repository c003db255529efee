import { UserError } from "../errors.ts";
import { NetworkError, type StoredObject } from "./store.ts";

/**
 * An object in S3 or an S3-compatible store (MinIO, Ceph, R2), read through the official AWS SDK: credentials from
 * its default provider chain (environment, shared files, SSO, web identity — the OIDC role of
 * aws-actions/configure-aws-credentials in Actions), the endpoint from the SDK's own AWS_ENDPOINT_URL_S3 (or a DVC
 * remote's endpointurl), path-style addressing when asked. Nothing here signs a request by hand.
 */

export interface S3Options {
  /** Address buckets as ENDPOINT/BUCKET (MODELGATE_S3_FORCE_PATH_STYLE=1 or storage.s3.forcePathStyle). */
  forcePathStyle?: boolean;
  /** An endpoint other than the SDK's (a DVC remote's endpointurl); default: the SDK's own resolution. */
  endpoint?: string;
  env?: NodeJS.ProcessEnv;
}

type Sdk = typeof import("@aws-sdk/client-s3");
let loaded: Promise<Sdk> | undefined;

/** The SDK, loaded on first use (a bundle sees its CommonJS build: the exports may sit on `default`). */
function sdk(): Promise<Sdk> {
  loaded ??= import("@aws-sdk/client-s3").then((m) =>
    (m as { S3Client?: unknown }).S3Client ? m : (m as unknown as { default: Sdk }).default,
  );
  return loaded;
}
const clients = new Map<string, Promise<InstanceType<Sdk["S3Client"]>>>();

/** One client per endpoint and addressing style, its region from the SDK's chain, else us-east-1 with redirects. */
async function client(opts: S3Options) {
  // the SDK reads AWS_ENDPOINT_URL_S3 (and AWS_ENDPOINT_URL) from the process; the command's environment says it here
  const env = opts.env ?? process.env;
  const endpoint = opts.endpoint ?? (env.AWS_ENDPOINT_URL_S3 || env.AWS_ENDPOINT_URL || undefined);
  const key = `${endpoint ?? ""}|${opts.forcePathStyle ? 1 : 0}`;
  let c = clients.get(key);
  if (!c) {
    c = (async () => {
      // The SDK warns on Node 20 that its releases after January 2027 need Node 22: a note for modelgate's
      // maintainers (who pin the SDK), not for the person running a command.
      process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= "true";
      const { S3Client } = await sdk();
      const base = {
        forcePathStyle: opts.forcePathStyle,
        followRegionRedirects: true,
        ...(endpoint ? { endpoint } : {}),
      };
      const first = new S3Client(base);
      try {
        await first.config.region();
        return first;
      } catch {
        first.destroy();
        // no region configured anywhere: any region reaches a custom endpoint, and AWS redirects to the bucket's
        return new S3Client({ ...base, region: "us-east-1" });
      }
    })();
    clients.set(key, c);
  }
  return c;
}

/** Whether S3 path-style addressing is asked for: MODELGATE_S3_FORCE_PATH_STYLE=1 (or true), else the setting. */
export function forcePathStyle(env: NodeJS.ProcessEnv, setting: boolean | undefined): boolean {
  const v = env.MODELGATE_S3_FORCE_PATH_STYLE?.trim().toLowerCase();
  if (v === "1" || v === "true") return true;
  if (v === "0" || v === "false") return false;
  return setting ?? false;
}

export class S3Object implements StoredObject {
  constructor(
    readonly name: string,
    private readonly bucket: string,
    private readonly key: string,
    private readonly opts: S3Options,
  ) {}

  async head() {
    const { HeadObjectCommand } = await sdk();
    const c = await client(this.opts);
    try {
      const r = await c.send(new HeadObjectCommand({ Bucket: this.bucket, Key: this.key, ChecksumMode: "ENABLED" }));
      return { size: r.ContentLength, sha256: trustedSha256(r.ChecksumSHA256, r.ChecksumType) };
    } catch (err) {
      throw this.explain(err);
    }
  }

  async read(start = 0, version?: string, end?: number) {
    const { GetObjectCommand } = await sdk();
    const c = await client(this.opts);
    const resume = (start > 0 && version !== undefined) || end !== undefined;
    const range = `bytes=${start}-${end === undefined ? "" : end - 1}`;
    try {
      const r = await c.send(
        new GetObjectCommand({
          Bucket: this.bucket,
          Key: this.key,
          ...(resume ? { Range: range } : {}),
          ...(resume && version ? { IfMatch: version } : {}),
        }),
      );
      if (!r.Body) throw new NetworkError(`${this.name}: the store sent no body`);
      const ranged = resume && typeof r.ContentRange === "string" && r.ContentRange.startsWith(`bytes ${start}-`);
      const size = ranged ? undefined : r.ContentLength;
      return { body: r.Body as AsyncIterable<Uint8Array>, start: ranged ? start : 0, version: r.ETag, size };
    } catch (err) {
      throw this.explain(err);
    }
  }

  /** The SDK's failure as modelgate says it: what, which object, and what to do. */
  private explain(err: unknown): Error {
    const e = err as { name?: string; message?: string; $metadata?: { httpStatusCode?: number } };
    const status = e.$metadata?.httpStatusCode;
    const chain =
      "the AWS SDK's default credential chain (AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY, AWS_PROFILE, SSO, or a web-identity role: aws-actions/configure-aws-credentials in Actions)";
    if (e.name === "NoSuchKey" || e.name === "NotFound" || status === 404)
      return new UserError(`${this.name} does not exist (the store answered 404); check the bucket and key`);
    if (e.name === "NoSuchBucket") return new UserError(`${this.name}: the bucket ${this.bucket} does not exist`);
    if (e.name === "CredentialsProviderError")
      return new UserError(`${this.name}: no AWS credentials found; provide them through ${chain}`);
    if (
      status === 403 ||
      e.name === "AccessDenied" ||
      e.name === "InvalidAccessKeyId" ||
      e.name === "SignatureDoesNotMatch"
    )
      return new UserError(
        `${this.name}: the store refused access (${e.name ?? status}); give the credentials of ${chain} read access to the object`,
      );
    if (e.name === "PreconditionFailed" || status === 412)
      return new NetworkError(`${this.name} changed while it was being read`);
    if (status !== undefined && status < 500 && status !== 429)
      return new UserError(`${this.name}: the store answered ${status} (${e.name}: ${e.message})`);
    return new NetworkError(`cannot read ${this.name}: ${e.name ?? "error"}: ${e.message ?? String(err)}`);
  }
}

/**
 * S3's SHA-256 of the whole object (hex), when it has one: an object uploaded with a SHA-256 checksum in one part.
 * A multipart upload's checksum is a checksum of the parts' checksums ("…-N", ChecksumType COMPOSITE): no digest
 * of the bytes, so it is not trusted.
 */
export function trustedSha256(checksum: string | undefined, type: string | undefined): string | undefined {
  if (!checksum || type === "COMPOSITE" || checksum.includes("-")) return undefined;
  const bytes = Buffer.from(checksum, "base64");
  return bytes.length === 32 ? bytes.toString("hex") : undefined;
}
