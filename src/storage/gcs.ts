import { UserError } from "../errors.ts";
import { NetworkError, type StoredObject } from "./store.ts";

/**
 * An object in Google Cloud Storage (`gs://bucket/object`), read through Google's official client
 * (@google-cloud/storage, the JSON API): credentials from Application Default Credentials — GOOGLE_APPLICATION_
 * CREDENTIALS, `gcloud auth application-default login`, the metadata server, or in Actions the credentials file that
 * google-github-actions/auth writes for workload identity federation — never from a manifest or a record. The client's
 * own STORAGE_EMULATOR_HOST points it at another endpoint (an emulator; no credentials are sent there).
 *
 * Cloud Storage keeps an MD5 (not for composite objects) and a CRC32C of every object, never a SHA-256: `head` gives
 * the MD5 as a consistency hint (the same bytes have the same MD5), and the manifest's sha256 is checked by hashing
 * the bytes as they arrive, as for every store. A resumed read asks for the same generation of the object, so bytes
 * of a replaced object are never spliced onto the first part.
 */

type Sdk = typeof import("@google-cloud/storage");
type Client = InstanceType<Sdk["Storage"]>;
let loaded: Promise<Sdk> | undefined;

/** The client library, loaded on first use only (a bundle sees its CommonJS build: the exports may sit on `default`). */
function sdk(): Promise<Sdk> {
  loaded ??= import("@google-cloud/storage").then((m) =>
    (m as { Storage?: unknown }).Storage ? m : (m as unknown as { default: Sdk }).default,
  );
  return loaded;
}

/** Whether the client library has been loaded in this process (commands that touch no gs:// object never load it). */
export function gcsClientLoaded(): boolean {
  return loaded !== undefined;
}

const clients = new Map<string, Promise<Client>>();

/**
 * One client per endpoint. The command's environment says where (STORAGE_EMULATOR_HOST, the client's own variable),
 * since the library reads only the process's. Retries are modelgate's one policy (fetch.ts), not the library's too.
 */
function client(env: NodeJS.ProcessEnv): Promise<Client> {
  const endpoint = env.STORAGE_EMULATOR_HOST || undefined;
  const key = endpoint ?? "";
  let c = clients.get(key);
  if (!c) {
    c = sdk().then(
      ({ Storage }) =>
        new Storage({ ...(endpoint ? { apiEndpoint: endpoint } : {}), retryOptions: { autoRetry: false } }),
    );
    clients.set(key, c);
  }
  return c;
}

const CHAIN =
  "Application Default Credentials (GOOGLE_APPLICATION_CREDENTIALS, `gcloud auth application-default login`, the metadata server, or in Actions google-github-actions/auth with workload identity federation)";

export class GcsObject implements StoredObject {
  constructor(
    readonly name: string,
    private readonly bucket: string,
    private readonly key: string,
    private readonly env: NodeJS.ProcessEnv,
  ) {}

  /** Size, and the MD5 (hex) Cloud Storage keeps for an object written in one piece; never a SHA-256. */
  async head(): Promise<{ size?: number; sha256?: string; md5?: string }> {
    const file = (await client(this.env)).bucket(this.bucket).file(this.key);
    try {
      const [md] = await file.getMetadata();
      const size = typeof md.size === "string" || typeof md.size === "number" ? Number(md.size) : undefined;
      const md5 = typeof md.md5Hash === "string" ? Buffer.from(md.md5Hash, "base64") : undefined;
      return {
        size: Number.isSafeInteger(size) ? size : undefined,
        ...(md5?.length === 16 ? { md5: md5.toString("hex") } : {}),
      };
    } catch (err) {
      throw this.explain(err);
    }
  }

  /**
   * The bytes from `start` on, by objects.get with alt=media (the JSON API's download): a resumed read names the
   * generation the first read got (`version`) and sends a Range header, so a replaced object answers 404 rather than
   * other bytes, and is read again from the start. The request carries the client's credentials (its ADC auth
   * client; none for an emulator) and is sent with Node's fetch: the client's own createReadStream warns of an
   * EventEmitter leak on every download (MaxListenersExceededWarning, googleapis/google-cloud-node#9185, open at
   * @google-cloud/storage 8.x).
   */
  async read(
    start = 0,
    version?: string,
    end?: number,
  ): Promise<{ body: AsyncIterable<Uint8Array>; start: number; version?: string }> {
    const resume = (start > 0 && version !== undefined) || end !== undefined;
    const storage = await client(this.env);
    const url = new URL(
      `${storage.apiEndpoint}/storage/v1/b/${encodeURIComponent(this.bucket)}/o/${encodeURIComponent(this.key)}`,
    );
    url.searchParams.set("alt", "media");
    if (version) url.searchParams.set("generation", version);
    const headers = new Headers(this.env.STORAGE_EMULATOR_HOST ? {} : await this.credentials(storage, url));
    if (resume) headers.set("range", `bytes=${start}-${end === undefined ? "" : end - 1}`);
    let res: Response;
    try {
      res = await fetch(url, { headers });
    } catch (err) {
      const cause = (err as { cause?: { code?: string; message?: string } }).cause;
      throw new NetworkError(
        `cannot reach Cloud Storage for ${this.name}: ${cause?.code ?? cause?.message ?? (err as Error).message}`,
      );
    }
    if (!res.ok || !res.body) {
      const message = await errorMessage(res);
      // the generation is gone (the object was replaced or deleted since the first read): start again from byte 0
      // with what is there now, which the pinned digest then judges — never splice two generations
      if (resume && version !== undefined && res.status === 404) return this.read(0, undefined, end);
      throw this.explain({ code: res.status, message });
    }
    const range = res.headers.get("content-range");
    const ranged = resume && res.status === 206 && range?.startsWith(`bytes ${start}-`) === true;
    return {
      body: res.body as unknown as AsyncIterable<Uint8Array>,
      start: ranged ? start : 0,
      version: res.headers.get("x-goog-generation") ?? version,
    };
  }

  /** The Authorization header of the client's credentials (Application Default Credentials). */
  private async credentials(storage: Client, url: URL): Promise<Headers> {
    try {
      return await storage.authClient.getRequestHeaders(url);
    } catch (err) {
      throw this.explain(err);
    }
  }

  /** The client's failure as modelgate says it: what, which object, and what to do. */
  private explain(err: unknown): Error {
    const e = err as { code?: unknown; message?: string; name?: string };
    const code = status(err);
    const message = e.message ?? String(err);
    if (code === 404)
      return /bucket/i.test(message)
        ? new UserError(`${this.name}: the bucket ${this.bucket} does not exist (Cloud Storage answered 404)`)
        : new UserError(`${this.name} does not exist (Cloud Storage answered 404); check the bucket and object name`);
    if (code === 401 || code === 403)
      return new UserError(
        `${this.name}: Cloud Storage refused access (${code}: ${message}); give the identity of ${CHAIN} the storage.objects.get permission on the object`,
      );
    if (/default credentials|could not load the default|GOOGLE_APPLICATION_CREDENTIALS/i.test(message))
      return new UserError(
        `${this.name}: no usable Google Cloud credentials (${message.split("\n")[0]}); provide them through ${CHAIN}`,
      );
    if (code !== undefined && code >= 400 && code < 500 && code !== 408 && code !== 429)
      return new UserError(`${this.name}: Cloud Storage answered ${code} (${message})`);
    // a 5xx, a 429 or an unreachable endpoint: another attempt may meet it (fetch.ts retries)
    return new NetworkError(`cannot read ${this.name}: ${message}`);
  }
}

/** The HTTP status an error of the client carries (ApiError.code), when it is one. */
function status(err: unknown): number | undefined {
  const c = (err as { code?: unknown } | undefined)?.code;
  return typeof c === "number" ? c : typeof c === "string" && /^\d{3}$/.test(c) ? Number(c) : undefined;
}

/** The JSON API's error message (`{"error": {"code", "message"}}`), else the status text. */
async function errorMessage(res: Response): Promise<string> {
  const text = await res.text().catch(() => "");
  try {
    const m = (JSON.parse(text) as { error?: { message?: unknown } }).error?.message;
    if (typeof m === "string" && m) return m;
  } catch {
    // not JSON
  }
  return `${res.status} ${res.statusText}`.trim();
}
