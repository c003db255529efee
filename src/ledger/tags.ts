/**
 * Git tags in GTO's grammar (iterative/gto, gto/tag.py), so that GTO and DVC Studio read the registry modelgate
 * writes:
 *   name@vX.Y.Z        a version, registered by a release manager (annotated)
 *   name@vX.Y.Z!       that version deregistered
 *   name#stage#N       a stage assignment made by modelgate (annotated, on the version's commit)
 *   name#stage!#N      that stage unassigned
 * N increases per model and stage: modelgate takes the highest N among the model's tags for that stage, plus one.
 */

const NAME = "[a-z0-9](?:[a-z0-9-]*[a-z0-9])?";
const SEMVER = "(?:0|[1-9]\\d*)\\.(?:0|[1-9]\\d*)\\.(?:0|[1-9]\\d*)(?:-[0-9A-Za-z.-]+)?(?:\\+[0-9A-Za-z.-]+)?";

export type ParsedTag =
  | { kind: "version"; name: string; version: string; deregistered: boolean }
  | { kind: "stage"; name: string; stage: string; number: number; unassigned: boolean };

const versionRe = new RegExp(`^(${NAME})@v(${SEMVER})(!?)$`);
const stageRe = new RegExp(`^(${NAME})#(${NAME})(!?)#([1-9]\\d*)$`);

/** A tag name read in GTO's grammar, or undefined when it is not one of modelgate's/GTO's tags. */
export function parseTag(tag: string): ParsedTag | undefined {
  let m = versionRe.exec(tag);
  if (m) return { kind: "version", name: m[1], version: m[2], deregistered: m[3] === "!" };
  m = stageRe.exec(tag);
  if (m) return { kind: "stage", name: m[1], stage: m[2], number: Number(m[4]), unassigned: m[3] === "!" };
  return undefined;
}

/** True when the tag claims to be a GTO tag (has @ or # after a name) but does not follow the grammar. */
export function looksLikeRegistryTag(tag: string): boolean {
  return /^[a-z0-9][a-z0-9-]*[@#]/.test(tag) && parseTag(tag) === undefined;
}

export const versionTag = (name: string, version: string) => `${name}@v${version}`;
export const deregisterTag = (name: string, version: string) => `${name}@v${version}!`;
export const stageTag = (name: string, stage: string, n: number) => `${name}#${stage}#${n}`;
export const unassignTag = (name: string, stage: string, n: number) => `${name}#${stage}!#${n}`;

/** The next stage-assignment number for a model and stage, given every tag name in the repository. */
export function nextStageNumber(tags: Iterable<string>, name: string, stage: string): number {
  let max = 0;
  for (const t of tags) {
    const p = parseTag(t);
    if (p?.kind === "stage" && p.name === name && p.stage === stage && p.number > max) max = p.number;
  }
  return max + 1;
}

/** Parses a version argument: "1.4.0", "v1.4.0" or a whole tag "name@v1.4.0". */
export function parseVersionArg(arg: string): { name?: string; version: string } | undefined {
  const t = parseTag(arg);
  if (t?.kind === "version" && !t.deregistered) return { name: t.name, version: t.version };
  const m = new RegExp(`^v?(${SEMVER})$`).exec(arg);
  return m ? { version: m[1] } : undefined;
}
