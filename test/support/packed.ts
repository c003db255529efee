import { execFileSync, spawnSync } from "node:child_process";
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  realpathSync,
  renameSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { copyProject } from "./project-copy.ts";

/** The version the packed copy says, unlike every fallback, so a test can tell the package's version from a default. */
export const PACKED_VERSION = "0.1.0-pack.1";

/** This `npm test` run, or this file's process when it runs on its own. */
const RUN = process.env.MODELGATE_TEST_RUN ?? `pid${process.pid}-${Date.now()}`;

export interface PackedInstall {
  /** The copy of the project that was packed (its package.json says PACKED_VERSION; node_modules linked in). */
  project: string;
  /** `npm pack`'s tarball. */
  tarball: string;
  /** A fresh folder with the package installed as npm lays it out (package.json, node_modules/modelgate, .bin). */
  app: string;
  /** node_modules/.bin/modelgate, the link npm makes to the package's bin. */
  bin: string;
}

/**
 * modelgate as npm ships it: a copy of the project whose version differs from every fallback, `npm pack`ed (its
 * prepare builds lib/), then installed in a fresh folder the way npm lays it out — the tarball unpacked into
 * node_modules/modelgate, the packed package.json's dependencies beside it (linked from this project's node_modules,
 * which holds the same versions; the machine is offline) and the bin linked into node_modules/.bin.
 *
 * Packing costs seconds and three test files use the package (library/pack.test.ts checks what it ships,
 * demo/demo.test.ts runs the installed command's demo, init/bin.test.ts runs the packed copy's bin): it is packed once
 * per `npm test` run (MODELGATE_TEST_RUN, which scripts/test.mjs sets; a file run on its own packs for itself) by the
 * first file that asks, the others waiting for it. Never reused across runs: each run packs afresh.
 */
export function packedInstall(): PackedInstall {
  const dir = join(tmpdir(), `mg-packed-${RUN}`);
  const lock = `${dir}.lock`;
  const waitUntil = Date.now() + 10 * 60_000;
  while (!existsSync(join(dir, "ready.json"))) {
    let mine = false;
    try {
      mkdirSync(lock);
      mine = true;
    } catch {
      // another test file is packing: wait for it (or, if it gave up or died, take over)
      if (Date.now() < waitUntil) {
        Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 200);
        continue;
      }
    }
    try {
      pack(dir);
    } finally {
      if (mine) rmSync(lock, { recursive: true, force: true });
    }
  }
  const ready = JSON.parse(readFileSync(join(dir, "ready.json"), "utf8"));
  return {
    project: ready.project,
    tarball: join(dir, ready.tarball),
    app: join(dir, "app"),
    bin: join(dir, "app/node_modules/.bin/modelgate"),
  };
}

/** Packs and installs into a new folder, then renames it `dir` (a second packer keeps the first one's folder). */
function pack(dir: string): void {
  const work = mkdtempSync(join(tmpdir(), "mg-pack-"));
  const project = copyProject({ version: PACKED_VERSION });
  const packed = spawnSync("npm", ["pack", "--pack-destination", work], { cwd: project, encoding: "utf8" });
  if (packed.status !== 0) throw new Error(`npm pack exited ${packed.status}: ${packed.stdout}${packed.stderr}`);
  const tarball = readdirSync(work).find((f) => f.endsWith(".tgz")) ?? "no tarball";
  install(join(work, tarball), join(work, "app"), project);
  writeFileSync(join(work, "ready.json"), JSON.stringify({ project, tarball }));
  try {
    renameSync(work, dir);
  } catch (err) {
    if (!existsSync(join(dir, "ready.json"))) throw err;
    rmSync(work, { recursive: true, force: true });
  }
}

function install(tarball: string, app: string, project: string): void {
  const pkgDir = join(app, "node_modules/modelgate");
  mkdirSync(pkgDir, { recursive: true });
  execFileSync("tar", ["-xzf", tarball, "-C", pkgDir, "--strip-components=1"]);
  const pkg = JSON.parse(readFileSync(join(pkgDir, "package.json"), "utf8"));
  // @types/node: the consumer's own, for its type check
  for (const dep of [...Object.keys(pkg.dependencies), "@types/node"]) {
    const link = join(app, "node_modules", dep);
    mkdirSync(dirname(link), { recursive: true });
    symlinkSync(realpathSync(join(project, "node_modules", dep)), link);
  }
  const bin = join(app, "node_modules/.bin/modelgate");
  mkdirSync(dirname(bin), { recursive: true });
  symlinkSync(join("..", "modelgate", pkg.bin.modelgate), bin);
  writeFileSync(join(app, "package.json"), '{ "name": "app", "private": true, "type": "module" }\n');
}
