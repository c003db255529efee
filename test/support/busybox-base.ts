import { execFile, execFileSync } from "node:child_process";
import { promisify } from "node:util";
import { createHash } from "node:crypto";
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { gzipSync } from "node:zlib";

/**
 * The base image for tests, built here from Debian's busybox-static with GNU tar (not with modelgate's own tar
 * writer, so the two check each other): /bin/busybox and the sh, mkdir, ln and sleep links (what KServe's modelcar
 * sidecar runs), one gzip layer, as a
 * multi-platform OCI image layout. The second platform (linux/arm64) carries the same host binary: it exists to
 * test that the model layer is appended to every platform, not to run on arm64.
 */
export interface BusyboxBase {
  /** The layout directory. */
  dir: string;
  /** The layout's name for the image (its ref.name), also the base name recorded in labels. */
  refName: string;
  /** `oci:DIR:NAME`, as `--base` takes it. */
  ref: string;
  /** Digest of the index. */
  digest: string;
  layerDigest: string;
  cleanup(): void;
}

const sha = (b: Uint8Array) => `sha256:${createHash("sha256").update(b).digest("hex")}`;

export function buildBusyboxBase(
  refName = "busybox",
  opts: { links?: string[]; arches?: string[] } = {},
): BusyboxBase {
  const dir = mkdtempSync(join(tmpdir(), "mg-busybox-"));
  const root = join(dir, "rootfs");
  mkdirSync(join(root, "bin"), { recursive: true });
  copyFileSync("/bin/busybox", join(root, "bin", "busybox"));
  for (const link of opts.links ?? ["sh", "mkdir", "ln", "sleep"]) symlinkSync("busybox", join(root, "bin", link));
  const tar = execFileSync(
    "tar",
    [
      "--create",
      "--format=posix",
      "--sort=name",
      "--owner=0",
      "--group=0",
      "--numeric-owner",
      "--mtime=@0",
      "--pax-option=exthdr.name=%d/PaxHeaders/%f,delete=atime,delete=ctime",
      "-C",
      root,
      "bin",
    ],
    { maxBuffer: 64 << 20 },
  );
  rmSync(root, { recursive: true, force: true });
  const layer = gzipSync(tar, { level: 6 });
  const out = join(dir, "layout");
  mkdirSync(join(out, "blobs", "sha256"), { recursive: true });
  const put = (bytes: Uint8Array) => {
    const d = sha(bytes);
    writeFileSync(join(out, "blobs", "sha256", d.slice(7)), bytes);
    return { digest: d, size: bytes.byteLength };
  };
  const layerDesc = { mediaType: "application/vnd.oci.image.layer.v1.tar+gzip", ...put(layer) };
  const manifests = (opts.arches ?? ["amd64", "arm64"]).map((arch) => {
    const config = Buffer.from(
      JSON.stringify({
        created: "1970-01-01T00:00:00Z",
        architecture: arch,
        os: "linux",
        config: { Env: ["PATH=/bin"], Cmd: ["sh"] },
        rootfs: { type: "layers", diff_ids: [sha(tar)] },
        history: [{ created: "1970-01-01T00:00:00Z", created_by: "test/support/busybox-base.ts" }],
      }),
    );
    const manifest = Buffer.from(
      JSON.stringify({
        schemaVersion: 2,
        mediaType: "application/vnd.oci.image.manifest.v1+json",
        config: { mediaType: "application/vnd.oci.image.config.v1+json", ...put(config) },
        layers: [layerDesc],
      }),
    );
    return {
      mediaType: "application/vnd.oci.image.manifest.v1+json",
      ...put(manifest),
      platform: { architecture: arch, os: "linux" },
    };
  });
  const index = Buffer.from(
    JSON.stringify({ schemaVersion: 2, mediaType: "application/vnd.oci.image.index.v1+json", manifests }),
  );
  const indexDesc = { mediaType: "application/vnd.oci.image.index.v1+json", ...put(index) };
  writeFileSync(join(out, "oci-layout"), JSON.stringify({ imageLayoutVersion: "1.0.0" }));
  writeFileSync(
    join(out, "index.json"),
    JSON.stringify({
      schemaVersion: 2,
      mediaType: "application/vnd.oci.image.index.v1+json",
      manifests: [{ ...indexDesc, annotations: { "org.opencontainers.image.ref.name": refName } }],
    }),
  );
  return {
    dir: out,
    refName,
    ref: `oci:${out}:${refName}`,
    digest: indexDesc.digest,
    layerDigest: layerDesc.digest,
    cleanup: () => rmSync(dir, { recursive: true, force: true }),
  };
}

/** Copies the base into a registry with skopeo (all platforms, digests kept); returns the pushed reference. */
export async function pushBase(
  base: BusyboxBase,
  host: string,
  repo = "base/busybox",
  creds?: { username: string; password: string },
): Promise<string> {
  const digestFile = join(base.dir, "..", "pushed.digest");
  await promisify(execFile)("skopeo", [
    "copy",
    "--quiet",
    "--all",
    "--preserve-digests",
    "--dest-tls-verify=false",
    "--digestfile",
    digestFile,
    ...(creds ? ["--dest-creds", `${creds.username}:${creds.password}`] : []),
    `oci:${base.dir}:${base.refName}`,
    `docker://${host}/${repo}:latest`,
  ]);
  const digest = readFileSync(digestFile, "utf8").trim();
  return `${host}/${repo}@${digest}`;
}

let shared: BusyboxBase | undefined;

/**
 * One busybox base per test process, for fixtures whose modelgate.yaml names it in spec.base (so that packaging and
 * publishing build the default kind of image, a modelcar, without reaching Docker Hub); removed when the process ends.
 */
export function sharedBusyboxBase(): BusyboxBase {
  if (!shared) {
    shared = buildBusyboxBase();
    const base = shared;
    process.once("exit", () => base.cleanup());
  }
  return shared;
}
