import { isDeepStrictEqual } from "node:util";
import type { z } from "zod";

/**
 * A zod schema written out as plain TypeScript that accepts exactly what the schema accepts, for the hot paths that
 * validate many records (`audit` reads every promotion record of every ledger): zod's own parse, run cold in a short
 * CLI process, cost several times the JSON parsing, and loading zod and the schemas costs a short command more still.
 * The generated checks (./promotion-check.ts; ../manifest/schema-check.ts, which `modelgate validate` reads manifests
 * with; written by `npm run schemas`, kept equal to this generator's output by test/records/compiled.unit.test.ts)
 * import no zod: only the schemas' own named functions they call (an overwrite's, a refinement's: see Imports). A
 * check only ever says "valid" for a value zod accepts, and returns what zod would return (a copy, keys in the
 * schema's order, a default as a fresh copy of it); for anything else — invalid, or a form it does not know — it
 * returns `undefined`, and the caller asks zod, which names the problem. A schema using a kind or check not handled
 * here generates a check that always defers to zod (test/manifest/schema-check.unit.test.ts compares the manifests'
 * checks with zod on thousands of mutated manifests).
 */

// the schema's internals, as zod 4 exposes them (`schema._zod.def`)
interface Def {
  type: string;
  checks?: { _zod: { def: CheckDef } }[];
  shape?: Record<string, Schema>;
  catchall?: Schema;
  innerType?: Schema;
  element?: Schema;
  keyType?: Schema;
  valueType?: Schema;
  values?: unknown[];
  entries?: Record<string, unknown>;
  options?: Schema[];
  /** A tuple's items, and its rest (null: none). */
  items?: Schema[];
  rest?: Schema | null;
  discriminator?: string;
  defaultValue?: unknown;
  partial?: boolean;
}
interface CheckDef {
  check: string;
  format?: string;
  pattern?: RegExp;
  minimum?: number;
  value?: number;
  inclusive?: boolean;
  /** overwrite: the function that makes the value. */
  tx?: unknown;
  /** custom (refine): the predicate; superRefine's is zod's wrapper, named by its check object instead. */
  fn?: unknown;
}
type Schema = { _zod: { def: Def; optin?: string; optout?: string } };
type Check = { _zod: { def: CheckDef } };

/**
 * Functions of the schema the generated code calls, imported by name: an `.overwrite(f)`'s f, a `.refine(f)`'s f, or
 * for a `.superRefine(…)` (whose function zod wraps) its check object, mapped to a predicate that is true exactly when
 * the refinement adds no issue.
 */
export type Imports = Map<unknown, { name: string; from: string }>;

class Unsupported extends Error {}

/**
 * What a schema becomes: a condition on a variable (a scalar, whose value is the input itself: strings, numbers,
 * booleans, literals, enums, and these nullable), or a generated function `cN(x)` returning the value or D (defer).
 */
type Node = { cond: (v: string) => string } | { fn: string };

/** The generated code: constants (the patterns, each once) and functions. */
class Emitter {
  readonly functions: string[] = [];
  /** A type annotation, or nothing when the check is written as JavaScript. */
  readonly ty: (annotation: string) => string;

  constructor(
    js: boolean,
    private readonly imports: Imports = new Map(),
  ) {
    this.ty = (a) => (js ? "" : a);
  }
  /** What each schema (by its definition: `.describe()` copies a schema, not its definition) became. */
  readonly emitted = new Map<Def, Node>();
  /** The imported functions the code calls, by module. */
  readonly used = new Map<string, Set<string>>();

  /** The name of an imported function standing for `key` (see Imports), or Unsupported. */
  imported(key: unknown, also?: unknown): string {
    const found = this.imports.get(key) ?? (also === undefined ? undefined : this.imports.get(also));
    if (!found) throw new Unsupported("a function the generated code cannot import");
    let names = this.used.get(found.from);
    if (!names) this.used.set(found.from, (names = new Set()));
    names.add(found.name);
    return found.name;
  }
  private readonly constants = new Map<string, string>();

  constant(code: string): string {
    let name = this.constants.get(code);
    if (!name) {
      name = `k${this.constants.size}`;
      this.constants.set(code, name);
    }
    return name;
  }

  constantLines(): string[] {
    return [...this.constants].map(([code, name]) => `const ${name} = ${code};`);
  }

  fn(lines: string[]): Node {
    const name = `c${this.functions.length}`;
    this.functions.push(
      `function ${name}(x${this.ty(": any")})${this.ty(": any")} {\n${lines.map((l) => `  ${l}`).join("\n")}\n}`,
    );
    return { fn: name };
  }
}

const lit = (v: unknown) => JSON.stringify(v);

/** The checks of a string or a number (an array's length too), as conditions on `v`; unknown checks Unsupported. */
function checksOf(e: Emitter, def: Def, v: string, checks: Check[] = def.checks ?? []): string[] {
  return checks.map((check) => {
    const c = check._zod.def;
    if (c.check === "string_format" && c.format === "regex" && c.pattern && !c.pattern.global && !c.pattern.sticky)
      return `${e.constant(`/${c.pattern.source}/${c.pattern.flags}`)}.test(${v})`;
    if (c.check === "min_length" && typeof c.minimum === "number") return `${v}.length >= ${c.minimum}`;
    if (c.check === "number_format" && c.format === "safeint") return `Number.isSafeInteger(${v})`;
    if (c.check === "greater_than" && typeof c.value === "number") return `${v} ${c.inclusive ? ">=" : ">"} ${c.value}`;
    if (c.check === "less_than" && typeof c.value === "number") return `${v} ${c.inclusive ? "<=" : "<"} ${c.value}`;
    if (c.check === "custom") return `${e.imported(c.fn, check)}(${v})`;
    throw new Unsupported(c.check);
  });
}

/** The statements that set `v` to the checked value of `expr` (a copy for objects and arrays), or return D. */
function take(node: Node, expr: string, v: string): string[] {
  if ("cond" in node) {
    const cond = node.cond(v);
    // unknown: any value, as it is
    return cond === "true" ? [`${v} = ${expr};`] : [`${v} = ${expr};`, `if (!(${cond})) return D;`];
  }
  return [`${v} = ${node.fn}(${expr});`, `if (${v} === D) return D;`];
}

function emit(e: Emitter, schema: Schema): Node {
  // a schema used in several places (a name, the metadata) is one function, called from each
  let node = e.emitted.get(schema._zod.def);
  if (!node) e.emitted.set(schema._zod.def, (node = emitNew(e, schema)));
  return node;
}

function emitNew(e: Emitter, schema: Schema): Node {
  const def = schema._zod.def;
  switch (def.type) {
    case "string": {
      // an overwrite (a normalisation) as the last check: the value returned is its result
      const all = def.checks ?? [];
      const last = all[all.length - 1]?._zod.def;
      const tx = last?.check === "overwrite" ? e.imported(last.tx) : undefined;
      const checks = checksOf(e, def, "$", tx ? all.slice(0, -1) : all);
      const cond = (v: string) => [`typeof ${v} === "string"`, ...checks.map((c) => c.replaceAll("$", v))].join(" && ");
      if (!tx) return { cond };
      return e.fn([`if (!(${cond("x")})) return D;`, `return ${tx}(x);`]);
    }
    case "number": {
      const checks = checksOf(e, def, "$");
      return {
        cond: (v) =>
          [`typeof ${v} === "number"`, `Number.isFinite(${v})`, ...checks.map((c) => c.replaceAll("$", v))].join(
            " && ",
          ),
      };
    }
    case "boolean":
      if (def.checks?.length) throw new Unsupported("boolean checks");
      return { cond: (v) => `typeof ${v} === "boolean"` };
    case "literal":
    case "enum": {
      const values: unknown[] = def.type === "literal" ? (def.values ?? []) : Object.values(def.entries ?? {});
      const ok = (v: unknown) => typeof v === "string" || (def.type === "literal" && typeof v === "number");
      if (def.checks?.length || values.length === 0 || !values.every(ok)) throw new Unsupported(def.type);
      return { cond: (v) => values.map((x) => `${v} === ${lit(x)}`).join(" || ") };
    }
    case "nullable": {
      const inner = emit(e, def.innerType as Schema);
      // parenthesised as the formatter leaves it (only a mix of && and ||)
      const wrap = (c: string) => (c.includes(" && ") ? `(${c})` : c);
      if ("cond" in inner) return { cond: (v) => `${v} === null || ${wrap(inner.cond(v))}` };
      return e.fn([`return x === null ? null : ${inner.fn}(x);`]);
    }
    case "optional": {
      if (def.innerType?._zod.optin === "defaulted") throw new Unsupported("an optional default");
      const inner = emit(e, def.innerType as Schema);
      return e.fn([
        `let v${e.ty(": unknown")};`,
        "if (x === undefined) return undefined;",
        ...take(inner, "x", "v"),
        "return v;",
      ]);
    }
    case "array": {
      const element = emit(e, def.element as Schema);
      const checks = checksOf(e, def, "x");
      return e.fn([
        `if (!Array.isArray(x)${checks.map((c) => ` || !(${c})`).join("")}) return D;`,
        "const out = new Array(x.length);",
        `let v${e.ty(": unknown")};`,
        "for (let i = 0; i < x.length; i++) {",
        ...take(element, "x[i]", "v").map((l) => `  ${l}`),
        "  out[i] = v;",
        "}",
        "return out;",
      ]);
    }
    case "tuple": {
      // fixed items only (no rest, none that may be absent): an array of exactly their number, each checked
      const items = def.items ?? [];
      if (
        def.checks?.length ||
        def.rest ||
        items.some((s) => s._zod.optin !== undefined || s._zod.optout !== undefined)
      )
        throw new Unsupported("tuple");
      const nodes = items.map((s) => emit(e, s));
      return e.fn([
        `if (!Array.isArray(x) || x.length !== ${items.length}) return D;`,
        `const out = new Array(${items.length});`,
        `let v${e.ty(": unknown")};`,
        ...nodes.flatMap((node, i) => [...take(node, `x[${i}]`, "v"), `out[${i}] = v;`]),
        "return out;",
      ]);
    }
    case "record": {
      const key = def.keyType?._zod.def;
      // string keys, or (a partial record) keys among an enum's strings; zod's other records read keys otherwise
      const keys = key?.type === "enum" && def.partial ? Object.values(key.entries ?? {}) : undefined;
      if (keys && !keys.every((k) => typeof k === "string")) throw new Unsupported("record keys");
      if (def.checks?.length || (key?.type !== "string" && !keys) || key?.checks?.length)
        throw new Unsupported("record");
      const value = emit(e, def.valueType as Schema);
      return e.fn([
        "if (!isObject(x)) return D;",
        `const out${e.ty(": Record<string, unknown>")} = {};`,
        `let v${e.ty(": unknown")};`,
        "for (const k of Object.keys(x)) {",
        keys
          ? `  if (!(${keys.map((k) => `k === ${lit(k)}`).join(" || ")})) return D;`
          : `  if (k === "__proto__") return D;`,
        ...take(value, "x[k]", "v").map((l) => `  ${l}`),
        "  out[k] = v;",
        "}",
        "return out;",
      ]);
    }
    case "unknown":
      if (def.checks?.length) throw new Unsupported("unknown with checks");
      return { cond: () => "true" };
    case "default":
    case "prefault": {
      // zod 4: an absent value is the default itself (a copy), or the prefault parsed by the inner schema
      const inner = emit(e, def.innerType as Schema);
      const dflt = defaultLiteral(def);
      const absent =
        def.type === "default" ? [`if (x === undefined) return ${dflt};`] : [`if (x === undefined) x = ${dflt};`];
      return e.fn([...absent, `let v${e.ty(": unknown")};`, ...take(inner, "x", "v"), "return v;"]);
    }
    case "object":
      return emitObject(e, def);
    case "union": {
      const tag = def.discriminator;
      if (def.checks?.length) throw new Unsupported("union with checks");
      if (tag === undefined) return emitUnion(e, def.options ?? []);
      const options = (def.options ?? []).map((o) => {
        const literal = o._zod.def.shape?.[tag]?._zod.def;
        if (literal?.type !== "literal") throw new Unsupported("discriminator");
        const check = emit(e, o);
        if (!("fn" in check)) throw new Unsupported("discriminated option");
        return { values: literal.values ?? [], check: check.fn };
      });
      // each value of the tag selects the one option that has it (a value two options have: zod's to decide)
      const cases = new Map<unknown, string[]>();
      for (const o of options) for (const v of o.values) cases.set(v, [...(cases.get(v) ?? []), o.check]);
      const lines = ["if (!isObject(x)) return D;", `const t = x[${lit(tag)}];`];
      for (const [v, checks] of cases)
        if (checks.length === 1) lines.push(`if (t === ${lit(v)}) return ${checks[0]}(x);`);
      return e.fn([...lines, "return D;"]);
    }
    default:
      throw new Unsupported(def.type);
  }
}

/**
 * A strict object (no keys beyond its shape): a copy with the shape's keys in order, absent optional keys left out,
 * absent defaulted keys given their default (zod 4: the default itself, a prefault parsed by the inner schema);
 * refinements of the whole object (imported predicates) are asked of the copy, as zod asks them of its output.
 */
function emitObject(e: Emitter, def: Def): Node {
  if (def.catchall?._zod.def.type !== "never") throw new Unsupported("object that is not strict");
  const refinements = checksOf(e, def, "out");
  const lines = [
    "if (!isObject(x)) return D;",
    "let present = 0;",
    `let v${e.ty(": unknown")};`,
    `const out${e.ty(": any")} = {};`,
  ];
  for (const [key, schema] of Object.entries(def.shape ?? {})) {
    // zod reads a key with `in`: one that every object inherits is not absent for it
    if (key in Object.prototype) throw new Unsupported(`key ${key}`);
    // zod 4: an optional default (`.partial()` of defaulted keys) still gives its default for an absent key
    const inner = schema._zod.def.innerType;
    const s = schema._zod.def.type === "optional" && inner?._zod.optin === "defaulted" ? inner : schema;
    const sdef = s._zod.def;
    const wrapped = sdef.type === "optional" || sdef.type === "default" || sdef.type === "prefault";
    if (!wrapped && s._zod.optin !== undefined) throw new Unsupported("a key that may be absent");
    // present, a wrapped key is checked as its inner schema: a key whose value is undefined (never in JSON) defers
    const check = emit(e, wrapped ? (sdef.innerType as Schema) : s);
    const k = lit(key);
    let absent = [" else return D;"];
    if (sdef.type === "optional") absent = [""];
    else if (sdef.type === "default") absent = [" else {", `  out[${k}] = ${defaultLiteral(sdef)};`, "}"];
    else if (sdef.type === "prefault")
      absent = [" else {", ...take(check, defaultLiteral(sdef), "v").map((l) => `  ${l}`), `  out[${k}] = v;`, "}"];
    const [first, ...rest] = absent;
    lines.push(
      `if (Object.hasOwn(x, ${k})) {`,
      ...take(check, `x[${k}]`, "v").map((l) => `  ${l}`),
      `  out[${k}] = v;`,
      "  present++;",
      `}${first}`,
      ...rest,
    );
  }
  // a key beyond the shape (an unrecognized key) is zod's to report
  lines.push("if (Object.keys(x).length !== present) return D;");
  for (const r of refinements) lines.push(`if (!${r}) return D;`);
  lines.push("return out;");
  return e.fn(lines);
}

/** A default's value as a literal (a fresh copy at each use, as zod copies it), or Unsupported. */
function defaultLiteral(def: Def): string {
  const value = def.defaultValue;
  const text = JSON.stringify(value);
  if (typeof value === "function" || text === undefined || !isDeepStrictEqual(JSON.parse(text), value))
    throw new Unsupported("a default that is not plain data");
  return text;
}

/** What an option of a union surely needs: its type, and for a strict object its required keys and all its keys. */
type Shape = { type: string; required: Map<string, Set<unknown> | undefined>; keys: Set<string> };

function shapeOf(schema: Schema): Shape {
  const def = schema._zod.def;
  const required = new Map<string, Set<unknown> | undefined>();
  const keys = new Set<string>();
  let type = def.type;
  if (def.type === "literal" || def.type === "enum") {
    const types = new Set(
      (def.type === "literal" ? (def.values ?? []) : Object.values(def.entries ?? {})).map((v) => typeof v),
    );
    type = types.size === 1 ? [...types][0] : "mixed";
  }
  if (def.type === "object")
    for (const [k, s] of Object.entries(def.shape ?? {})) {
      keys.add(k);
      if (s._zod.optin !== undefined) continue;
      const d = s._zod.def;
      required.set(k, d.type === "literal" ? new Set(d.values) : undefined);
    }
  return { type, required, keys };
}

/** Whether no value is accepted by both options: different types, or a key one requires that the other refuses. */
function disjoint(a: Shape, b: Shape): boolean {
  const known = new Set(["string", "number", "boolean", "object", "array"]);
  if (!known.has(a.type) || !known.has(b.type)) return false;
  if (a.type !== b.type) return true;
  if (a.type !== "object") return false;
  for (const [x, y] of [
    [a, b],
    [b, a],
  ])
    for (const [k, values] of x.required) {
      if (!y.keys.has(k)) return true;
      const other = y.required.get(k);
      if (values && other && [...values].every((v) => !other.has(v))) return true;
    }
  return false;
}

/**
 * A union whose options no value satisfies together (each pair disjoint: see above): zod returns the first option
 * that accepts, which is then the only one, so the options are tried in order and the first accepted is the answer.
 */
function emitUnion(e: Emitter, options: Schema[]): Node {
  const shapes = options.map(shapeOf);
  for (let i = 0; i < shapes.length; i++)
    for (let j = i + 1; j < shapes.length; j++)
      if (!disjoint(shapes[i], shapes[j])) throw new Unsupported("union of options that may overlap");
  const nodes = options.map((o) => emit(e, o));
  if (nodes.every((n) => "cond" in n)) {
    const wrap = (c: string) => (c.includes(" && ") ? `(${c})` : c);
    return { cond: (v) => nodes.map((n) => wrap((n as { cond: (v: string) => string }).cond(v))).join(" || ") };
  }
  const lines = [`let v${e.ty(": unknown")};`];
  for (const n of nodes)
    lines.push(...("cond" in n ? [`if (${n.cond("x")}) return x;`] : [`v = ${n.fn}(x);`, "if (v !== D) return v;"]));
  return e.fn([...lines, "return D;"]);
}

/**
 * The TypeScript source of a check of `schema` (see above), exporting `name(input): T | undefined` (T the type of
 * `typeName`, imported as a type from `typeFrom`): the parsed value when valid, undefined to ask zod.
 */
export function generateCheck(
  schema: z.ZodType,
  o: { name: string; typeName: string; typeFrom: string; header: string; js?: boolean },
): string {
  return generateChecks([{ schema, name: o.name, typeName: o.typeName }], o);
}

/**
 * The checks of several schemas in one module (see generateCheck), sharing its constants; `imports` names the
 * functions of the schemas that the code calls (see Imports).
 */
export function generateChecks(
  roots: { schema: z.ZodType; name: string; typeName: string }[],
  o: { typeFrom: string; header: string; js?: boolean; imports?: Imports },
): string {
  const e = new Emitter(Boolean(o.js), o.imports);
  const ty = e.ty;
  const exports: string[] = [];
  let supported = false;
  for (const r of roots) {
    let root: Node | undefined;
    try {
      root = emit(e, r.schema as unknown as Schema);
    } catch (err) {
      if (!(err instanceof Unsupported)) throw err;
    }
    supported ||= root !== undefined;
    exports.push(
      "",
      ...(root
        ? [
            `export function ${r.name}(input${ty(": unknown")})${ty(`: ${r.typeName} | undefined`)} {`,
            ...("fn" in root
              ? [`  const v = ${root.fn}(input);`, "  return v === D ? undefined : v;"]
              : [`  return ${root.cond("input")} ? ${o.js ? "input" : `(input as ${r.typeName})`} : undefined;`]),
            "}",
          ]
        : [
            `export function ${r.name}(_input${ty(": unknown")})${ty(`: ${r.typeName} | undefined`)} {`,
            "  return undefined;",
            "}",
          ]),
    );
  }
  const body = supported
    ? [
        `const D${ty(": unique symbol")} = Symbol("defer");`,
        `const isObject = (x${ty(": unknown")})${ty(": x is Record<string, unknown>")} => typeof x === "object" && x !== null && !Array.isArray(x);`,
        ...e.constantLines(),
        ...e.functions,
        ...exports,
      ]
    : exports.slice(1);
  const types = roots.map((r) => r.typeName).join(", ");
  const functions = [...e.used].sort(([a], [b]) => (a < b ? -1 : 1));
  const imports = o.js
    ? []
    : [
        ...functions.map(([from, names]) => `import { ${[...names].sort().join(", ")} } from ${lit(from)};`),
        `import type { ${types} } from ${lit(o.typeFrom)};`,
        "",
      ];
  return [o.header, ...imports, ...body, ""].join("\n");
}
