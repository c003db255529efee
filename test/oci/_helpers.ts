import { execFile, execFileSync } from "node:child_process";
import { promisify } from "node:util";
import { createHash } from "node:crypto";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { main } from "../../src/cli/main.ts";
import { logisticRegressionModel } from "../support/onnx-build.ts";
import { bufferIo } from "../../src/util/io.ts";

export function tempDir(prefix = "mg-oci-"): { dir: string; cleanup(): void } {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  return { dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

export function writeModel(dir: string, weights = [0.5, -0.25, 1]): string {
  const path = join(dir, "model.onnx");
  writeFileSync(path, logisticRegressionModel({ weights, bias: 0.1 }));
  return path;
}

export function sha256Hex(path: string): string {
  return createHash("sha256").update(readFileSync(path)).digest("hex");
}

/** Runs `modelgate …` in-process with its own cwd and environment. */
export async function modelgate(args: string[], cwd: string, env: NodeJS.ProcessEnv = {}) {
  const io = bufferIo(cwd, { SOURCE_DATE_EPOCH: "1700000000", HOME: cwd, ...env });
  const code = await main(args, io);
  return { code, stdout: io.stdout, stderr: io.stderr, json: () => JSON.parse(io.stdout) };
}

const execFileAsync = promisify(execFile);

/** Runs skopeo without blocking the event loop (a token service in this process must answer it). */
export async function skopeo(args: string[]): Promise<string> {
  return (await execFileAsync("skopeo", args, { encoding: "utf8", maxBuffer: 64 << 20 })).stdout;
}

/** `skopeo inspect` of a registry image (plain HTTP), as JSON. */
export async function skopeoInspect(
  ref: string,
  opts: { raw?: boolean; creds?: string; config?: boolean } = {},
): Promise<any> {
  const args = ["inspect", "--tls-verify=false"];
  if (opts.raw) args.push("--raw");
  if (opts.config) args.push("--config");
  if (opts.creds) args.push("--creds", opts.creds);
  return JSON.parse(await skopeo([...args, `docker://${ref}`]));
}

/** `skopeo copy` of a registry image to a local layout (the host's platform), then `umoci unpack`: the rootfs path. */
export async function pullAndUnpack(ref: string, work: string, creds?: string): Promise<string> {
  mkdirSync(work, { recursive: true });
  const layout = join(work, "pulled");
  await skopeo([
    "copy",
    "--quiet",
    "--src-tls-verify=false",
    ...(creds ? ["--src-creds", creds] : []),
    `docker://${ref}`,
    `oci:${layout}:img`,
  ]);
  return unpack(layout, "img", work);
}

/** `umoci unpack --rootless` of a single-platform layout image: the rootfs path. */
export function unpack(layout: string, tag: string, work: string): string {
  const bundle = join(work, `bundle-${tag}`);
  execFileSync("umoci", ["unpack", "--rootless", "--image", `${layout}:${tag}`, bundle], {
    stdio: ["ignore", "ignore", "pipe"],
  });
  return join(bundle, "rootfs");
}
