import assert from "node:assert/strict";
import { readdirSync, readFileSync, statSync } from "node:fs";
import { builtinModules } from "node:module";
import { join } from "node:path";
import { test } from "node:test";

// Every dependency earns its place: what package.json declares is imported, and what src/ imports is declared.

const pkg = JSON.parse(readFileSync("package.json", "utf8")) as {
  dependencies: Record<string, string>;
  devDependencies: Record<string, string>;
  scripts: Record<string, string>;
};

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return name === "node_modules" || name === "fixtures" ? [] : files(path);
    return /\.(ts|mts|mjs|js)$/.test(name) ? [path] : [];
  });
}

/** The package a module specifier names (`@scope/name/sub` → `@scope/name`), or undefined for relative and built-in ones. */
function packageOf(specifier: string): string | undefined {
  if (specifier.startsWith(".") || specifier.startsWith("/") || specifier.startsWith("node:")) return undefined;
  const parts = specifier.split("/");
  const name = specifier.startsWith("@") ? parts.slice(0, 2).join("/") : parts[0];
  return builtinModules.includes(name) ? undefined : name;
}

/** Packages a file loads: static and dynamic imports, and (with `all`) require, require.resolve, import.meta.resolve, `--import X`. */
function packagesIn(text: string, all: boolean): Set<string> {
  const spec = `["']([@\\w.][\\w@/.:-]*)["']`;
  const patterns = [
    new RegExp(`\\bfrom\\s+${spec}`, "g"),
    new RegExp(`\\bimport\\s*\\(\\s*${spec}`, "g"),
    new RegExp(`^\\s*import\\s+${spec}`, "gm"),
  ];
  if (all)
    patterns.push(
      new RegExp(`\\brequire(?:\\.resolve)?\\(\\s*${spec}`, "g"),
      new RegExp(`\\bimport\\.meta\\.resolve\\(\\s*${spec}`, "g"),
      new RegExp(`["']--import["'],\\s*${spec}`, "g"),
      /--import[= ]([@\w][\w@/.-]*)/g,
    );
  const out = new Set<string>();
  for (const re of patterns)
    for (const m of text.matchAll(re)) {
      const p = packageOf(m[1]);
      if (p) out.add(p);
    }
  return out;
}

function used(dirs: string[], all = true): Map<string, string[]> {
  const by = new Map<string, string[]>();
  for (const f of dirs.flatMap(files))
    for (const p of packagesIn(readFileSync(f, "utf8"), all)) by.set(p, [...(by.get(p) ?? []), f]);
  return by;
}

test("every runtime dependency is imported by src/, and src/ imports no package it does not declare", () => {
  const bySrc = used(["src"], false);
  assert.deepEqual(
    Object.keys(pkg.dependencies).filter((d) => !bySrc.has(d)),
    [],
    "dependencies nothing in src/ imports",
  );
  const undeclared = [...bySrc.keys()].filter((p) => !(p in pkg.dependencies));
  assert.deepEqual(
    undeclared.map((p) => `${p} (${bySrc.get(p)?.join(", ")})`),
    [],
    "packages src/ imports that an installer of modelgate would not get",
  );
});

test("every dev dependency is used by the tests, scripts or benchmarks, as a module or as a command in package.json's scripts", () => {
  const byDev = used(["test", "scripts", "bench", "src"]);
  const tsconfig = JSON.parse(readFileSync("tsconfig.json", "utf8")) as { compilerOptions: { types?: string[] } };
  const commands = Object.values(pkg.scripts).join(" ");
  const asCommand = (dep: string) => {
    const bin = JSON.parse(readFileSync(join("node_modules", dep, "package.json"), "utf8")).bin ?? {};
    const names = typeof bin === "string" ? [dep.split("/").pop()] : Object.keys(bin);
    return names.some((n) => new RegExp(`(^|[\\s&|;])${n}(\\s|$)`).test(commands));
  };
  const asTypes = (dep: string) =>
    dep.startsWith("@types/") && (tsconfig.compilerOptions.types ?? []).includes(dep.slice("@types/".length));
  assert.deepEqual(
    Object.keys(pkg.devDependencies).filter((d) => !byDev.has(d) && !asCommand(d) && !asTypes(d)),
    [],
    "dev dependencies nothing uses",
  );
});

test("the check sees what it should: each way of loading a package", () => {
  const text = `import a from "zod";\nimport { b } from "@octokit/rest";\nconst c = await import("yaml/util");
require.resolve("@octokit/openapi/generated/x.json"); spawn(node, ["--import", "tsx", f]); import "./local.ts";
import { readFileSync } from "node:fs"; import path from "path";`;
  assert.deepEqual([...packagesIn(text, true)].sort(), ["@octokit/openapi", "@octokit/rest", "tsx", "yaml", "zod"]);
  assert.deepEqual([...packagesIn(text, false)].sort(), ["@octokit/rest", "yaml", "zod"]);
});
