import { spawn, spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import {
  existsSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";

export interface ActionRun {
  status: number | null;
  stdout: string;
  stderr: string;
  outputs: Record<string, string>;
  summary: string;
}

/** Parses the GITHUB_OUTPUT file format (name=value lines and name<<DELIM heredocs). */
export function parseOutputFile(text: string): Record<string, string> {
  const out: Record<string, string> = {};
  const lines = text.split("\n");
  for (let i = 0; i < lines.length; i++) {
    const heredoc = /^([^=<]+)<<(.+)$/.exec(lines[i]);
    if (heredoc) {
      const body: string[] = [];
      for (i++; i < lines.length && lines[i] !== heredoc[2]; i++) body.push(lines[i]);
      out[heredoc[1]] = body.join("\n");
    } else if (lines[i].includes("=")) {
      const k = lines[i].indexOf("=");
      out[lines[i].slice(0, k)] = lines[i].slice(k + 1);
    }
  }
  return out;
}

/**
 * Runs a bundled action the way the runner does: inputs as INPUT_<NAME> (upper case, spaces to _), GITHUB_OUTPUT,
 * GITHUB_STEP_SUMMARY and GITHUB_ENV files, GITHUB_WORKSPACE as the working folder.
 */
export function runAction(
  name: string,
  opts: { workspace: string; inputs?: Record<string, string>; env?: Record<string, string> },
): ActionRun {
  const tmp = mkdtempSync(join(tmpdir(), "mg-action-"));
  const files = {
    GITHUB_OUTPUT: join(tmp, "output"),
    GITHUB_STEP_SUMMARY: join(tmp, "summary"),
    GITHUB_ENV: join(tmp, "env"),
    GITHUB_STATE: join(tmp, "state"),
  };
  for (const f of Object.values(files)) writeFileSync(f, "");
  const env: Record<string, string> = {
    PATH: process.env.PATH ?? "",
    HOME: process.env.HOME ?? tmp,
    GITHUB_ACTIONS: "true",
    CI: "true",
    GITHUB_WORKSPACE: opts.workspace,
    RUNNER_TEMP: tmp,
    ...files,
    ...opts.env,
  };
  for (const [k, v] of Object.entries(opts.inputs ?? {})) env[`INPUT_${k.replace(/ /g, "_").toUpperCase()}`] = v;
  const main = resolve("dist/actions", `${name}.js`);
  const r = spawnSync(process.execPath, [main], { cwd: opts.workspace, env, encoding: "utf8" });
  return {
    status: r.status,
    stdout: r.stdout,
    stderr: r.stderr,
    outputs: parseOutputFile(readFileSync(files.GITHUB_OUTPUT, "utf8")),
    summary: readFileSync(files.GITHUB_STEP_SUMMARY, "utf8"),
  };
}

/**
 * One action entry (src/actions/NAME.ts) bundled as dist/ is; returns the entry's path. For tests whose action talks
 * to an in-process server (the GitHub simulator), which must not wait on dist/.
 */
export async function bundleAction(name: string): Promise<string> {
  return join(await bundles(), "actions", `${name}.js`);
}

/** The CLI bundled as dist/cli.js is; returns the entry's path. */
export async function bundleCli(): Promise<string> {
  return join(await bundles(), "cli.js");
}

let built: Promise<string> | undefined;

/**
 * The CLI and every action, bundled as scripts/build.mjs bundles dist/ (the same entries and esbuild configuration),
 * into a temp folder whose node_modules is this checkout's, as the composite actions install onnxruntime-node into
 * dist/node_modules next to the bundles. Bundling costs seconds, and a dozen test files need the same bundles: they
 * are built once per content of src/ and the build's inputs (the folder is named by its hash), by the first test
 * file that asks, and shared by the others (a second builder racing the first keeps the first one's folder).
 */
function bundles(): Promise<string> {
  built ??= (async () => {
    const dir = join(tmpdir(), `mg-bundles-${bundleInputsHash()}`);
    if (existsSync(join(dir, "ready"))) return dir;
    const { bundle, distEntries } = await import("../../scripts/bundle.mjs");
    const outdir = mkdtempSync(join(tmpdir(), "mg-dist-"));
    await bundle(distEntries(), outdir);
    symlinkSync(resolve("node_modules"), join(outdir, "node_modules"));
    writeFileSync(join(outdir, "ready"), "");
    try {
      renameSync(outdir, dir);
    } catch (err) {
      if (!existsSync(join(dir, "ready"))) throw err;
      rmSync(outdir, { recursive: true, force: true }); // another test file built the same bundles first
    }
    return dir;
  })();
  return built;
}

/** A hash of what a bundle is made of: every file of src/, the esbuild configuration, the package files, and where node_modules is. */
function bundleInputsHash(): string {
  const hash = createHash("sha256").update(resolve("node_modules"));
  const files = ["scripts/bundle.mjs", "scripts/worker-script.cjs", "package.json", "package-lock.json"];
  const walk = (dir: string): void => {
    for (const e of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, e.name);
      if (e.isDirectory()) walk(path);
      else files.push(path);
    }
  };
  walk("src");
  for (const f of files.sort()) hash.update(`\0${f}\0`).update(existsSync(f) ? readFileSync(f) : "");
  return hash.digest("hex").slice(0, 16);
}

/**
 * Runs a bundle without blocking this process (so an in-process server can answer it); stdout and stderr together.
 * `args` are the command line after the bundle (for the CLI).
 */
export function runBundle(
  bundle: string,
  env: NodeJS.ProcessEnv,
  opts: { args?: string[]; cwd?: string } = {},
): Promise<{ code: number; stdout: string }> {
  return new Promise((resolvePromise, reject) => {
    const child = spawn(process.execPath, [bundle, ...(opts.args ?? [])], {
      env: { PATH: process.env.PATH, ...env },
      stdio: "pipe",
      ...(opts.cwd ? { cwd: opts.cwd } : {}),
    });
    let stdout = "";
    child.stdout.on("data", (d) => {
      stdout += d;
    });
    child.stderr.on("data", (d) => {
      stdout += d;
    });
    child.on("error", reject);
    child.on("close", (code) => resolvePromise({ code: code ?? 1, stdout }));
  });
}
