/**
 * Git tags in GTO's grammar (iterative/gto at its release 1.10.1: `tag_re` in gto/constants.py, `parse_name` and
 * `name_tag` in gto/tag.py), so that modelgate reads every registry tag GTO writes or accepts, and GTO and DVC Studio
 * read the registry modelgate writes. GTO's grammar:
 *   NAME@vSEMVER       a version registered          NAME@vSEMVER!   that version deregistered
 *   NAME#STAGE         a stage assigned (on a commit) NAME#STAGE!     that stage unassigned
 *   NAME@deprecated    the artifact deprecated        NAME@created    (accepted by the regex; GTO makes no such tag)
 * each optionally followed by a counter `#N`. NAME is GTO's artifact name as a tag spells it: letters, digits, `-`,
 * `_`, `/`, starting and ending with a letter or digit, optionally after a `DIRNAME=` prefix (GTO's `dirname:name`).
 * STAGE has NAME's grammar. SEMVER is semver.org's (its digits are Python's `\d`: any Unicode decimal digit).
 *
 * What modelgate writes is a subset: `name@vX.Y.Z` (by a release manager), `name@vX.Y.Z!`, `name#stage#N`,
 * `name#stage!#N`, where N increases per model and stage (modelgate takes the highest N among the model's tags for
 * that stage, plus one). GTO numbers per artifact across stages instead (the largest counter among the artifact's
 * tags, plus one) and orders events by tag time, not by counter, so both schemes keep tag names unique and read
 * correctly. test/ledger/tags-gto*.test.ts check this parser against GTO's own regex and test cases.
 */

const DIGIT = "\\p{Nd}";
const DIRNAME = "[a-zA-Z0-9\\-_./]+";
const NAME = "[a-zA-Z0-9](?:[a-zA-Z0-9\\-/_]*[a-zA-Z0-9])?";
const NUM = `(?:0|[1-9]${DIGIT}*)`;
const PRE_ID = `(?:0|[1-9]${DIGIT}*|${DIGIT}*[a-zA-Z\\-][0-9a-zA-Z\\-]*)`;
const SEMVER = `${NUM}\\.${NUM}\\.${NUM}(?:-${PRE_ID}(?:\\.${PRE_ID})*)?(?:\\+[0-9a-zA-Z\\-]+(?:\\.[0-9a-zA-Z\\-]+)*)?`;

const tagRe = new RegExp(
  `^(?<artifact>(?:${DIRNAME}=)?${NAME})(?:(?:#(?<stage>${NAME})|@v(?<version>${SEMVER}))(?<cancel>!?)|@(?<mark>deprecated|created))(?:#(?<counter>[0-9]+))?$`,
  "u",
);

interface Counted {
  /** GTO's artifact name (a `DIRNAME=` prefix read as GTO reads it, `DIRNAME:`); a modelgate model's is its name. */
  name: string;
  /** The counter `#N`, when the tag has one (GTO's `--simple` tags and older GTO's tags have none). */
  number?: number;
}

export type ParsedTag =
  | (Counted & { kind: "version"; version: string; deregistered: boolean })
  | (Counted & { kind: "stage"; stage: string; unassigned: boolean })
  | (Counted & { kind: "deprecated" | "created" });

/** Tags already read (audit reads each tag in several rules; the grammar's regular expression is the cost). */
const parsedTags = new Map<string, ParsedTag | undefined>();

/**
 * A tag name read in GTO's grammar (as GTO's parse_name reads it), or undefined when GTO would not read it. The
 * result is frozen: the same object is returned for the same name.
 */
export function parseTag(tag: string): ParsedTag | undefined {
  if (parsedTags.has(tag)) return parsedTags.get(tag);
  if (parsedTags.size >= 100_000) parsedTags.clear();
  const p = readTag(tag);
  parsedTags.set(tag, p && Object.freeze(p));
  return p;
}

function readTag(tag: string): ParsedTag | undefined {
  const g = tagRe.exec(tag)?.groups;
  if (!g) return undefined;
  const base: Counted = { name: g.artifact.replace("=", ":") };
  if (g.counter !== undefined) base.number = Number(g.counter);
  if (g.mark) return { ...base, kind: g.mark as "deprecated" | "created" };
  if (g.version !== undefined) return { ...base, kind: "version", version: g.version, deregistered: g.cancel === "!" };
  return { ...base, kind: "stage", stage: g.stage, unassigned: g.cancel === "!" };
}

/** A name modelgate's models can have (lowercase letters, digits and '-', as a DNS label): GTO's artifacts may not. */
export const isModelName = (name: string) => /^[a-z0-9](?:[a-z0-9-]*[a-z0-9])?$/.test(name);

export const versionTag = (name: string, version: string) => `${name}@v${version}`;
export const deregisterTag = (name: string, version: string) => `${name}@v${version}!`;
export const stageTag = (name: string, stage: string, n: number) => `${name}#${stage}#${n}`;
export const unassignTag = (name: string, stage: string, n: number) => `${name}#${stage}!#${n}`;

/** The next stage-assignment number for a model and stage, given every tag name in the repository. */
export function nextStageNumber(tags: Iterable<string>, name: string, stage: string): number {
  let max = 0;
  for (const t of tags) {
    const p = parseTag(t);
    if (p?.kind === "stage" && p.name === name && p.stage === stage && (p.number ?? 0) > max) max = p.number ?? 0;
  }
  return max + 1;
}

/**
 * The first tag among `tags` that deregisters a model's version, in any form GTO writes (`name@vX.Y.Z!` or, with a
 * counter, `name@vX.Y.Z!#N`).
 */
export function deregistrationOf(tags: Iterable<string>, name: string, version: string): string | undefined {
  for (const t of tags) {
    const p = parseTag(t);
    if (p?.kind === "version" && p.deregistered && p.name === name && p.version === version) return t;
  }
  return undefined;
}

/** Parses a version argument: "1.4.0", "v1.4.0" or a whole tag "name@v1.4.0". */
export function parseVersionArg(arg: string): { name?: string; version: string } | undefined {
  const t = parseTag(arg);
  if (t?.kind === "version" && !t.deregistered && t.number === undefined) return { name: t.name, version: t.version };
  const m = new RegExp(`^v?(${SEMVER})$`, "u").exec(arg);
  return m ? { version: m[1] } : undefined;
}
