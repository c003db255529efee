import { createReadStream, statSync } from "node:fs";
import { CheckFailed, UserError } from "../errors.ts";

/**
 * One object in a store, as the fetcher needs it: what the store says about it (size, and a SHA-256 checksum only
 * when the store computed it over the whole object) and its bytes as a stream, from an offset on (to resume a cut
 * download). Each store speaks through its own official client: the AWS SDK for S3 (s3.ts), fetch for https
 * (and the GCS JSON API, gcs.ts), the file system for a DVC remote on disk.
 *
 * This is the whole interface a new store implements (gs:// plugs in here, in `objectFor` of source.ts): the
 * fetcher (fetch.ts) streams `read`'s body through the hash into the cache's temp file while the data reader
 * parses it, resumes a cut body with `read(written, version)` (the hash goes on over the resumed range; a store that
 * answers from byte 0 instead is checked to send the same bytes again), and moves the file into the cache only once
 * the whole object arrived and matched its pin.
 */
export interface StoredObject {
  /** The URL (or path) as the manifest or DVC names it, for messages. */
  readonly name: string;
  /**
   * Size and, when the store computed one over the whole object, its SHA-256 (hex); `md5` (hex) when the store keeps
   * only that (Cloud Storage): a consistency hint, never a pin.
   */
  head(): Promise<{ size?: number; sha256?: string; md5?: string }>;
  /**
   * The bytes from `start` on (to `end`, exclusive, when given: a block of a shard's part, storage/blocks.ts).
   * `version` (returned by the first read) ties a resumed read to the same object: a store that cannot promise it, or
   * that ignores the range, answers with `start: 0` and the whole object (a reader of a block skips to its start and
   * stops at its end; it checks the block's digest either way).
   */
  read(
    start?: number,
    version?: string,
    end?: number,
  ): Promise<{
    body: AsyncIterable<Uint8Array>;
    start: number;
    version?: string;
    /** The whole object's size, when the answer tells it (lets a reader parse an unpinned object as it arrives). */
    size?: number;
  }>;
}

/** A file on this machine: a DVC remote on disk (or DVC's own cache). */
export class FileObject implements StoredObject {
  constructor(readonly name: string) {}
  async head() {
    try {
      return { size: statSync(this.name).size };
    } catch {
      throw new UserError(`${this.name} does not exist`);
    }
  }
  async read(start = 0, _version?: string, end?: number) {
    const { size } = await this.head();
    const to = end === undefined ? {} : { end: end - 1 };
    return { body: createReadStream(this.name, { start, ...to, highWaterMark: 1 << 20 }), start, size };
  }
}

/** An object over https (or http on a loopback address): fetch, with a Range request to resume. */
export class HttpObject implements StoredObject {
  constructor(
    readonly name: string,
    private readonly url = name,
    private readonly headers: () => Promise<Record<string, string>> = async () => ({}),
  ) {}

  async head() {
    const res = await this.request("HEAD", {});
    const len = res.headers.get("content-length");
    return { size: len !== null && /^\d+$/.test(len) ? Number(len) : undefined };
  }

  async read(start = 0, version?: string, end?: number) {
    const extra: Record<string, string> = {};
    const ranged = end !== undefined || (start > 0 && version !== undefined);
    if (ranged) extra.range = `bytes=${start}-${end === undefined ? "" : end - 1}`;
    if (ranged && version) extra["if-range"] = version;
    const res = await this.request("GET", extra);
    if (!res.body) throw new UserError(`${this.name}: the server sent no body`);
    const resumed = res.status === 206 && (start > 0 || end !== undefined);
    const etag = res.headers.get("etag") ?? undefined;
    // only a strong validator may tie two ranges to one object (RFC 9110 §13.1.5)
    const strong = etag && !etag.startsWith("W/") ? etag : (res.headers.get("last-modified") ?? undefined);
    const len = res.headers.get("content-length");
    // the length of the bytes fetch hands over: not when they were sent compressed (fetch inflates them)
    const encoded = (res.headers.get("content-encoding") ?? "identity").toLowerCase() !== "identity";
    const size = res.status === 200 && !encoded && len !== null && /^\d+$/.test(len) ? Number(len) : undefined;
    return {
      body: res.body as unknown as AsyncIterable<Uint8Array>,
      start: resumed ? start : 0,
      version: strong,
      size,
    };
  }

  private async request(method: string, extra: Record<string, string>): Promise<Response> {
    let res: Response;
    try {
      res = await fetch(this.url, { method, headers: { ...(await this.headers()), ...extra }, redirect: "follow" });
    } catch (err) {
      const cause = (err as { cause?: { code?: string; message?: string } }).cause;
      throw new NetworkError(
        `cannot reach ${this.name}: ${cause?.code ?? cause?.message ?? (err as Error).message}; check the URL and the network`,
      );
    }
    if (res.ok) return res;
    await res.body?.cancel().catch(() => undefined);
    if (res.status === 404 || res.status === 410)
      throw new UserError(`${this.name} does not exist (the server answered ${res.status}); check the URL`);
    if (res.status === 401 || res.status === 403)
      throw new UserError(
        `${this.name}: the server refused access (${res.status}); modelgate sends no credentials over https, so make the object readable, or keep it in a store with a credential chain (s3://, gs://)`,
      );
    const err = new NetworkError(`${this.name}: the server answered ${res.status} ${res.statusText}`);
    if (res.status >= 500 || res.status === 429) err.retryable = true;
    else throw new UserError(err.message);
    throw err;
  }
}

/**
 * A failure of the network or of the store's server that another attempt may not meet: a download retries it; where
 * it ends a command, it is a failed step (exit 1) with what could not be reached.
 */
export class NetworkError extends CheckFailed {
  retryable = true;
  constructor(message: string) {
    super(message);
    this.name = "NetworkError";
  }
}
