import type { z } from "zod";

/**
 * A zod schema compiled once into plain closures that accept exactly what the schema accepts, for the hot paths that
 * validate many records (`audit` reads every promotion record of every ledger): zod's own parse, run cold in a short
 * CLI process, cost several times the JSON parsing. The compiled check only ever says "valid" for a value zod
 * accepts, and returns what zod would return (a copy, keys in the schema's order); for anything else — invalid, or a
 * form it does not know — it returns `undefined`, and the caller asks zod, which names the problem. Schemas using a
 * kind or check not handled here compile to a check that always defers to zod.
 */
export type Compiled = (input: unknown) => unknown;

const DEFER: unique symbol = Symbol("defer");
type Check = (input: unknown) => unknown | typeof DEFER;

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

const isObject = (x: unknown): x is Record<string, unknown> => typeof x === "object" && x !== null && !Array.isArray(x);

/** The checks of a string or a number (an array's length too), as one predicate; unknown checks are Unsupported. */
function checksOf(def: Def): ((x: never) => boolean)[] {
  return (def.checks ?? []).map(({ _zod: { def: c } }) => {
    if (c.check === "string_format" && c.format === "regex" && c.pattern && !c.pattern.global && !c.pattern.sticky) {
      const re = c.pattern;
      return (x: string) => re.test(x);
    }
    if (c.check === "min_length" && typeof c.minimum === "number") {
      const min = c.minimum;
      return (x: string | unknown[]) => x.length >= min;
    }
    if (c.check === "number_format" && c.format === "safeint") return (x: number) => Number.isSafeInteger(x);
    if (c.check === "greater_than" && typeof c.value === "number") {
      const v = c.value;
      return c.inclusive ? (x: number) => x >= v : (x: number) => x > v;
    }
    throw new Unsupported(c.check);
  });
}

function compileDef(schema: Schema): Check {
  const def = schema._zod.def;
  switch (def.type) {
    case "string": {
      const checks = checksOf(def) as ((x: string) => boolean)[];
      return (x) => (typeof x === "string" && checks.every((c) => c(x)) ? x : DEFER);
    }
    case "number": {
      const checks = checksOf(def) as ((x: number) => boolean)[];
      return (x) => (typeof x === "number" && Number.isFinite(x) && checks.every((c) => c(x)) ? x : DEFER);
    }
    case "boolean":
      if (def.checks?.length) throw new Unsupported("boolean checks");
      return (x) => (typeof x === "boolean" ? x : DEFER);
    case "literal": {
      const values: unknown[] = def.values ?? [];
      if (def.checks?.length || !values.every((v) => typeof v === "string" || typeof v === "number"))
        throw new Unsupported("literal");
      const allowed = new Set<unknown>(values);
      return (x) => (allowed.has(x) ? x : DEFER);
    }
    case "enum": {
      const values: unknown[] = Object.values(def.entries ?? {});
      if (def.checks?.length || !values.every((v) => typeof v === "string")) throw new Unsupported("enum");
      const allowed = new Set<unknown>(values);
      return (x) => (allowed.has(x) ? x : DEFER);
    }
    case "nullable": {
      const inner = compileDef(def.innerType as Schema);
      return (x) => (x === null ? null : inner(x));
    }
    case "optional": {
      const inner = compileDef(def.innerType as Schema);
      return (x) => (x === undefined ? undefined : inner(x));
    }
    case "array": {
      const element = compileDef(def.element as Schema);
      const checks = checksOf(def) as ((x: unknown[]) => boolean)[];
      return (x) => {
        if (!Array.isArray(x) || !checks.every((c) => c(x))) return DEFER;
        const out = new Array(x.length);
        for (let i = 0; i < x.length; i++) {
          const v = element(x[i]);
          if (v === DEFER) return DEFER;
          out[i] = v;
        }
        return out;
      };
    }
    case "record": {
      const key = def.keyType?._zod.def;
      if (def.checks?.length || key?.type !== "string" || key.checks?.length) throw new Unsupported("record");
      const value = compileDef(def.valueType as Schema);
      return (x) => {
        if (!isObject(x)) return DEFER;
        const out: Record<string, unknown> = {};
        for (const k of Object.keys(x)) {
          if (k === "__proto__") return DEFER;
          const v = value(x[k]);
          if (v === DEFER) return DEFER;
          out[k] = v;
        }
        return out;
      };
    }
    case "object":
      return compileObject(def);
    case "union": {
      const tag = def.discriminator;
      if (def.checks?.length || tag === undefined) throw new Unsupported("union without a discriminator");
      const options = (def.options ?? []).map((o) => {
        const literal = o._zod.def.shape?.[tag]?._zod.def;
        if (literal?.type !== "literal") throw new Unsupported("discriminator");
        return { values: literal.values ?? [], check: compileDef(o) };
      });
      return (x) => {
        if (!isObject(x)) return DEFER;
        const matching = options.filter((o) => o.values.includes(x[tag]));
        return matching.length === 1 ? matching[0].check(x) : DEFER;
      };
    }
    default:
      throw new Unsupported(def.type);
  }
}

/** A strict object (no keys beyond its shape): a copy with the shape's keys in order, absent optional keys left out. */
function compileObject(def: Def): Check {
  if (def.checks?.length || def.catchall?._zod.def.type !== "never") throw new Unsupported("object that is not strict");
  const fields = Object.entries(def.shape ?? {}).map(([key, s]) => ({
    key,
    optional: s._zod.def.type === "optional",
    check: compileDef(s),
  }));
  const known = new Set(fields.map((f) => f.key));
  return (x) => {
    if (!isObject(x)) return DEFER;
    let present = 0;
    const out: Record<string, unknown> = {};
    for (const f of fields) {
      if (!Object.hasOwn(x, f.key)) {
        if (f.optional) continue;
        return DEFER;
      }
      present++;
      const v = f.check(x[f.key]);
      if (v === DEFER || v === undefined) return DEFER;
      out[f.key] = v;
    }
    // a key beyond the shape (an unrecognized key) is zod's to report
    if (Object.keys(x).length !== present) return DEFER;
    for (const k of Object.keys(x)) if (!known.has(k)) return DEFER;
    return out;
  };
}

/** The compiled check of a schema (see above): the parsed value when valid, undefined to ask zod. */
export function compileSchema(schema: z.ZodType): Compiled {
  let check: Check;
  try {
    check = compileDef(schema as unknown as Schema);
  } catch (err) {
    if (err instanceof Unsupported) return () => undefined;
    throw err;
  }
  return (input) => {
    const v = check(input);
    return v === DEFER ? undefined : v;
  };
}

/** zod's `safeParse`, through the compiled check first: zod itself runs only for what the check does not accept. */
export function fastSafeParse<S extends z.ZodType>(
  schema: S,
  compiled: Compiled,
  input: unknown,
): ReturnType<S["safeParse"]> {
  const v = compiled(input);
  if (v !== undefined) return { success: true, data: v } as ReturnType<S["safeParse"]>;
  return schema.safeParse(input) as ReturnType<S["safeParse"]>;
}
