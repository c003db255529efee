import type { z } from "zod";

/**
 * A zod schema written out as plain TypeScript that accepts exactly what the schema accepts, for the hot paths that
 * validate many records (`audit` reads every promotion record of every ledger): zod's own parse, run cold in a short
 * CLI process, cost several times the JSON parsing, and loading zod and the schemas costs a short command more still.
 * The generated check (./promotion-check.ts, written by `npm run schemas`, kept equal to this generator's output by
 * test/records/compiled.unit.test.ts) imports nothing. It only ever says "valid" for a value zod accepts, and returns
 * what zod would return (a copy, keys in the schema's order); for anything else — invalid, or a form it does not know
 * — it returns `undefined`, and the caller asks zod, which names the problem. A schema using a kind or check not
 * handled here generates a check that always defers to zod.
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
  discriminator?: string;
}
interface CheckDef {
  check: string;
  format?: string;
  pattern?: RegExp;
  minimum?: number;
  value?: number;
  inclusive?: boolean;
}
type Schema = { _zod: { def: Def } };

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

  constructor(js: boolean) {
    this.ty = (a) => (js ? "" : a);
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
function checksOf(e: Emitter, def: Def, v: string): string[] {
  return (def.checks ?? []).map(({ _zod: { def: c } }) => {
    if (c.check === "string_format" && c.format === "regex" && c.pattern && !c.pattern.global && !c.pattern.sticky)
      return `${e.constant(`/${c.pattern.source}/${c.pattern.flags}`)}.test(${v})`;
    if (c.check === "min_length" && typeof c.minimum === "number") return `${v}.length >= ${c.minimum}`;
    if (c.check === "number_format" && c.format === "safeint") return `Number.isSafeInteger(${v})`;
    if (c.check === "greater_than" && typeof c.value === "number") return `${v} ${c.inclusive ? ">=" : ">"} ${c.value}`;
    throw new Unsupported(c.check);
  });
}

/** The statements that set `v` to the checked value of `expr` (a copy for objects and arrays), or return D. */
function take(node: Node, expr: string, v: string): string[] {
  if ("cond" in node) return [`${v} = ${expr};`, `if (!(${node.cond(v)})) return D;`];
  return [`${v} = ${node.fn}(${expr});`, `if (${v} === D) return D;`];
}

function emit(e: Emitter, schema: Schema): Node {
  const def = schema._zod.def;
  switch (def.type) {
    case "string": {
      const checks = checksOf(e, def, "$");
      return { cond: (v) => [`typeof ${v} === "string"`, ...checks.map((c) => c.replaceAll("$", v))].join(" && ") };
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
    case "record": {
      const key = def.keyType?._zod.def;
      if (def.checks?.length || key?.type !== "string" || key.checks?.length) throw new Unsupported("record");
      const value = emit(e, def.valueType as Schema);
      return e.fn([
        "if (!isObject(x)) return D;",
        `const out${e.ty(": Record<string, unknown>")} = {};`,
        `let v${e.ty(": unknown")};`,
        "for (const k of Object.keys(x)) {",
        `  if (k === "__proto__") return D;`,
        ...take(value, "x[k]", "v").map((l) => `  ${l}`),
        "  out[k] = v;",
        "}",
        "return out;",
      ]);
    }
    case "object":
      return emitObject(e, def);
    case "union": {
      const tag = def.discriminator;
      if (def.checks?.length || tag === undefined) throw new Unsupported("union without a discriminator");
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

/** A strict object (no keys beyond its shape): a copy with the shape's keys in order, absent optional keys left out. */
function emitObject(e: Emitter, def: Def): Node {
  if (def.checks?.length || def.catchall?._zod.def.type !== "never") throw new Unsupported("object that is not strict");
  const lines = [
    "if (!isObject(x)) return D;",
    "let present = 0;",
    `let v${e.ty(": unknown")};`,
    `const out${e.ty(": any")} = {};`,
  ];
  for (const [key, s] of Object.entries(def.shape ?? {})) {
    const optional = s._zod.def.type === "optional";
    // present, an optional key is checked as its inner schema: a key whose value is undefined (never in JSON) defers
    const check = emit(e, optional ? (s._zod.def.innerType as Schema) : s);
    const k = lit(key);
    lines.push(
      `if (Object.hasOwn(x, ${k})) {`,
      ...take(check, `x[${k}]`, "v").map((l) => `  ${l}`),
      `  out[${k}] = v;`,
      "  present++;",
      `}${optional ? "" : " else return D;"}`,
    );
  }
  // a key beyond the shape (an unrecognized key) is zod's to report
  lines.push("if (Object.keys(x).length !== present) return D;", "return out;");
  return e.fn(lines);
}

/**
 * The TypeScript source of a check of `schema` (see above), exporting `name(input): T | undefined` (T the type of
 * `typeName`, imported as a type from `typeFrom`): the parsed value when valid, undefined to ask zod.
 */
export function generateCheck(
  schema: z.ZodType,
  o: { name: string; typeName: string; typeFrom: string; header: string; js?: boolean },
): string {
  const e = new Emitter(Boolean(o.js));
  const ty = e.ty;
  let root: Node | undefined;
  try {
    root = emit(e, schema as unknown as Schema);
  } catch (err) {
    if (!(err instanceof Unsupported)) throw err;
  }
  const body = root
    ? [
        `const D${ty(": unique symbol")} = Symbol("defer");`,
        `const isObject = (x${ty(": unknown")})${ty(": x is Record<string, unknown>")} => typeof x === "object" && x !== null && !Array.isArray(x);`,
        ...e.constantLines(),
        ...e.functions,
        "",
        `export function ${o.name}(input${ty(": unknown")})${ty(`: ${o.typeName} | undefined`)} {`,
        ...("fn" in root
          ? [`  const v = ${root.fn}(input);`, "  return v === D ? undefined : v;"]
          : [`  return ${root.cond("input")} ? ${o.js ? "input" : `(input as ${o.typeName})`} : undefined;`]),
        "}",
      ]
    : [
        `export function ${o.name}(_input${ty(": unknown")})${ty(`: ${o.typeName} | undefined`)} {`,
        "  return undefined;",
        "}",
      ];
  const imports = o.js ? [] : [`import type { ${o.typeName} } from ${lit(o.typeFrom)};`, ""];
  return [o.header, ...imports, ...body, ""].join("\n");
}
