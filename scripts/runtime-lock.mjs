// Derives runtime/package-lock.json (what the composite actions install with `npm ci`) from the project's own
// package-lock.json: the entries of onnxruntime-node and everything it depends on, exactly as the project locks and
// tests them (versions, integrity hashes, nesting). `node scripts/runtime-lock.mjs --check` fails when the committed
// file differs; test/workflows.test.ts runs that check.
import { readFileSync, writeFileSync } from "node:fs";

export function runtimeLock(rootLock, runtimePkg) {
  const packages = rootLock.packages;
  const out = {};
  /** Where npm would find `name` from the package at `from` (its own node_modules, then each folder above). */
  const locate = (from, name) => {
    let dir = from;
    for (;;) {
      const key = `${dir ? `${dir}/` : ""}node_modules/${name}`;
      if (packages[key]) return key;
      if (!dir) return undefined;
      dir = dir.replace(/\/?node_modules\/(@[^/]+\/)?[^/]+$/, "");
    }
  };
  const queue = Object.keys(runtimePkg.dependencies).map((name) => ["", name]);
  while (queue.length > 0) {
    const [from, name] = queue.shift();
    const key = locate(from, name);
    if (!key) throw new Error(`package-lock.json has no entry for ${name} (needed by ${from || "runtime"})`);
    if (out[key]) continue;
    const { dev: _d, devOptional: _o, peer: _p, ...entry } = packages[key];
    out[key] = entry;
    for (const dep of Object.keys(entry.dependencies ?? {})) queue.push([key, dep]);
  }
  const root = {
    name: runtimePkg.name,
    version: runtimePkg.version,
    license: runtimePkg.license,
    dependencies: runtimePkg.dependencies,
  };
  const sorted = Object.fromEntries(
    Object.keys(out)
      .sort()
      .map((k) => [k, out[k]]),
  );
  return {
    name: runtimePkg.name,
    version: runtimePkg.version,
    lockfileVersion: 3,
    requires: true,
    packages: { "": root, ...sorted },
  };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const rootLock = JSON.parse(readFileSync("package-lock.json", "utf8"));
  const pkg = JSON.parse(readFileSync("runtime/package.json", "utf8"));
  const want = rootLock.packages["node_modules/onnxruntime-node"]?.version;
  if (pkg.dependencies["onnxruntime-node"] !== want) {
    console.error(
      `runtime/package.json pins onnxruntime-node ${pkg.dependencies["onnxruntime-node"]}, the project locks ${want}; make them equal`,
    );
    process.exit(1);
  }
  const text = `${JSON.stringify(runtimeLock(rootLock, pkg), null, 2)}\n`;
  if (process.argv.includes("--check")) {
    if (readFileSync("runtime/package-lock.json", "utf8") !== text) {
      console.error("runtime/package-lock.json is out of date: run `node scripts/runtime-lock.mjs`");
      process.exit(1);
    }
  } else {
    writeFileSync("runtime/package-lock.json", text);
  }
}
