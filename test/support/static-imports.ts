import { readFileSync } from "node:fs";
import { dirname, relative, resolve } from "node:path";

/**
 * What the sources import statically, read from their import lines (issue #25's tests that keep yaml and zod off a
 * command's start): a source file's value imports (not `import type`, not only `type` names, but bare `import "x"`),
 * resolved to files; packages by name.
 */
function valueImports(abs: string): string[] {
  const text = readFileSync(abs, "utf8");
  const out: string[] = [];
  for (const m of text.matchAll(/(?:^|\n)\s*(import|export)\s+(?!type\s)([^;]*?)\s*from\s+"([^"]+)"/g)) {
    const names = /\{([^}]*)\}/.exec(m[2])?.[1];
    const typesOnly =
      names !== undefined &&
      !m[2].replace(/\{[^}]*\}/, "").match(/[A-Za-z_$*]/) &&
      names
        .split(",")
        .map((n) => n.trim())
        .filter(Boolean)
        .every((n) => n.startsWith("type "));
    if (typesOnly) continue;
    out.push(m[3].startsWith(".") ? resolve(dirname(abs), m[3]) : m[3]);
  }
  for (const m of text.matchAll(/(?:^|\n)\s*import\s+"([^"]+)"/g))
    out.push(m[1].startsWith(".") ? resolve(dirname(abs), m[1]) : m[1]);
  return out;
}

/** The files (relative to `src`, with "/") and packages that `entry` (relative to `src`) reaches through static value imports. */
export function staticClosure(src: string, entry: string): Set<string> {
  const seen = new Set<string>();
  const stack = [resolve(src, entry)];
  while (stack.length > 0) {
    const f = stack.pop() as string;
    if (seen.has(f)) continue;
    seen.add(f);
    if (f.endsWith(".ts")) stack.push(...valueImports(f));
  }
  return new Set([...seen].map((f) => (f.startsWith("/") ? relative(src, f).split("\\").join("/") : f)));
}
