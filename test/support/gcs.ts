import { createHash } from "node:crypto";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

/**
 * A stateful simulator of the Cloud Storage JSON API on a loopback port, for the real @google-cloud/storage client
 * (pointed at it by STORAGE_EMULATOR_HOST). No GCS emulator is packaged for npm or Debian here, so this one holds
 * the part modelgate uses to Google's published contract:
 * - the Objects resource (https://cloud.google.com/storage/docs/json_api/v1/objects): `size`, `generation` and
 *   `metageneration` as decimal strings; `md5Hash` the base64 of the MD5 digest (absent for composite objects);
 *   `crc32c` the base64 of the CRC32C (RFC 4960 Appendix B) in big-endian byte order;
 * - objects.get (https://cloud.google.com/storage/docs/json_api/v1/objects/get): GET /storage/v1/b/BUCKET/o/OBJECT
 *   gives the metadata, and with `alt=media` the data, honouring a `Range` header (206 with Content-Range; 416 past
 *   the end) and `generation` (a generation that is not the live one is 404, as in a bucket without versioning); the
 *   media response carries x-goog-generation, x-goog-metageneration, x-goog-hash (crc32c=…,md5=…),
 *   x-goog-stored-content-encoding and x-goog-stored-content-length, as the XML/JSON reference headers list them
 *   (https://cloud.google.com/storage/docs/json_api/v1/parameters);
 * - objects.insert (https://cloud.google.com/storage/docs/json_api/v1/objects/insert): POST
 *   /upload/storage/v1/b/BUCKET/o with uploadType=media (and `name`) or uploadType=multipart (metadata part, then media);
 * - errors as the JSON API's error body (https://cloud.google.com/storage/docs/json_api/v1/status-codes):
 *   {"error": {"code", "message", "errors": [{"domain": "global", "reason", "message"}]}}, 404 "notFound" for a
 *   missing bucket or object.
 * The Node client uses STORAGE_EMULATOR_HOST itself as its base URL when the variable is in its process environment
 * (requests to HOST/b/…), and HOST/storage/v1 when given the same address as apiEndpoint: both prefixes are served,
 * as fake-gcs-server serves them.
 */

export interface GcsObjectState {
  data: Buffer;
  generation: string;
  metageneration: string;
  contentType: string;
  updated: string;
  /** A composite object has a CRC32C but no MD5. */
  composite?: boolean;
}

export interface GcsSim {
  /** http://127.0.0.1:PORT: the value of STORAGE_EMULATOR_HOST. */
  endpoint: string;
  buckets: Map<string, Map<string, GcsObjectState>>;
  /** Every request, as "METHOD path?query [range]". */
  log: string[];
  /** Writes an object directly (a new generation), as another writer would. */
  put(bucket: string, name: string, data: Uint8Array | string, opts?: { composite?: boolean }): GcsObjectState;
  /**
   * Cuts the connection of the next media read of `name` after `bytes` bytes of body; `then` runs once it is cut (to
   * replace the object between a read and its resumption).
   */
  cutAfter(name: string, bytes: number, then?: () => void): void;
  close(): Promise<void>;
}

const CRC32C_TABLE = (() => {
  const t = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0x82f63b78 ^ (c >>> 1) : c >>> 1;
    t[n] = c >>> 0;
  }
  return t;
})();

/** CRC32C (Castagnoli, reflected, as RFC 4960 Appendix B computes it). */
export function crc32c(data: Uint8Array): number {
  let c = 0xffffffff;
  for (let i = 0; i < data.length; i++) c = CRC32C_TABLE[(c ^ data[i]) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function crc32cBase64(data: Uint8Array): string {
  const b = Buffer.alloc(4);
  b.writeUInt32BE(crc32c(data)); // big-endian byte order, as the Objects resource says
  return b.toString("base64");
}

const md5Base64 = (data: Uint8Array) => createHash("md5").update(data).digest("base64");

export async function startGcs(bucketNames: string[]): Promise<GcsSim> {
  const buckets = new Map<string, Map<string, GcsObjectState>>(bucketNames.map((b) => [b, new Map()]));
  const log: string[] = [];
  const cuts = new Map<string, { bytes: number; then?: () => void }>();
  let clock = 1_700_000_000_000_000;

  const resource = (bucket: string, name: string, o: GcsObjectState) => ({
    kind: "storage#object",
    id: `${bucket}/${name}/${o.generation}`,
    selfLink: `${endpoint}/storage/v1/b/${bucket}/o/${encodeURIComponent(name)}`,
    mediaLink: `${endpoint}/download/storage/v1/b/${bucket}/o/${encodeURIComponent(name)}?generation=${o.generation}&alt=media`,
    name,
    bucket,
    generation: o.generation,
    metageneration: o.metageneration,
    contentType: o.contentType,
    storageClass: "STANDARD",
    size: String(o.data.length),
    ...(o.composite ? { componentCount: 2 } : { md5Hash: md5Base64(o.data) }),
    crc32c: crc32cBase64(o.data),
    etag: Buffer.from(`${o.generation}/${o.metageneration}`).toString("base64"),
    timeCreated: o.updated,
    updated: o.updated,
  });

  const put: GcsSim["put"] = (bucket, name, data, opts = {}) => {
    const objects = buckets.get(bucket);
    if (!objects) throw new Error(`no bucket ${bucket} in the simulator`);
    clock += 1000;
    const o: GcsObjectState = {
      data: Buffer.from(data),
      generation: String(clock),
      metageneration: "1",
      contentType: "application/octet-stream",
      updated: new Date(Math.floor(clock / 1000)).toISOString(),
      composite: opts.composite,
    };
    objects.set(name, o);
    return o;
  };

  const fail = (res: ServerResponse, code: number, reason: string, message: string) => {
    const body = JSON.stringify({ error: { code, message, errors: [{ domain: "global", reason, message }] } });
    res.writeHead(code, {
      "content-type": "application/json; charset=UTF-8",
      "content-length": Buffer.byteLength(body),
    });
    res.end(body);
  };
  const json = (res: ServerResponse, value: unknown) => {
    const body = JSON.stringify(value);
    res.writeHead(200, {
      "content-type": "application/json; charset=UTF-8",
      "content-length": Buffer.byteLength(body),
    });
    res.end(body);
  };

  const media = (req: IncomingMessage, res: ServerResponse, name: string, o: GcsObjectState) => {
    const size = o.data.length;
    let start = 0;
    let end = size - 1;
    const range = req.headers.range;
    if (range !== undefined) {
      const m = /^bytes=(\d+)-(\d*)$/.exec(range);
      if (!m) return fail(res, 400, "invalid", `Invalid Range header: ${range}`);
      start = Number(m[1]);
      if (m[2] !== "") end = Math.min(Number(m[2]), size - 1);
      if (start >= size || end < start) {
        res.writeHead(416, { "content-range": `bytes */${size}` });
        return res.end();
      }
    }
    const headers: Record<string, string | number> = {
      "content-type": o.contentType,
      "content-length": end - start + 1,
      etag: Buffer.from(`${o.generation}/${o.metageneration}`).toString("base64"),
      "x-goog-generation": o.generation,
      "x-goog-metageneration": o.metageneration,
      "x-goog-stored-content-encoding": "identity",
      "x-goog-stored-content-length": size,
      "x-goog-hash": o.composite
        ? `crc32c=${crc32cBase64(o.data)}`
        : `crc32c=${crc32cBase64(o.data)},md5=${md5Base64(o.data)}`,
      "accept-ranges": "bytes",
    };
    if (range !== undefined) headers["content-range"] = `bytes ${start}-${end}/${size}`;
    res.writeHead(range !== undefined ? 206 : 200, headers);
    const body = o.data.subarray(start, end + 1);
    const cut = cuts.get(name);
    if (cut) {
      cuts.delete(name);
      res.write(body.subarray(0, cut.bytes), () =>
        setTimeout(() => {
          res.socket?.destroy();
          cut.then?.();
        }, 20),
      );
      return;
    }
    res.end(body);
  };

  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      const url = new URL(req.url ?? "/", "http://sim");
      const q = url.searchParams;
      log.push(`${req.method} ${url.pathname}${url.search}${req.headers.range ? ` [${req.headers.range}]` : ""}`);
      const body = Buffer.concat(chunks);
      // objects.insert
      const up = /^\/upload\/storage\/v1\/b\/([^/]+)\/o$/.exec(url.pathname);
      if (up && req.method === "POST") {
        const bucket = decodeURIComponent(up[1]);
        if (!buckets.has(bucket)) return fail(res, 404, "notFound", "The specified bucket does not exist.");
        const type = q.get("uploadType");
        if (type === "media") {
          const name = q.get("name");
          if (!name) return fail(res, 400, "required", "Required parameter: name");
          return json(res, resource(bucket, name, put(bucket, name, body)));
        }
        if (type === "multipart") {
          const parts = multipart(req.headers["content-type"] ?? "", body);
          if (parts?.length !== 2) return fail(res, 400, "invalid", "Invalid multipart request");
          const meta = JSON.parse(parts[0].toString("utf8")) as { name?: string };
          const name = q.get("name") ?? meta.name;
          if (!name) return fail(res, 400, "required", "Required parameter: name");
          return json(res, resource(bucket, name, put(bucket, name, parts[1])));
        }
        return fail(res, 400, "invalid", `Upload type ${type ?? "(none)"} is not supported by this simulator`);
      }
      // objects.get (metadata, or data with alt=media)
      const get = /^(?:\/storage\/v1|\/download\/storage\/v1)?\/b\/([^/]+)\/o\/(.+)$/.exec(url.pathname);
      if (get && req.method === "GET") {
        const bucket = decodeURIComponent(get[1]);
        const name = decodeURIComponent(get[2]);
        const objects = buckets.get(bucket);
        if (!objects) return fail(res, 404, "notFound", "The specified bucket does not exist.");
        const o = objects.get(name);
        const generation = q.get("generation");
        if (!o || (generation !== null && generation !== o.generation))
          return fail(res, 404, "notFound", `No such object: ${bucket}/${name}`);
        const alt = q.get("alt") ?? "json";
        if (alt === "media") return media(req, res, name, o);
        if (alt !== "json") return fail(res, 400, "invalidParameter", `Invalid value for alt: ${alt}`);
        return json(res, resource(bucket, name, o));
      }
      fail(res, 404, "notFound", `Not Found: ${req.method} ${url.pathname}`);
    });
  });
  await new Promise<void>((ok) => server.listen(0, "127.0.0.1", ok));
  const endpoint = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    endpoint,
    buckets,
    log,
    put,
    cutAfter(name, bytes, then) {
      cuts.set(name, { bytes, then });
    },
    close: () =>
      new Promise<void>((ok) => {
        server.closeAllConnections();
        server.close(() => ok());
      }),
  };
}

/** The parts of a multipart/related body (RFC 2387), without their headers. */
function multipart(contentType: string, body: Buffer): Buffer[] | undefined {
  const m = /boundary="?([^";]+)"?/.exec(contentType);
  if (!m) return undefined;
  const delimiter = Buffer.from(`--${m[1]}`);
  const parts: Buffer[] = [];
  let at = body.indexOf(delimiter);
  while (at >= 0) {
    const next = body.indexOf(delimiter, at + delimiter.length);
    if (next < 0) break;
    const part = body.subarray(at + delimiter.length, next);
    const headerEnd = part.indexOf("\r\n\r\n");
    if (headerEnd >= 0) parts.push(part.subarray(headerEnd + 4, part.length - 2));
    at = next;
  }
  return parts;
}
