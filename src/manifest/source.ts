import type { Document, LineCounter } from "yaml";
import { fastYamlPositions, type Pos } from "./yaml-fast.ts";

/**
 * A manifest's text and where its nodes are, without loading the `yaml` package: a document read by the fast reader
 * (./yaml-fast.ts) places most nodes itself, and `yaml`'s document tree is built only for a position it cannot give
 * (or an edit). `yaml` is then loaded by ./yaml.ts, which hands its parser to this module when it loads: a command
 * that reads manifests without it (validate) imports ./yaml.ts when YamlNotLoaded says it needs it, and asks again.
 */

export type Path = (string | number)[];

/** A YAML file parsed with source positions, so that every problem can name its line and column. */
export interface SourceDoc {
  file: string;
  text: string;
  doc: Document.Parsed;
  lines: LineCounter;
  /** Positions without `doc` (a document read by fastYamlValue), where certain. */
  fastPosition?: (path: Path, key: boolean) => Pos | undefined;
}

/** What ./yaml.ts gives this module when it loads: yaml's parse of a file, and a position in its document. */
interface YamlParser {
  parse(file: string, text: string): SourceDoc;
  position(src: SourceDoc, path: Path, key: boolean): { line: number; col: number };
}

let parser: YamlParser | undefined;

/** Called by ./yaml.ts as it loads. */
export function provideYamlParser(p: YamlParser): void {
  parser = p;
}

/** Thrown when a position or a document needs `yaml` and ./yaml.ts was not loaded: the caller loads it and asks again. */
export class YamlNotLoaded extends Error {
  constructor() {
    super("internal: the manifest's YAML document was asked for before ./yaml.ts was loaded");
  }
}

const yamlParser = (): YamlParser => {
  if (!parser) throw new YamlNotLoaded();
  return parser;
};

/** A YAML file whose value was read by fastYamlValue: its document (and line counter) parsed by yaml on first use. */
export function lazySource(file: string, text: string): SourceDoc {
  let full: SourceDoc | undefined;
  const parsed = () => {
    full ??= yamlParser().parse(file, text);
    return full;
  };
  let fast: ReturnType<typeof fastYamlPositions> | null | undefined;
  return {
    file,
    text,
    fastPosition: (path, key) => {
      if (full) return undefined; // parsed anyway: yaml's tree answers
      if (fast === undefined) fast = fastYamlPositions(text) ?? null;
      return fast?.(path, key);
    },
    get doc() {
      return parsed().doc;
    },
    get lines() {
      return parsed().lines;
    },
  };
}

/** Line and column of the node at `path`; for a missing node, of its nearest existing parent. `key` points at the key. */
export function positionOf(src: SourceDoc, path: Path, key = false): { line: number; col: number } {
  const fast = src.fastPosition?.(path, key);
  if (fast) return { line: fast.line, col: fast.col };
  return yamlParser().position(src, path, key);
}
