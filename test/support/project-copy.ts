import { execFileSync } from "node:child_process";
import {
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  realpathSync,
  symlinkSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";

/** What building and packing modelgate needs: its sources, build scripts, schemas, what it ships, package files. */
const NEEDED = [
  /^src\//,
  /^examples\//,
  /^workflows\//,
  /^scripts\//,
  /^schemas\//,
  /^(package(-lock)?\.json|\.npmrc|tsconfig(\.\w+)?\.json|README\.md|LICENSE)$/,
];

/**
 * A copy of this project as a new clone would have it (the files git knows, committed or not), with the project's
 * node_modules linked in (no install) and, when asked, another version in package.json, so a test can tell the
 * version a build reports from the one it would fall back to.
 */
export function copyProject(opts: { version?: string } = {}): string {
  const src = process.cwd();
  const dest = mkdtempSync(join(tmpdir(), "mg-project-"));
  const listed = execFileSync("git", ["ls-files", "-z", "--cached", "--others", "--exclude-standard"], {
    cwd: src,
    encoding: "utf8",
  });
  for (const rel of new Set(listed.split("\0"))) {
    if (!rel || !NEEDED.some((re) => re.test(rel)) || !existsSync(join(src, rel))) continue;
    mkdirSync(dirname(join(dest, rel)), { recursive: true });
    cpSync(join(src, rel), join(dest, rel));
  }
  symlinkSync(realpathSync(join(src, "node_modules")), join(dest, "node_modules"));
  if (opts.version) {
    const pkg = JSON.parse(readFileSync(join(dest, "package.json"), "utf8"));
    pkg.version = opts.version;
    writeFileSync(join(dest, "package.json"), `${JSON.stringify(pkg, null, 2)}\n`);
  }
  return dest;
}
