import { type ChildProcess, execFileSync, spawn } from "node:child_process";
import { createSign, randomBytes, randomUUID } from "node:crypto";
import { mkdtempSync, openSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import http from "node:http";
import net from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { setTimeout as sleep } from "node:timers/promises";

/**
 * A real OCI registry for tests: Debian's docker-registry (CNCF distribution) on a free loopback port with its own
 * temporary storage and configuration; anonymous, htpasswd (Basic) or token (Bearer, with a token service here).
 */
export interface TestRegistry {
  /** host:port, as used in references. */
  host: string;
  dir: string;
  username?: string;
  password?: string;
  /** Requests the token service saw (token auth only): the scopes asked and the user. */
  tokenRequests: { scopes: string[]; user?: string }[];
  stop(): Promise<void>;
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.on("error", reject);
    srv.listen(0, "127.0.0.1", () => {
      const port = (srv.address() as net.AddressInfo).port;
      srv.close(() => resolve(port));
    });
  });
}

async function waitReady(host: string, proc: ChildProcess, log: string): Promise<void> {
  for (let i = 0; i < 200; i++) {
    if (proc.exitCode !== null) throw new Error(`docker-registry exited: ${readFileSync(log, "utf8")}`);
    const ok = await new Promise<boolean>((resolve) => {
      const req = http.get(`http://${host}/v2/`, (res) => {
        res.resume();
        resolve(res.statusCode === 200 || res.statusCode === 401);
      });
      req.on("error", () => resolve(false));
    });
    if (ok) return;
    await sleep(50);
  }
  throw new Error(`docker-registry did not start on ${host}: ${readFileSync(log, "utf8")}`);
}

function base64url(b: Buffer | string): string {
  return Buffer.from(b).toString("base64url");
}

/** A token service as the distribution token spec describes: Basic credentials in, a JWT (ES256, x5c) out. */
async function startTokenServer(opts: {
  dir: string;
  service: string;
  issuer: string;
  username: string;
  password: string;
  seen: TestRegistry["tokenRequests"];
}): Promise<{ realm: string; certFile: string; close(): Promise<void> }> {
  const keyFile = join(opts.dir, "token.key");
  const certFile = join(opts.dir, "token.crt");
  execFileSync(
    "openssl",
    [
      "req",
      "-x509",
      "-newkey",
      "ec",
      "-pkeyopt",
      "ec_paramgen_curve:prime256v1",
      "-nodes",
      "-keyout",
      keyFile,
      "-out",
      certFile,
      "-days",
      "2",
      "-subj",
      "/CN=modelgate-test-token",
    ],
    { stdio: "ignore" },
  );
  const key = readFileSync(keyFile, "utf8");
  const der = readFileSync(certFile, "utf8")
    .replace(/-----[^-]+-----/g, "")
    .replace(/\s+/g, "");
  const server = http.createServer((req, res) => {
    const url = new URL(req.url ?? "/", "http://x");
    const scopes = url.searchParams.getAll("scope");
    const auth = req.headers.authorization ?? "";
    let user: string | undefined;
    if (auth.startsWith("Basic ")) {
      const [u, p] = Buffer.from(auth.slice(6), "base64").toString("utf8").split(":");
      if (u !== opts.username || p !== opts.password) {
        res.writeHead(401, { "content-type": "application/json" }).end(JSON.stringify({ details: "bad credentials" }));
        return;
      }
      user = u;
    }
    opts.seen.push({ scopes, user });
    const access = scopes.map((s) => {
      const [type, name, actions] = s.split(":");
      // anonymous callers get nothing; the test user gets what they ask for
      return { type, name, actions: user ? actions.split(",") : [] };
    });
    const now = Math.floor(Date.now() / 1000);
    const header = base64url(JSON.stringify({ typ: "JWT", alg: "ES256", x5c: [der] }));
    const claims = base64url(
      JSON.stringify({
        iss: opts.issuer,
        sub: user ?? "",
        aud: opts.service,
        exp: now + 300,
        nbf: now - 10,
        iat: now,
        jti: randomUUID(),
        access,
      }),
    );
    const signer = createSign("SHA256");
    signer.update(`${header}.${claims}`);
    const sig = signer.sign({ key, dsaEncoding: "ieee-p1363" });
    const token = `${header}.${claims}.${base64url(sig)}`;
    res.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify({ token, expires_in: 300 }));
  });
  const port = await freePort();
  await new Promise<void>((r) => server.listen(port, "127.0.0.1", r));
  return {
    realm: `http://127.0.0.1:${port}/token`,
    certFile,
    close: () => new Promise((r) => server.close(() => r())),
  };
}

export async function startRegistry(opts: { auth?: "none" | "htpasswd" | "token" } = {}): Promise<TestRegistry> {
  const dir = mkdtempSync(join(tmpdir(), "mg-registry-"));
  const port = await freePort();
  const host = `127.0.0.1:${port}`;
  const username = "modelgate";
  const password = randomBytes(9).toString("base64url");
  const tokenRequests: TestRegistry["tokenRequests"] = [];
  let authYaml = "";
  let tokenServer: Awaited<ReturnType<typeof startTokenServer>> | undefined;
  if (opts.auth === "htpasswd") {
    const line = execFileSync("htpasswd", ["-Bbn", username, password], { encoding: "utf8" }).trim();
    writeFileSync(join(dir, "htpasswd"), `${line}\n`);
    authYaml = `auth:\n  htpasswd:\n    realm: modelgate-test\n    path: ${join(dir, "htpasswd")}\n`;
  } else if (opts.auth === "token") {
    const service = "modelgate-test-registry";
    const issuer = "modelgate-test-issuer";
    tokenServer = await startTokenServer({ dir, service, issuer, username, password, seen: tokenRequests });
    authYaml = `auth:\n  token:\n    realm: ${tokenServer.realm}\n    service: ${service}\n    issuer: ${issuer}\n    rootcertbundle: ${tokenServer.certFile}\n`;
  }
  const config = join(dir, "config.yml");
  writeFileSync(
    config,
    [
      "version: 0.1",
      "log:",
      "  level: error",
      "  accesslog:",
      "    disabled: true",
      "storage:",
      "  filesystem:",
      `    rootdirectory: ${join(dir, "data")}`,
      "  delete:",
      "    enabled: true",
      "  maintenance:",
      "    uploadpurging:",
      "      enabled: false",
      "http:",
      `  addr: ${host}`,
      `  secret: ${randomBytes(16).toString("hex")}`,
      authYaml,
    ].join("\n"),
  );
  const log = join(dir, "registry.log");
  const fd = openSync(log, "a");
  const proc = spawn("docker-registry", ["serve", config], { stdio: ["ignore", fd, fd] });
  await waitReady(host, proc, log);
  return {
    host,
    dir,
    username: opts.auth && opts.auth !== "none" ? username : undefined,
    password: opts.auth && opts.auth !== "none" ? password : undefined,
    tokenRequests,
    async stop() {
      if (proc.exitCode === null) {
        const exited = new Promise((r) => proc.once("exit", r));
        proc.kill("SIGTERM");
        await exited;
      }
      await tokenServer?.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/**
 * An HTTP proxy in front of a registry that misbehaves on purpose: it drops the connection of the first `drops`
 * blob uploads (PUT or PATCH) after `dropAfterBytes` bytes of their body, and answers 503 to the first `fail503`
 * requests. Everything else is forwarded as it is (the Host header too, so Location headers point back here).
 */
export async function startFlakyProxy(
  target: string,
  opts: { dropAfterBytes?: number; drops?: number; fail503?: number; retryAfter?: string },
): Promise<{ host: string; dropped: number; failed: number; requests: string[]; stop(): Promise<void> }> {
  const state = { dropped: 0, failed: 0 };
  const requests: string[] = [];
  const server = http.createServer((req, res) => {
    requests.push(`${req.method} ${(req.url ?? "").split("?")[0]}`);
    if (state.failed < (opts.fail503 ?? 0)) {
      state.failed++;
      req.resume();
      res
        .writeHead(503, {
          "content-type": "application/json",
          ...(opts.retryAfter !== undefined ? { "retry-after": opts.retryAfter } : {}),
        })
        .end('{"errors":[{"code":"UNAVAILABLE","message":"flaky proxy"}]}');
      return;
    }
    const isUpload = (req.method === "PUT" || req.method === "PATCH") && (req.url ?? "").includes("/blobs/uploads/");
    const drop = isUpload && state.dropped < (opts.drops ?? 0);
    const [thost, tport] = target.split(":");
    const up = http.request(
      { host: thost, port: Number(tport), method: req.method, path: req.url, headers: req.headers },
      (ures) => {
        res.writeHead(ures.statusCode ?? 502, ures.headers);
        ures.pipe(res);
      },
    );
    up.on("error", () => res.destroy());
    if (!drop) {
      req.pipe(up);
      return;
    }
    let seen = 0;
    let cut = false;
    req.on("data", (chunk: Buffer) => {
      if (cut) return;
      seen += chunk.byteLength;
      if (seen > (opts.dropAfterBytes ?? 0)) {
        cut = true;
        state.dropped++;
        up.destroy();
        req.socket.destroy();
        return;
      }
      up.write(chunk);
    });
    req.on("end", () => up.end());
  });
  const port = await freePort();
  await new Promise<void>((r) => server.listen(port, "127.0.0.1", r));
  return {
    host: `127.0.0.1:${port}`,
    requests,
    get dropped() {
      return state.dropped;
    },
    get failed() {
      return state.failed;
    },
    stop: () =>
      new Promise((r) => {
        server.closeAllConnections();
        server.close(() => r());
      }),
  };
}
