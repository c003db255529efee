import { existsSync, readFileSync } from "node:fs";
import { dirname, join, normalize } from "node:path";
import { Octokit } from "@octokit/rest";

/**
 * The GitHub REST calls a modelgate action can make, read from the source (no run needed, so no branch is missed):
 * a call graph of top-level functions and constants, from the action's entry point (src/actions/<name>.ts) through
 * the modules it imports, down to the octokit methods used in src/github/api.ts, and each method's HTTP method and
 * URL as @octokit/rest itself defines it. A symbol counts as called when its name appears in a reached symbol's
 * text: an over-approximation (a call behind an option counts too), never an under-approximation.
 */

export interface RestCall {
  /** e.g. "GET /repos/{owner}/{repo}/pulls/{pull_number}", as octokit defines the method. */
  endpoint: string;
  /** The octokit method, e.g. "pulls.get". */
  method: string;
  /** The src/github/api.ts function whose text uses the method. */
  via: string;
}

interface Chunk {
  /** The names a top-level declaration defines; none for a statement (run when the module loads). */
  names: string[];
  text: string;
}

interface Module {
  chunks: Chunk[];
  /** Local name → the module and the name it was imported as ("*" for a namespace import). */
  imports: Map<string, { from: string; name: string }>;
  /** `export { a as b } from "./x.ts"`: exported name → its module and name there. */
  reexports: Map<string, { from: string; name: string }>;
  /** `export * from "./x.ts"`. */
  stars: string[];
}

const API = "src/github/api.ts";
const modules = new Map<string, Module>();

function resolveSpec(file: string, spec: string): string | undefined {
  if (!spec.startsWith(".")) return undefined;
  const target = normalize(join(dirname(file), spec));
  return existsSync(target) ? target : undefined;
}

function load(file: string): Module {
  const hit = modules.get(file);
  if (hit) return hit;
  const text = readFileSync(file, "utf8");
  const mod: Module = { chunks: [], imports: new Map(), reexports: new Map(), stars: [] };
  // Top-level statements start in the first column (the code is formatted); comments open chunks of their own.
  const lines = text.split("\n");
  let current: string[] = [];
  const flush = () => {
    const body = current.join("\n");
    current = [];
    if (!body.trim() || (/^\s*(\/\/|\/\*|\*)/.test(body.trim()) && !/\n[A-Za-z_$]/.test(`\n${body}`))) return;
    if (/^\s*import\s/.test(body)) {
      if (/^\s*import\s+type\s/.test(body)) return;
      const from = resolveSpec(file, /from\s+["']([^"']+)["']/.exec(body)?.[1] ?? "");
      if (!from) return;
      const ns = /import\s+\*\s+as\s+(\w+)/.exec(body);
      if (ns) mod.imports.set(ns[1], { from, name: "*" });
      const named = /\{([^}]*)\}/.exec(body);
      for (const part of named?.[1].split(",") ?? []) {
        const p = part.trim();
        if (!p || p.startsWith("type ")) continue;
        const [name, local] = p.split(/\s+as\s+/).map((s) => s.trim());
        mod.imports.set(local ?? name, { from, name });
      }
      return;
    }
    const re = /^export\s+(\*|\{[^}]*\})\s+from\s+["']([^"']+)["']/.exec(body);
    if (re) {
      const from = resolveSpec(file, re[2]);
      if (!from) return;
      if (re[1] === "*") mod.stars.push(from);
      else
        for (const part of re[1].slice(1, -1).split(",")) {
          const p = part.trim();
          if (!p || p.startsWith("type ")) continue;
          const [name, exported] = p.split(/\s+as\s+/).map((s) => s.trim());
          mod.reexports.set(exported ?? name, { from, name });
        }
      return;
    }
    const decl =
      /^(?:export\s+)?(?:default\s+)?(?:async\s+)?(?:function\*?|class|const|let|var|interface|type|enum)\s+([A-Za-z_$][\w$]*)/.exec(
        body,
      );
    mod.chunks.push({ names: decl ? [decl[1]] : [], text: body });
  };
  for (const line of lines) {
    if (/^[A-Za-z_$@]|^\/\*\*|^\/\//.test(line) && current.length) flush();
    current.push(line);
  }
  flush();
  modules.set(file, mod);
  return mod;
}

/** The module and chunk that define `name` as `file` exports it (following re-exports). */
function definition(file: string, name: string, seen = new Set<string>()): { file: string; chunk: Chunk }[] {
  const key = `${file}\0${name}`;
  if (seen.has(key)) return [];
  seen.add(key);
  const mod = load(file);
  const own = mod.chunks.filter((c) => c.names.includes(name));
  if (own.length) return own.map((chunk) => ({ file, chunk }));
  const re = mod.reexports.get(name);
  if (re) return definition(re.from, re.name, seen);
  const imported = mod.imports.get(name); // `import { x } …; export { x }`
  if (imported && imported.name !== "*") return definition(imported.from, imported.name, seen);
  return mod.stars.flatMap((s) => definition(s, name, seen));
}

/**
 * The definitions a chunk reaches through `import("…")`: the names taken from it (`const { a, b: c } = await
 * import(…)`, `import(…).then(({ a }) => …)`, `import(…).then((m) => m.a)`), or every chunk of the module when the
 * names cannot be told.
 */
function dynamicImports(file: string, text: string): { file: string; chunk: Chunk }[][] {
  const out: { file: string; chunk: Chunk }[][] = [];
  for (const m of text.matchAll(/import\(\s*["']([^"']+)["']\s*\)/g)) {
    const from = resolveSpec(file, m[1]);
    if (!from) continue;
    const before = text.slice(0, m.index);
    const after = text.slice((m.index ?? 0) + m[0].length);
    const names = new Set<string>();
    const pattern =
      /\{([^{}]*)\}\s*=\s*(?:await\s+)?$/.exec(before)?.[1] ?? /^\s*\.then\(\s*\(\s*\{([^{}]*)\}\s*\)/.exec(after)?.[1];
    for (const part of pattern?.split(",") ?? []) {
      const name = part.split(":")[0].trim();
      if (name) names.add(name);
    }
    const param = /^\s*\.then\(\s*\(?\s*([A-Za-z_$][\w$]*)\s*\)?\s*=>\s*/.exec(after);
    if (param) for (const x of after.matchAll(new RegExp(`\\b${param[1]}\\.([A-Za-z_$][\\w$]*)`, "g"))) names.add(x[1]);
    if (names.size) for (const n of names) out.push(definition(from, n));
    else out.push(load(from).chunks.map((chunk) => ({ file: from, chunk })));
  }
  return out;
}

/**
 * Every chunk reached from the entry module's top level, with its module. Symbols named in `skip` are not entered
 * (a call the caller switches off by an option, which the test checks at the call site).
 */
export function reachedChunks(entry: string, skip: ReadonlySet<string> = new Set()): { file: string; chunk: Chunk }[] {
  const out: { file: string; chunk: Chunk }[] = [];
  const seen = new Set<Chunk>();
  const todo = load(normalize(entry)).chunks.map((chunk) => ({ file: normalize(entry), chunk }));
  while (todo.length) {
    const item = todo.pop()!;
    if (seen.has(item.chunk) || item.chunk.names.some((n) => skip.has(n))) continue;
    seen.add(item.chunk);
    out.push(item);
    const mod = load(item.file);
    const words = new Set(item.chunk.text.match(/[A-Za-z_$][\w$]*/g) ?? []);
    for (const c of mod.chunks)
      if (c !== item.chunk && c.names.some((n) => words.has(n))) todo.push({ file: item.file, chunk: c });
    for (const d of dynamicImports(item.file, item.chunk.text)) todo.push(...d);
    for (const [local, imp] of mod.imports) {
      if (!words.has(local)) continue;
      if (imp.name === "*") {
        for (const m of item.chunk.text.matchAll(new RegExp(`\\b${local}\\.([A-Za-z_$][\\w$]*)`, "g")))
          todo.push(...definition(imp.from, m[1]));
      } else todo.push(...definition(imp.from, imp.name));
    }
  }
  return out;
}

const octokit = new Octokit();

/** "GET /repos/{owner}/{repo}/…" of an octokit method, from @octokit/rest's own endpoint definitions. */
export function endpointOf(method: string): string {
  const [ns, name] = method.split(".");
  const rest = octokit.rest as unknown as Record<
    string,
    Record<string, { endpoint: { DEFAULTS: { method: string; url: string } } } | undefined>
  >;
  const fn = rest[ns]?.[name];
  if (!fn) throw new Error(`octokit has no method ${method}`);
  return `${fn.endpoint.DEFAULTS.method} ${fn.endpoint.DEFAULTS.url}`;
}

/** The REST calls an action's entry point can make (`skip`: see reachedChunks). */
export function restCallsOf(entry: string, skip?: ReadonlySet<string>): RestCall[] {
  const calls: RestCall[] = [];
  for (const { file, chunk } of reachedChunks(entry, skip)) {
    if (file !== API) continue;
    for (const m of chunk.text.matchAll(/\.rest\.(\w+)\.(\w+)\b/g)) {
      const method = `${m[1]}.${m[2]}`;
      calls.push({ endpoint: endpointOf(method), method, via: chunk.names[0] ?? "(module)" });
    }
  }
  return calls.sort((a, b) => a.endpoint.localeCompare(b.endpoint) || a.via.localeCompare(b.via));
}

/** The src/github/api.ts functions an action reaches. */
export function apiFunctionsOf(entry: string, skip?: ReadonlySet<string>): string[] {
  return [
    ...new Set(
      reachedChunks(entry, skip)
        .filter((c) => c.file === API)
        .flatMap((c) => c.chunk.names),
    ),
  ].sort();
}

/** Whether an action's code can push with git (`….run(["push", …])` in a reached function). */
export function pushesWithGit(entry: string, skip?: ReadonlySet<string>): boolean {
  return reachedChunks(entry, skip).some((c) => /\.(?:run|tryRun)\(\s*\[\s*"push"\s*,/.test(c.chunk.text));
}

/** The chunks of the entry's reach whose text calls `fn(`: where a skipped call's options are checked. */
export function callSites(entry: string, fn: string): string[] {
  return reachedChunks(entry)
    .filter((c) => new RegExp(`\\b${fn}\\(`).test(c.chunk.text) && !c.chunk.names.includes(fn))
    .map((c) => c.chunk.text);
}

/** `gh api` calls of a shell step: "GET /repos/OWNER/REPO/…" with $VARIABLES kept as path segments. */
export function ghApiCalls(script: string): string[] {
  const out: string[] = [];
  for (const m of script.matchAll(/\bgh api\s+(?:(-X|--method)\s+(\w+)\s+)?"([^"]+)"([^\n]*)/g)) {
    const method = (m[2] ?? (/\s-(f|F|-field|-raw-field|-input)\b/.test(m[4]) ? "POST" : "GET")).toUpperCase();
    const path = m[3].split("?")[0].replace(/\$\{?GITHUB_REPOSITORY\}?/, "OWNER/REPO");
    out.push(`${method} /${path.replace(/^\//, "")}`);
  }
  return out;
}

/**
 * Whether a call ("GET /repos/OWNER/REPO/commits/$MERGED/pulls", or an octokit template) is an endpoint of the table:
 * a `{param}` of the table's path takes any one segment; any other segment must be the same.
 */
export function matchesTemplate(call: string, template: string): boolean {
  const [cm, cp] = call.split(" ");
  const [tm, tp] = template.split(" ");
  if (cm.toUpperCase() !== tm.toUpperCase()) return false;
  const a = cp.split("/");
  const b = tp.split("/");
  return a.length === b.length && b.every((seg, i) => /^\{[^}]+\}$/.test(seg) || seg === a[i]);
}
