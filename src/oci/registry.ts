import http from "node:http";
import https from "node:https";
import { PassThrough, Readable, type Writable } from "node:stream";
import { CheckFailed, environmentFailure, ModelgateError, UserError } from "../errors.ts";
import { parseRetryAfter, withRetry } from "../util/retry.ts";
import type { Blob } from "./blob.ts";
import { apiHost, isLoopback } from "./reference.ts";
import { type Descriptor, type ImageIndex, MANIFEST_TYPES, sha256Digest } from "./types.ts";

/**
 * A client for the OCI distribution API (distribution-spec v1.1): ping, Basic and Bearer-token auth (the
 * WWW-Authenticate challenge, as ghcr.io and Docker Hub use), blobs (HEAD, cross-repository mount, monolithic and
 * chunked uploads streamed from disk, retried), manifests, and the referrers API. Plain HTTP only for loopback hosts.
 */
export interface Credentials {
  username: string;
  password: string;
}

export interface RegistryOptions {
  credentials?: Credentials;
  /** Attempts after the first on 5xx, 429 and dropped connections (default 5). */
  retries?: number;
  /** The first backoff delay, doubled on each retry and jittered (default 500 ms); a Retry-After answer wins. */
  retryDelayMs?: number;
  /** Upload blobs larger than this in PATCH chunks of this size; 0 (default) uploads each blob in one PUT. */
  chunkSize?: number;
  /** Where retries and notes go (a line each). */
  log?: (line: string) => void;
  /**
   * How long an exchange may go without a byte either way before the attempt is given up (default 30 s;
   * MODELGATE_REGISTRY_TIMEOUT in seconds). An upload that keeps moving is never cut.
   */
  timeoutMs?: number;
  /**
   * How long a request may keep retrying: no retry starts after this (default 120 s; MODELGATE_REGISTRY_BUDGET in
   * seconds), so a registry that is down or hangs fails within the budget and one timeout.
   */
  budgetMs?: number;
}

/** The defaults of RegistryOptions' timeoutMs and budgetMs. */
export const REGISTRY_TIMEOUT_MS = 30_000;
export const REGISTRY_BUDGET_MS = 120_000;

/** timeoutMs and budgetMs from MODELGATE_REGISTRY_TIMEOUT and MODELGATE_REGISTRY_BUDGET (seconds); a bad value is a UserError. */
export function registryTuning(env: NodeJS.ProcessEnv): Pick<RegistryOptions, "timeoutMs" | "budgetMs"> {
  const out: Pick<RegistryOptions, "timeoutMs" | "budgetMs"> = {};
  for (const [name, key] of [
    ["MODELGATE_REGISTRY_TIMEOUT", "timeoutMs"],
    ["MODELGATE_REGISTRY_BUDGET", "budgetMs"],
  ] as const) {
    const v = env[name];
    if (v === undefined || v === "") continue;
    const n = Number(v);
    if (!Number.isFinite(n) || n <= 0)
      throw new UserError(`${name}="${v}" is not a number of seconds above 0; set e.g. ${name}=60`);
    out[key] = Math.round(n * 1000);
  }
  return out;
}

const seconds = (ms: number) => `${Math.round(ms / 100) / 10} s`;

interface Response {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: http.IncomingMessage;
}

/** What a request sends: a stream, bytes, or a writer that writes into the request (and does not end it). */
type Writer = (dest: Writable, signal: AbortSignal) => Promise<void>;
type Body = () => Readable | Uint8Array | Writer;

/** A failure worth retrying: a 5xx or 429 answer (with the wait its Retry-After asks for), or a connection that broke. */
class Transient extends Error {
  constructor(
    message: string,
    readonly retryAfterMs?: number,
  ) {
    super(message);
  }
}

/** The Transient error for a 5xx or 429 answer: what was asked, the status, and the server's Retry-After. */
function busy(what: string, res: Response, why?: string): Transient {
  const after = parseRetryAfter(res.headers["retry-after"]);
  const asked = after === undefined ? "" : ` (Retry-After: ${Math.round(after / 1000)} s)`;
  return new Transient(`${what} answered ${res.status}${asked}${why ? `: ${why}` : ""}`, after);
}

const NETWORK_CODES = new Set([
  "ECONNRESET",
  "EPIPE",
  "ECONNREFUSED",
  "ETIMEDOUT",
  "ECONNABORTED",
  "EAI_AGAIN",
  "UND_ERR_SOCKET",
]);

/**
 * What reached the caller after the retries, as a person should see it: modelgate's own errors and the machine's (a
 * full disk under a layout) as they are; a 5xx or 429 answer, or a connection that failed (refused, unknown host,
 * TLS), as a failed check (exit 1) saying so.
 */
export function registryFailure(err: unknown): unknown {
  // a full disk or a read-only layout is the machine's failure (src/errors.ts names the file), not the registry's
  if (err instanceof ModelgateError || environmentFailure(err)) return err;
  const code = (err as NodeJS.ErrnoException)?.code;
  if (err instanceof Transient) return new CheckFailed(`the registry failed: ${err.message}; try again later`);
  if (typeof code === "string") {
    return new CheckFailed(
      `cannot talk to the registry: ${(err as Error).message}; check that an OCI registry runs there and that the host and port are right`,
    );
  }
  return err;
}

function isTransient(err: unknown): boolean {
  if (err instanceof Transient) return true;
  const code = (err as NodeJS.ErrnoException)?.code;
  return typeof code === "string" && (NETWORK_CODES.has(code) || code === "ERR_STREAM_PREMATURE_CLOSE");
}

async function readAll(res: http.IncomingMessage, limit = 8 << 20): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const c of res) {
    size += (c as Buffer).byteLength;
    if (size > limit) {
      res.destroy();
      throw new Error(`response larger than ${limit} bytes`);
    }
    chunks.push(c as Buffer);
  }
  return Buffer.concat(chunks);
}

function drain(res: http.IncomingMessage): Promise<void> {
  return new Promise((resolve) => {
    res.on("end", resolve);
    res.on("error", () => resolve());
    res.on("close", resolve);
    res.resume();
  });
}

/** Parses `Bearer realm="…",service="…",scope="…"` (or Basic). */
export function parseChallenge(header: string): { scheme: string; params: Record<string, string> } {
  const m = /^\s*(\w+)\s*(.*)$/s.exec(header);
  if (!m) return { scheme: "", params: {} };
  const params: Record<string, string> = {};
  for (const p of m[2].matchAll(/([\w-]+)\s*=\s*(?:"((?:[^"\\]|\\.)*)"|([^\s,]*))/g)) {
    params[p[1].toLowerCase()] = (p[2] ?? p[3] ?? "").replace(/\\(.)/g, "$1");
  }
  return { scheme: m[1].toLowerCase(), params };
}

async function errorText(res: Response): Promise<string> {
  try {
    const text = (await readAll(res.body, 64 << 10)).toString("utf8");
    const json = JSON.parse(text) as { errors?: { code?: string; message?: string; detail?: unknown }[] };
    if (json.errors?.length) return json.errors.map((e) => [e.code, e.message].filter(Boolean).join(": ")).join("; ");
    return text.slice(0, 300);
  } catch {
    return "";
  }
}

export function pushScope(repo: string): string {
  return `repository:${repo}:pull,push`;
}
export function pullScope(repo: string): string {
  return `repository:${repo}:pull`;
}

export class RegistryClient {
  readonly registry: string;
  readonly baseUrl: URL;
  private readonly agent: http.Agent;
  private challenge?: { scheme: string; params: Record<string, string> };
  private readonly tokens = new Map<string, string>();
  private readonly retries: number;
  private readonly retryDelayMs: number;
  readonly chunkSize: number;

  constructor(
    registry: string,
    private readonly opts: RegistryOptions = {},
  ) {
    this.registry = registry;
    const plain = isLoopback(registry);
    this.baseUrl = new URL(`${plain ? "http" : "https"}://${apiHost(registry)}`);
    this.agent = plain ? new http.Agent({ keepAlive: true }) : new https.Agent({ keepAlive: true });
    this.retries = opts.retries ?? 5;
    this.retryDelayMs = opts.retryDelayMs ?? 500;
    this.chunkSize = opts.chunkSize ?? 0;
  }

  close(): void {
    this.agent.destroy();
  }

  private log(line: string): void {
    this.opts.log?.(line);
  }

  /** One HTTP exchange; the body is streamed. Rejects on a broken connection. */
  private exchange(
    method: string,
    url: URL,
    headers: Record<string, string>,
    body?: Readable | Uint8Array | Writer,
  ): Promise<Response> {
    return new Promise((resolve, reject) => {
      const mod = url.protocol === "https:" ? https : http;
      const req = mod.request(url, { method, headers, agent: url.host === this.baseUrl.host ? this.agent : undefined });
      const idle = this.opts.timeoutMs ?? REGISTRY_TIMEOUT_MS;
      req.setTimeout(idle, () => {
        const err = new Error(
          `${method} ${url.pathname}: nothing sent or received for ${seconds(idle)} (MODELGATE_REGISTRY_TIMEOUT)`,
        ) as NodeJS.ErrnoException;
        err.code = "ETIMEDOUT";
        req.destroy(err);
      });
      let settled = false;
      const stop = new AbortController();
      const fail = (err: Error) => {
        if (body instanceof Readable) body.destroy();
        stop.abort();
        if (!settled) {
          settled = true;
          reject(err);
        }
      };
      req.on("error", fail);
      req.on("response", (res) => {
        if (body instanceof Readable && !body.readableEnded) {
          body.unpipe(req);
          body.destroy();
        }
        stop.abort();
        settled = true;
        res.on("error", () => {});
        resolve({ status: res.statusCode ?? 0, headers: res.headers, body: res });
      });
      if (body instanceof Readable) {
        body.on("error", (err) => req.destroy(err));
        body.pipe(req);
      } else if (typeof body === "function") {
        body(req, stop.signal).then(
          () => {
            if (!stop.signal.aborted) req.end();
          },
          (err: Error) => req.destroy(err),
        );
      } else {
        req.end(body);
      }
    });
  }

  private async authorization(scopes: string[]): Promise<string | undefined> {
    const c = this.challenge;
    if (!c) return undefined;
    const creds = this.opts.credentials;
    if (c.scheme === "basic") {
      if (!creds) return undefined;
      return `Basic ${Buffer.from(`${creds.username}:${creds.password}`).toString("base64")}`;
    }
    if (c.scheme === "bearer") {
      const key = [...scopes].sort().join(" ");
      let token = this.tokens.get(key);
      if (!token) {
        token = await this.fetchToken(c.params, scopes);
        this.tokens.set(key, token);
      }
      return `Bearer ${token}`;
    }
    return undefined;
  }

  /** The Bearer token flow: GET realm?service=…&scope=…, with Basic credentials when there are some. */
  private async fetchToken(params: Record<string, string>, scopes: string[]): Promise<string> {
    if (!params.realm) throw new CheckFailed(`registry ${this.registry} asked for a Bearer token without a realm`);
    const url = new URL(params.realm);
    if (url.protocol === "http:" && !isLoopback(url.host)) {
      throw new UserError(
        `registry ${this.registry}: token realm ${params.realm} is plain HTTP; refusing to send credentials`,
      );
    }
    if (params.service) url.searchParams.set("service", params.service);
    for (const s of scopes) url.searchParams.append("scope", s);
    const headers: Record<string, string> = { accept: "application/json" };
    const creds = this.opts.credentials;
    if (creds) headers.authorization = `Basic ${Buffer.from(`${creds.username}:${creds.password}`).toString("base64")}`;
    const res = await this.withRetry(`token ${url.host}`, () => this.exchange("GET", url, headers));
    if (res.status === 401 || res.status === 403) {
      const why = await errorText(res);
      throw new UserError(
        `registry ${this.registry}: the token service refused ${creds ? `the credentials of "${creds.username}"` : "an anonymous request"} ` +
          `for ${scopes.join(" ")} (${res.status}${why ? `: ${why}` : ""}); set MODELGATE_REGISTRY_USERNAME and MODELGATE_REGISTRY_PASSWORD (or GITHUB_TOKEN for ghcr.io)`,
      );
    }
    if (res.status !== 200)
      throw new CheckFailed(`registry ${this.registry}: token service answered ${res.status}: ${await errorText(res)}`);
    const json = JSON.parse((await readAll(res.body)).toString("utf8")) as { token?: string; access_token?: string };
    const token = json.token ?? json.access_token;
    if (!token) throw new CheckFailed(`registry ${this.registry}: token service gave no token`);
    return token;
  }

  /**
   * `fn` under modelgate's retry policy (src/util/retry.ts) for transient failures, within the retry budget: a log
   * line per retry; the error that ends the retries says how many were made and why they stopped.
   */
  private async withRetry<T>(what: string, fn: () => Promise<T>, verb = "retrying"): Promise<T> {
    const budget = this.opts.budgetMs ?? REGISTRY_BUDGET_MS;
    const started = Date.now();
    let made = 0;
    let stopped: string | undefined;
    try {
      return await withRetry(fn, {
        retries: this.retries,
        baseMs: this.retryDelayMs,
        maxMs: budget,
        retryable: (err) => {
          if (!isTransient(err)) return false;
          const left = started + budget - Date.now();
          const asked = err instanceof Transient ? err.retryAfterMs : undefined;
          if (asked !== undefined && asked > left) {
            stopped = `the registry asked to wait ${seconds(asked)}, more than the ${seconds(Math.max(0, left))} left of the retry budget (${seconds(budget)}; MODELGATE_REGISTRY_BUDGET)`;
            return false;
          }
          if (left <= 0) {
            stopped = `the retry budget of ${seconds(budget)} is spent (MODELGATE_REGISTRY_BUDGET)`;
            return false;
          }
          return true;
        },
        retryAfterMs: (err) => (err instanceof Transient ? err.retryAfterMs : undefined),
        onRetry: (err, n, delay) => {
          made = n;
          this.log(`${what}: ${(err as Error).message}; ${verb} in ${delay} ms (${n}/${this.retries})`);
        },
      });
    } catch (err) {
      if (isTransient(err) && err instanceof Error) {
        const tried = made
          ? `after ${made} ${made === 1 ? "retry" : "retries"} in ${seconds(Date.now() - started)}`
          : "not retried";
        err.message = `${err.message} (${stopped ? `${stopped}; ` : ""}${tried})`;
      }
      throw err;
    }
  }

  /**
   * A request with auth (answering a 401 challenge once) and retries on 5xx, 429 and broken connections.
   * `ok` lists the statuses the caller handles; any other is an error that names the request.
   */
  async request(
    method: string,
    pathOrUrl: string,
    opts: { scopes: string[]; headers?: Record<string, string>; body?: Body; ok: number[]; retry?: boolean },
  ): Promise<Response> {
    const url = new URL(pathOrUrl, this.baseUrl);
    const once = async (): Promise<Response> => {
      for (let authTry = 0; ; authTry++) {
        const headers: Record<string, string> = { "user-agent": "modelgate", ...(opts.headers ?? {}) };
        const auth = url.host === this.baseUrl.host ? await this.authorization(opts.scopes) : undefined;
        if (auth) headers.authorization = auth;
        const res = await this.exchange(method, url, headers, opts.body?.());
        if (res.status === 401 && authTry === 0) {
          const header = res.headers["www-authenticate"];
          await drain(res.body);
          if (!header)
            throw new CheckFailed(
              `registry ${this.registry}: ${method} ${url.pathname} answered 401 without a challenge`,
            );
          this.challenge = parseChallenge(Array.isArray(header) ? header[0] : header);
          this.tokens.clear();
          if (this.challenge.scheme === "basic" && !this.opts.credentials) {
            throw new UserError(
              `registry ${this.registry} needs credentials (Basic auth); set MODELGATE_REGISTRY_USERNAME and MODELGATE_REGISTRY_PASSWORD`,
            );
          }
          continue;
        }
        if (opts.ok.includes(res.status)) return res;
        if (res.status >= 500 || res.status === 429) throw busy(`${method} ${url.pathname}`, res, await errorText(res));
        const why = await errorText(res);
        if (res.status === 401 || res.status === 403) {
          throw new UserError(
            `registry ${this.registry} denied ${method} ${url.pathname} (${res.status}${why ? `: ${why}` : ""}); ` +
              "check the credentials (MODELGATE_REGISTRY_USERNAME/MODELGATE_REGISTRY_PASSWORD, or GITHUB_TOKEN with packages: write for ghcr.io)",
          );
        }
        throw new CheckFailed(
          `registry ${this.registry}: ${method} ${url.pathname} answered ${res.status}${why ? `: ${why}` : ""}`,
        );
      }
    };
    return opts.retry === false ? once() : this.withRetry(`${method} ${url.pathname}`, once);
  }

  /** GET /v2/: checks that the registry speaks the API (a 401 is fine here: auth comes per repository). */
  async ping(): Promise<void> {
    const res = await this.withRetry("GET /v2/", async () => {
      const r = await this.exchange("GET", new URL("/v2/", this.baseUrl), { "user-agent": "modelgate" });
      await drain(r.body);
      if (r.status >= 500 || r.status === 429) throw busy("GET /v2/", r);
      return r;
    });
    if (res.status !== 200 && res.status !== 401) {
      throw new CheckFailed(`${this.baseUrl.origin}/v2/ answered ${res.status}: not an OCI registry`);
    }
  }

  async hasBlob(repo: string, digest: string, scopes = [pushScope(repo)]): Promise<boolean> {
    const res = await this.request("HEAD", `/v2/${repo}/blobs/${digest}`, { scopes, ok: [200, 404] });
    await drain(res.body);
    return res.status === 200;
  }

  /** Streams a blob (or bytes [start, end) of it). */
  async openBlob(repo: string, digest: string, start = 0, end?: number): Promise<Readable> {
    const headers: Record<string, string> = {};
    if (start > 0 || end !== undefined) headers.range = `bytes=${start}-${end !== undefined ? end - 1 : ""}`;
    let res = await this.request("GET", `/v2/${repo}/blobs/${digest}`, {
      scopes: [pullScope(repo)],
      headers,
      ok: [200, 206, 307, 302, 303],
    });
    for (let hops = 0; res.status >= 300 && res.status < 400 && hops < 5; hops++) {
      const to = new URL(String(res.headers.location), this.baseUrl);
      await drain(res.body);
      res = await this.withRetry(`GET ${to.host}`, () => this.exchange("GET", to, headers));
    }
    if (res.status !== 200 && res.status !== 206)
      throw new CheckFailed(`registry ${this.registry}: blob ${digest} answered ${res.status}`);
    return res.body;
  }

  async getManifest(repo: string, ref: string): Promise<{ bytes: Buffer; mediaType: string; digest: string } | null> {
    const res = await this.request("GET", `/v2/${repo}/manifests/${ref}`, {
      scopes: [pullScope(repo)],
      headers: { accept: MANIFEST_TYPES.join(", ") },
      ok: [200, 404],
    });
    if (res.status === 404) {
      await drain(res.body);
      return null;
    }
    const bytes = await readAll(res.body);
    const digest = sha256Digest(bytes);
    if (ref.startsWith("sha256:") && digest !== ref) {
      throw new CheckFailed(`registry ${this.registry}: manifest ${ref} of ${repo} came back with digest ${digest}`);
    }
    const mediaType =
      String(res.headers["content-type"] ?? "")
        .split(";")[0]
        .trim() || String(JSON.parse(bytes.toString("utf8")).mediaType);
    return { bytes, mediaType, digest };
  }

  /** PUTs a manifest under a tag or its digest; checks the digest the registry computed. */
  async putManifest(
    repo: string,
    ref: string,
    bytes: Uint8Array,
    mediaType: string,
  ): Promise<{ digest: string; subject?: string }> {
    const res = await this.request("PUT", `/v2/${repo}/manifests/${ref}`, {
      scopes: [pushScope(repo)],
      headers: { "content-type": mediaType, "content-length": String(bytes.byteLength) },
      body: () => bytes,
      ok: [201, 200],
    });
    await drain(res.body);
    const digest = sha256Digest(bytes);
    const theirs = res.headers["docker-content-digest"];
    if (theirs && theirs !== digest) {
      throw new CheckFailed(`registry ${this.registry}: manifest pushed as ${digest} but the registry says ${theirs}`);
    }
    const subject = res.headers["oci-subject"];
    return { digest, subject: typeof subject === "string" ? subject : undefined };
  }

  /** GET /v2/<name>/referrers/<digest>: the index of referrers, or null where the registry has no referrers API (404). */
  async referrers(repo: string, digest: string): Promise<ImageIndex | null> {
    const res = await this.request("GET", `/v2/${repo}/referrers/${digest}`, {
      scopes: [pullScope(repo)],
      ok: [200, 404],
    });
    if (res.status === 404) {
      await drain(res.body);
      return null;
    }
    const type = String(res.headers["content-type"] ?? "");
    const bytes = await readAll(res.body);
    if (!type.includes("json")) return null;
    return JSON.parse(bytes.toString("utf8")) as ImageIndex;
  }

  /**
   * Uploads a blob unless the repository has it: HEAD first, then a cross-repository mount when `mountFrom` names
   * another repository of this registry, else a POST and a streamed PUT (or PATCH chunks, then PUT). A dropped
   * connection or a 5xx restarts the upload (resuming a chunked one where the registry says it stopped).
   *
   * A blob whose digest is not known yet (`digest` is "": the model layer, hashed as it is read) is sent without HEAD:
   * a POST, its bytes in PATCH requests (one, or chunks of `chunkSize`), then the PUT `?digest=` of what was hashed
   * on the way. `beforeCommit` runs between the last byte and that PUT: when it throws, the upload is cancelled and no
   * blob is made.
   */
  async pushBlob(
    repo: string,
    blob: Blob,
    opts: { mountFrom?: string; onBytes?: (n: number) => void; beforeCommit?: () => void } = {},
  ): Promise<"exists" | "mounted" | "uploaded"> {
    const streamed = !blob.digest;
    if (!streamed && (await this.hasBlob(repo, blob.digest))) return "exists";
    const scopes =
      !streamed && opts.mountFrom && opts.mountFrom !== repo
        ? [pushScope(repo), pullScope(opts.mountFrom)]
        : [pushScope(repo)];
    return this.withRetry(
      `upload of ${blobLabel(blob)} to ${repo}`,
      () => this.uploadOnce(repo, blob, scopes, streamed ? { ...opts, mountFrom: undefined } : opts),
      "restarting",
    );
  }

  private async uploadOnce(
    repo: string,
    blob: Blob,
    scopes: string[],
    opts: { mountFrom?: string; onBytes?: (n: number) => void; beforeCommit?: () => void },
  ): Promise<"mounted" | "uploaded"> {
    const streamed = !blob.digest;
    const mount = opts.mountFrom && opts.mountFrom !== repo;
    const start = mount
      ? `/v2/${repo}/blobs/uploads/?mount=${encodeURIComponent(blob.digest)}&from=${encodeURIComponent(opts.mountFrom!)}`
      : `/v2/${repo}/blobs/uploads/`;
    const res = await this.request("POST", start, {
      scopes,
      ok: [201, 202],
      headers: { "content-length": "0" },
      retry: false,
    });
    await drain(res.body);
    if (res.status === 201) return "mounted";
    let location = this.location(res);
    const counted = (from: number, to: number): Readable | Writer => {
      const writeTo = blob.writeTo?.bind(blob);
      if (writeTo) return (dest, signal) => writeTo(dest, from, to, opts.onBytes, signal);
      const s = blob.open(from, to);
      if (opts.onBytes) s.on("data", (c: Buffer) => opts.onBytes!(c.byteLength));
      return s;
    };
    let putBody: Body | undefined;
    let putLength = 0;
    let resumes = 0;
    // After a resume, any refusal (the registry disagrees on the offset, or on the digest) restarts from POST.
    const afterResume = (err: unknown) =>
      resumes > 0 && !isTransient(err) && !(err instanceof UserError)
        ? new Transient(`resumed upload refused (${(err as Error).message})`)
        : err;
    const chunk = this.chunkSize > 0 && blob.size > this.chunkSize ? this.chunkSize : streamed ? blob.size : 0;
    if (chunk > 0) {
      let offset = 0;
      while (offset < blob.size) {
        const end = Math.min(offset + chunk, blob.size);
        try {
          const r = await this.request("PATCH", location, {
            scopes,
            headers: {
              "content-type": "application/octet-stream",
              "content-length": String(end - offset),
              "content-range": `${offset}-${end - 1}`,
            },
            body: () => counted(offset, end),
            ok: [202],
            retry: false,
          });
          await drain(r.body);
          location = this.location(r);
          offset = end;
        } catch (err) {
          if (!isTransient(err)) throw afterResume(err);
          const resumed = resumes < 3 ? await this.uploadStatus(location, scopes) : null;
          if (!resumed) throw err; // restart from POST
          resumes++;
          this.log(
            `chunk at ${offset} of ${blobLabel(blob)}: ${(err as Error).message}; resuming at ${resumed.offset}`,
          );
          location = resumed.location;
          offset = resumed.offset;
        }
      }
    } else {
      putBody = () => counted(0, blob.size);
      putLength = blob.size;
    }
    const digest = blob.digest;
    if (!digest) throw new Error(`the ${blobLabel(blob)} was sent, but not read in order: its digest is not known`);
    if (streamed && opts.beforeCommit) {
      try {
        opts.beforeCommit();
      } catch (err) {
        await this.cancelUpload(location, scopes);
        throw err;
      }
    }
    const url = new URL(location);
    url.searchParams.set("digest", digest);
    const put = await this.request("PUT", url.toString(), {
      scopes,
      headers: { "content-type": "application/octet-stream", "content-length": String(putLength) },
      body: putBody,
      ok: [201],
      retry: false,
    }).catch((err) => {
      throw afterResume(err);
    });
    await drain(put.body);
    const theirs = put.headers["docker-content-digest"];
    if (theirs && theirs !== digest) {
      throw new CheckFailed(`registry ${this.registry}: blob pushed as ${digest} but the registry says ${theirs}`);
    }
    return "uploaded";
  }

  /** DELETE on an upload session, so that its bytes never become a blob (best effort: a registry may not allow it). */
  private async cancelUpload(location: string, scopes: string[]): Promise<void> {
    try {
      const r = await this.request("DELETE", location, { scopes, ok: [204, 200, 202, 404, 405], retry: false });
      await drain(r.body);
    } catch {
      // an upload session that is never finished expires on its own
    }
  }

  /** GET on an upload session: where to resume (the Range header says what the registry holds), or null. */
  private async uploadStatus(location: string, scopes: string[]): Promise<{ location: string; offset: number } | null> {
    try {
      const r = await this.request("GET", location, { scopes, ok: [204, 200, 404, 400, 416], retry: false });
      await drain(r.body);
      if (r.status !== 204 && r.status !== 200) return null;
      const range = /^(?:bytes=)?0-(\d+)$/.exec(String(r.headers.range ?? ""));
      // "0-0" is what distribution answers for an empty upload too: resume at 0 (a refusal restarts from POST).
      const last = range ? Number(range[1]) : 0;
      return { location: this.location(r, location), offset: last > 0 ? last + 1 : 0 };
    } catch {
      return null;
    }
  }

  private location(res: Response, fallback?: string): string {
    const loc = res.headers.location;
    if (!loc) {
      if (fallback) return fallback;
      throw new CheckFailed(`registry ${this.registry}: upload answered ${res.status} without a Location`);
    }
    return new URL(loc, this.baseUrl).toString();
  }
}

/** A blob as log lines name it: its digest, or its size while the digest is not known. */
function blobLabel(blob: Blob): string {
  return blob.digest ? blob.digest.slice(0, 19) : `layer of ${blob.size} bytes (hashed as it is sent)`;
}

/** A blob that lives in a registry, streamed from it when read (a base image's layers). */
export function registryBlob(client: RegistryClient, repo: string, d: Descriptor): Blob {
  return {
    mediaType: d.mediaType,
    digest: d.digest,
    size: d.size,
    origin: { registry: client.registry, repository: repo },
    open(start = 0, end = d.size) {
      const out = new PassThrough();
      client.openBlob(repo, d.digest, start, end === d.size && start === 0 ? undefined : end).then(
        (s) => {
          s.on("error", (e) => out.destroy(e));
          s.pipe(out);
        },
        (e) => out.destroy(e),
      );
      return out;
    },
  };
}
