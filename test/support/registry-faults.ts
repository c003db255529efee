import http from "node:http";
import { freePort } from "./registry.ts";

/**
 * A small HTTP proxy in front of the test registry (./registry.ts) that injects the faults a real registry shows:
 * an error answer (500, 503, 429 with Retry-After, 400), a request that never gets an answer, and a connection
 * throttled to a few hundred bytes a second. Faults are matched in order, by method, path and (for small bodies such
 * as manifests) the request's body; anything unmatched is forwarded as it is, Host header included, so that the
 * registry's Location headers point back here. Faults can be added and cleared while a test runs.
 */
export interface RegistryFault {
  method?: string;
  path?: RegExp;
  /** Match the request body too (it is read whole first: only for small bodies, e.g. manifests). */
  body?: RegExp;
  /** Answer this status (with a distribution-spec error body) instead of forwarding. */
  status?: number;
  retryAfter?: string;
  /** Never answer (the connection stays open until the client gives up or the proxy stops). */
  hang?: boolean;
  /** Forward, but pass the request body on at this many bytes a second (a slow upload). */
  bytesPerSecond?: number;
  /** How many requests it applies to (default: every matching one). */
  times?: number;
}

export interface FaultProxy {
  host: string;
  /** Each request seen: "METHOD /path" and, when a fault applied, " -> what". */
  requests: string[];
  add(f: RegistryFault): void;
  clear(): void;
  stop(): Promise<void>;
}

const ERROR_CODES: Record<number, string> = { 429: "TOOMANYREQUESTS", 500: "UNKNOWN", 503: "UNAVAILABLE" };

export async function startFaultProxy(target: string): Promise<FaultProxy> {
  const faults: RegistryFault[] = [];
  const requests: string[] = [];
  const hung = new Set<http.ServerResponse>();
  const [thost, tport] = target.split(":");

  const forward = (
    req: http.IncomingMessage,
    res: http.ServerResponse,
    body: Buffer | undefined,
    bytesPerSecond?: number,
  ) => {
    const up = http.request(
      { host: thost, port: Number(tport), method: req.method, path: req.url, headers: req.headers },
      (ures) => {
        res.writeHead(ures.statusCode ?? 502, ures.headers);
        ures.pipe(res);
      },
    );
    up.on("error", () => res.destroy());
    // the client gave up (a timeout): the registry side goes too
    res.on("close", () => {
      if (!res.writableFinished) up.destroy();
    });
    if (body) {
      up.end(body);
      return;
    }
    if (!bytesPerSecond) {
      req.pipe(up);
      return;
    }
    // throttled: each chunk held back until the rate allows it
    const started = Date.now();
    let sent = 0;
    req.on("data", (chunk: Buffer) => {
      req.pause();
      sent += chunk.byteLength;
      const due = started + (sent / bytesPerSecond) * 1000;
      setTimeout(
        () => {
          up.write(chunk);
          req.resume();
        },
        Math.max(0, due - Date.now()),
      );
    });
    req.on("end", () => {
      const due = started + (sent / bytesPerSecond) * 1000;
      setTimeout(() => up.end(), Math.max(0, due - Date.now()) + 1);
    });
  };

  const apply = (f: RegistryFault, req: http.IncomingMessage, res: http.ServerResponse, body?: Buffer) => {
    if (f.times !== undefined) f.times--;
    if (f.hang) {
      requests.push(`${requests.pop()} -> hang`);
      hung.add(res);
      req.resume();
      return;
    }
    if (f.status) {
      requests.push(`${requests.pop()} -> ${f.status}`);
      req.resume();
      const code = ERROR_CODES[f.status] ?? "DENIED";
      res
        .writeHead(f.status, {
          "content-type": "application/json",
          ...(f.retryAfter !== undefined ? { "retry-after": f.retryAfter } : {}),
        })
        .end(JSON.stringify({ errors: [{ code, message: `injected by the test's proxy (${f.status})` }] }));
      return;
    }
    requests.push(`${requests.pop()} -> ${f.bytesPerSecond} B/s`);
    forward(req, res, body, f.bytesPerSecond);
  };

  const server = http.createServer((req, res) => {
    const path = (req.url ?? "").split("?")[0];
    requests.push(`${req.method} ${path}`);
    const live = faults.filter(
      (f) =>
        (f.times === undefined || f.times > 0) &&
        (!f.method || f.method === req.method) &&
        (!f.path || f.path.test(path)),
    );
    if (live.length === 0) return forward(req, res, undefined);
    if (!live.some((f) => f.body)) return apply(live[0], req, res);
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      const body = Buffer.concat(chunks);
      const f = live.find((x) => !x.body || x.body.test(body.toString("utf8")));
      if (f) apply(f, req, res, body);
      else forward(req, res, body);
    });
  });
  const port = await freePort();
  await new Promise<void>((r) => server.listen(port, "127.0.0.1", r));
  return {
    host: `127.0.0.1:${port}`,
    requests,
    add: (f) => faults.push({ ...f }),
    clear: () => {
      faults.length = 0;
    },
    stop: () =>
      new Promise((r) => {
        for (const res of hung) res.destroy();
        server.closeAllConnections();
        server.close(() => r());
      }),
  };
}
