import { cpSync, existsSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join, relative, resolve, sep } from "node:path";
import { fileURLToPath } from "node:url";
import { UserError } from "../../errors.ts";
import { gitignoreWithModelgate } from "../../init/gitignore.ts";

/** The bundled example: examples/fraud-detection, found upwards from this module (in src/ under tsx, in dist/). */
export function exampleDir(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    const candidate = join(dir, "examples", "fraud-detection");
    if (existsSync(join(candidate, "modelgate.yaml"))) return candidate;
    const up = dirname(dir);
    if (up === dir) {
      throw new UserError(
        "cannot find examples/fraud-detection next to modelgate's files; run the demo from a checkout of the modelgate repository",
      );
    }
    dir = up;
  }
}

/** Folders of the example that are not part of the model repository itself. */
const NOT_COPIED = new Set(["versions", ".modelgate"]);

/**
 * Copies the example's model repository (1.0.0) into `dest`, without the version overlays and local records. npm
 * leaves every .gitignore out of a package, so the example installed with modelgate has none: modelgate's patterns
 * (the image store, scratch files, training logs) are written into the copy's .gitignore when they are missing.
 */
export function copyExample(dest: string, src = exampleDir()): void {
  cpSync(src, dest, {
    recursive: true,
    filter: (from) => {
      const rel = relative(src, from);
      return rel === "" || !NOT_COPIED.has(rel.split(sep)[0]);
    },
  });
  const gitignore = join(dest, ".gitignore");
  const text = gitignoreWithModelgate(existsSync(gitignore) ? readFileSync(gitignore, "utf8") : undefined);
  if (text !== undefined) writeFileSync(gitignore, text);
}

export interface VersionOverlay {
  version: string;
  /** The pull request's title and description (PULL_REQUEST.md: first line, then the rest). */
  title: string;
  body: string;
  /** Files the overlay replaces, relative to the repository root. */
  files: string[];
}

function filesUnder(dir: string, base = dir): string[] {
  return readdirSync(dir, { withFileTypes: true })
    .sort((a, b) => a.name.localeCompare(b.name))
    .flatMap((e) => (e.isDirectory() ? filesUnder(join(dir, e.name), base) : [relative(base, join(dir, e.name))]));
}

/** The later versions the example holds under versions/<semver>/, in version order. */
export function exampleVersions(src = exampleDir()): VersionOverlay[] {
  const dir = join(src, "versions");
  const byNumber = (v: string) => v.split(".").map(Number);
  return readdirSync(dir, { withFileTypes: true })
    .filter((e) => e.isDirectory() && /^\d+\.\d+\.\d+$/.test(e.name))
    .map((e) => e.name)
    .sort((a, b) => {
      const [x, y] = [byNumber(a), byNumber(b)];
      return x[0] - y[0] || x[1] - y[1] || x[2] - y[2];
    })
    .map((version) => {
      const [title, ...rest] = readFileSync(join(dir, version, "PULL_REQUEST.md"), "utf8").split("\n");
      return {
        version,
        title: title.trim(),
        body: rest.join("\n").trim(),
        files: filesUnder(join(dir, version))
          .filter((f) => f !== "PULL_REQUEST.md")
          .map((f) => f.split(sep).join("/")),
      };
    });
}

/** Writes a version's files over the repository in `dest` (what its author changed in the pull request). */
export function applyVersion(dest: string, overlay: VersionOverlay, src = exampleDir()): void {
  for (const f of overlay.files) {
    cpSync(join(src, "versions", overlay.version, f), resolve(dest, f));
  }
}
