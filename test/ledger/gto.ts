/**
 * GTO's own tag grammar, for checking modelgate's parser (src/ledger/tags.ts) against it: the regex is built from the
 * verbatim copy of GTO's source in test/fixtures/gto/gto_tag_grammar.py (its f-strings evaluated here, as Python
 * evaluates them), and `gtoParse` is GTO's parse_name over it. JavaScript's `\d` is ASCII where Python's is any
 * Unicode decimal digit: the pure tests use ASCII tags; tags-gto.test.ts runs the same file in Python itself.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { ParsedTag } from "../../src/ledger/tags.ts";

export const FIXTURES = join(import.meta.dirname, "..", "fixtures", "gto");
export const GRAMMAR_PY = join(FIXTURES, "gto_tag_grammar.py");

/** The top-level string assignments of the copied source, evaluated (plain, raw and f-strings, name_to_tag). */
function evaluate(source: string): Map<string, string> {
  const vars = new Map<string, string>();
  const literal = (prefix: string, body: string): string => {
    if (!prefix.includes("r") && body.includes("\\")) throw new Error(`an escape in a plain string: ${body}`);
    if (!prefix.includes("f")) return body;
    if (body.includes("{{")) throw new Error(`a doubled brace in an f-string: ${body}`);
    return body.replace(/\{(\w+)\}/g, (_, v: string) => {
      const x = vars.get(v);
      if (x === undefined) throw new Error(`${v} is not defined before its use`);
      return x;
    });
  };
  // an assignment may span lines inside re.compile( … )
  const text = source.replace(/re\.compile\(\s*\n\s*/g, "re.compile(").replace(/\s*\n\)/g, ")");
  for (const line of text.split("\n")) {
    let m = /^(\w+) = (?:re\.compile\()?([rf]*)"((?:[^"\\]|\\.)*)"\)?(?:\s*#.*)?$/.exec(line);
    if (m) {
      vars.set(m[1], literal(m[2], m[3]));
      continue;
    }
    m = /^(\w+) = name_to_tag\((\w+)\)/.exec(line);
    if (m) vars.set(m[1], (vars.get(m[2]) as string).replaceAll(vars.get("SEPARATOR_IN_NAME") as string, "="));
  }
  return vars;
}

const vars = evaluate(readFileSync(GRAMMAR_PY, "utf8"));
/** GTO's `tag_re.pattern`, as Python compiles it. */
export const GTO_TAG_RE_SOURCE = vars.get("tag_re") as string;
/** GTO's tag_re in JavaScript: Python's named groups `(?P<x>` are `(?<x>` here; nothing else differs for ASCII. */
export const gtoTagRe = new RegExp(GTO_TAG_RE_SOURCE.replaceAll("(?P<", "(?<"));
/** GTO's name_re (an artifact or stage name) and fullname_in_tag_re. */
export const gtoNameRe = new RegExp(`^${vars.get("name")}$`.replaceAll("(?P<", "(?<"));
export const gtoFullnameInTagRe = new RegExp(`^${vars.get("fullname_in_tag")}$`.replaceAll("(?P<", "(?<"));

/** What GTO's parse_name returns (gto/tag.py), with Action as its value: {} when the tag is not GTO's. */
export type GtoParsed = { name?: string; action?: string; version?: string; stage?: string; counter?: number };

export function gtoParse(tag: string): GtoParsed {
  const g = gtoTagRe.exec(tag)?.groups;
  if (!g) return {};
  const parsed: GtoParsed = { name: g.artifact.replaceAll("=", ":") };
  if (g.deprecated) parsed.action = "deprecate";
  if (g.version) {
    parsed.version = g.version;
    parsed.action = g.cancel === "!" ? "deregister" : "register";
  }
  if (g.stage) {
    parsed.stage = g.stage;
    parsed.action = g.cancel === "!" ? "unassign" : "assign";
  }
  if (g.counter) parsed.counter = Number.parseInt(g.counter, 10);
  return parsed;
}

/** modelgate's parse in GTO's terms, to compare with gtoParse (`created` has no action in GTO either). */
export function asGto(p: ParsedTag | undefined): GtoParsed {
  if (!p) return {};
  const out: GtoParsed = { name: p.name };
  if (p.kind === "version") {
    out.version = `v${p.version}`;
    out.action = p.deregistered ? "deregister" : "register";
  } else if (p.kind === "stage") {
    out.stage = p.stage;
    out.action = p.unassigned ? "unassign" : "assign";
  } else if (p.kind === "deprecated") out.action = "deprecate";
  if (p.number !== undefined) out.counter = p.number;
  return out;
}

export interface GtoCases {
  test_parse_name: { tag: string; parsed: GtoParsed }[];
  test_parse_wrong_names: string[];
  test_parse_correct_names: string[];
  test_check_name_is_valid: string[];
  test_check_name_is_invalid: string[];
  test_check_fullname_in_tag_is_valid: string[];
}
export const GTO_CASES: GtoCases = JSON.parse(readFileSync(join(FIXTURES, "test-cases.json"), "utf8"));

/** A small deterministic generator (mulberry32), so the corpus is the same on every run. */
function random(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export const ARTIFACTS = [
  "nn",
  "m",
  "1",
  "fraud-detector",
  "churn",
  "Model_A",
  "DVCLive/Model",
  "model_prod_v1",
  "dvclive=model",
  "some/folder=some/model",
  "Some/folder/A=Model",
  "a.b/c-d_e=x",
  ".=m",
  "_model",
  "-model",
  "model-",
  "m/",
  "/m",
  "a b",
  "=m",
  "a=b=c",
  "dir/=m",
  "a//b",
  "a--b",
  "x_",
  "ünï",
  "",
];

export const SUFFIXES = [
  "@v1.0.0",
  "@v1.0.0!",
  "@v1.0.0#1",
  "@v1.0.0!#2",
  "@v0.0.0",
  "@v10.20.30",
  "@v1.0.0-rc.2",
  "@v1.0.0-alpha",
  "@v1.0.0-alpha.beta",
  "@v1.0.0-0A.is.legal",
  "@v1.0.0-01",
  "@v1.0.0-alpha..1",
  "@v1.0.0-",
  "@v1.0.0+build.5",
  "@v1.0.0+001",
  "@v1.0.0+",
  "@v1.0.0-rc.1+build.1!#7",
  "@v01.0.0",
  "@v1.01.0",
  "@v1",
  "@v1.0",
  "@1.0.0",
  "@V1.0.0",
  "@v1.0.0!!",
  "@latest",
  "#prod",
  "#prod!",
  "#prod#1",
  "#prod!#2",
  "#prod#0",
  "#prod#01",
  "#prod#-1",
  "#prod#1-2",
  "#prod##1",
  "#prod!!",
  "#prod!#",
  "#qa_1/x#3",
  "#Prod",
  "#-prod",
  "#prod-#1",
  "#pr od",
  "#prod@v1.2.3",
  "@v1.2.3#prod",
  "@deprecated",
  "@deprecated#3",
  "@deprecated!",
  "@created",
  "@created#1",
  "@Deprecated",
  "",
  "#",
  "@",
];

/** Every artifact with every suffix, GTO's own test cases, and near misses of them (one character changed). */
export function tagCorpus(o: { seed?: number; mutations?: number; random?: number } = {}): string[] {
  const rnd = random(o.seed ?? 21);
  const out = new Set<string>();
  for (const a of ARTIFACTS) for (const s of SUFFIXES) out.add(`${a}${s}`);
  for (const t of [...GTO_CASES.test_parse_wrong_names, ...GTO_CASES.test_parse_correct_names]) out.add(t);
  for (const c of GTO_CASES.test_parse_name) out.add(c.tag);
  for (const n of [
    ...GTO_CASES.test_check_name_is_valid,
    ...GTO_CASES.test_check_name_is_invalid,
    ...GTO_CASES.test_check_fullname_in_tag_is_valid,
  ]) {
    for (const s of ["@v1.0.0", "#prod#1", "@deprecated", "#prod!"]) out.add(`${n}${s}`);
    out.add(`nn#${n}`);
    out.add(`nn#${n}!#4`);
  }
  const alphabet = "aZ09-_/.=@#!v+ ";
  const seeds = [...out].filter((t) => gtoTagRe.test(t));
  for (let i = 0; i < (o.mutations ?? 4000); i++) {
    const t = seeds[Math.floor(rnd() * seeds.length)];
    const at = Math.floor(rnd() * (t.length + 1));
    const ch = alphabet[Math.floor(rnd() * alphabet.length)];
    const op = rnd();
    out.add(
      op < 0.34
        ? t.slice(0, at) + ch + t.slice(at)
        : op < 0.67
          ? t.slice(0, at) + t.slice(at + 1)
          : t.slice(0, at) + ch + t.slice(at + 1),
    );
  }
  for (let i = 0; i < (o.random ?? 2000); i++) {
    const len = 1 + Math.floor(rnd() * 14);
    let t = "";
    for (let j = 0; j < len; j++) t += alphabet[Math.floor(rnd() * alphabet.length)];
    out.add(t);
  }
  return [...out];
}
