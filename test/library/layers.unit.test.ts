import assert from "node:assert/strict";
import { readdirSync, readFileSync, statSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import { test } from "node:test";

// The house's rules (README "Development map"; issue #18): entry points over services over pure cores, imports
// running downward only. Read from the sources' own import lines, so that a rule broken anywhere fails here.

const SRC = resolve(import.meta.dirname, "../../src");

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((n) => {
    const p = join(dir, n);
    return statSync(p).isDirectory() ? files(p) : p.endsWith(".ts") ? [p] : [];
  });
}

/** Each source file (relative to src/, forward slashes) and the source files it imports (static and dynamic). */
function importGraph(): Map<string, string[]> {
  const graph = new Map<string, string[]>();
  for (const abs of files(SRC)) {
    const text = readFileSync(abs, "utf8");
    const targets = new Set<string>();
    for (const m of text.matchAll(
      /(?:^|\n)\s*(?:import|export)\s[^;]*?from\s+"(\.[^"]+)"|import\(\s*"(\.[^"]+)"\s*\)/g,
    )) {
      const spec = m[1] ?? m[2];
      targets.add(
        relative(SRC, resolve(dirname(abs), spec))
          .split("\\")
          .join("/"),
      );
    }
    graph.set(
      relative(SRC, abs).split("\\").join("/"),
      [...targets].filter((t) => t.endsWith(".ts")),
    );
  }
  return graph;
}

const graph = importGraph();
const entry = (f: string) => f.startsWith("cli/") || f.startsWith("actions/");

test("only the entry points (src/cli, src/actions) import src/commands", () => {
  const wrong: string[] = [];
  for (const [from, to] of graph) {
    if (entry(from) || from.startsWith("commands/")) continue;
    for (const t of to) if (t.startsWith("commands/")) wrong.push(`${from} -> ${t}`);
  }
  assert.deepEqual(wrong, [], "a service or core calls the CLI's face of a stage; call the stage's service instead");
});

test("nothing below the entry points imports them", () => {
  const wrong: string[] = [];
  for (const [from, to] of graph) {
    if (entry(from)) continue;
    for (const t of to) if (entry(t)) wrong.push(`${from} -> ${t}`);
  }
  assert.deepEqual(wrong, []);
});

test("the library's index exports services and cores, not commands", () => {
  const index = graph.get("index.ts") ?? [];
  assert.deepEqual(
    index.filter((t) => t.startsWith("commands/") || entry(t)),
    [],
  );
});

test("no import circle between source files", () => {
  const circles: string[] = [];
  const state = new Map<string, "open" | "done">();
  const stack: string[] = [];
  const visit = (f: string) => {
    state.set(f, "open");
    stack.push(f);
    for (const t of graph.get(f) ?? []) {
      if (state.get(t) === "open") circles.push([...stack.slice(stack.indexOf(t)), t].join(" -> "));
      else if (!state.has(t)) visit(t);
    }
    stack.pop();
    state.set(f, "done");
  };
  for (const f of graph.keys()) if (!state.has(f)) visit(f);
  assert.deepEqual(circles, []);
});

test("comments cite only files that exist in the repository", () => {
  const top = resolve(SRC, "..");
  const missing: string[] = [];
  for (const abs of files(SRC)) {
    const text = readFileSync(abs, "utf8");
    for (const m of text.matchAll(
      /\b(?:src|test|scripts|bench|workflows|schemas|actions|examples)\/[A-Za-z0-9_.\/-]+\.(?:ts|mjs|json|ya?ml|py)\b/g,
    )) {
      try {
        statSync(join(top, m[0]));
      } catch {
        missing.push(`${relative(top, abs)}: ${m[0]}`);
      }
    }
  }
  assert.deepEqual(missing, []);
});
