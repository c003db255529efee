import type { z } from "zod";
import type { Finding } from "./findings.ts";
import type { Kind, manifestSchemas } from "./schema.ts";
import { checkConfig, checkDataset, checkModel } from "./schema-check.ts";
import { lazySource, type SourceDoc } from "./source.ts";
import { fastYamlValue } from "./yaml-fast.ts";

/**
 * A valid manifest read without `yaml` and without zod: written in the plain block style (./yaml-fast.ts reads it
 * as `yaml` would) and accepted by the check generated from its kind's schema (./schema-check.ts: it accepts only
 * what zod accepts and gives zod's value). Anything else — a syntax the fast reader leaves to `yaml`, a kind that is
 * missing or not the one expected, a value the check defers — is `undefined` here, and ./yaml.ts parses the file with
 * `yaml` and zod, which name its problems.
 */

export interface ParsedManifest<K extends Kind = Kind> {
  kind: K;
  src: SourceDoc;
  /** The validated value with defaults applied; undefined when the manifest has errors. */
  value?: z.infer<(typeof manifestSchemas)[K]>;
}

export type ParseResult = { manifest?: ParsedManifest; findings: Finding[] };

const generatedChecks: Record<Kind, (input: unknown) => unknown> = {
  Config: checkConfig,
  Dataset: checkDataset,
  Model: checkModel,
};

/**
 * Valid manifests parsed in this process, by file name, expected kind and exact text (issue #25: every command of the
 * demo parsed the same few manifests again). A hit gives fresh copies of the value and findings, and a document
 * parsed again only if it is asked for (to point at a line, or to edit): nothing is shared between callers, and a
 * file whose text changed by one byte is another key.
 */
const parsedManifests = new Map<string, { kind: Kind; value: unknown; findings: Finding[] }>();
const PARSED_MANIFESTS_KEPT = 256;

const cacheKey = (file: string, text: string, expect: Kind | undefined) => `${expect ?? ""}\0${file}\0${text}`;

/** Keeps a valid manifest's result (a copy) for the next parse of the same text (the parse by yaml and zod). */
export function rememberManifest(file: string, text: string, expect: Kind | undefined, r: ParseResult): void {
  if (!r.manifest?.value) return;
  if (parsedManifests.size >= PARSED_MANIFESTS_KEPT) parsedManifests.delete(parsedManifests.keys().next().value!);
  parsedManifests.set(cacheKey(file, text, expect), {
    kind: r.manifest.kind,
    value: structuredClone(r.manifest.value),
    findings: r.findings.map((f) => ({ ...f })),
  });
}

/** A manifest parsed before in this process, or read and checked without `yaml` and zod; undefined: ask ./yaml.ts. */
export function plainManifest(file: string, text: string, expect?: Kind): ParseResult | undefined {
  const hit = parsedManifests.get(cacheKey(file, text, expect));
  if (hit) {
    return {
      manifest: { kind: hit.kind, src: lazySource(file, text), value: structuredClone(hit.value) as any },
      findings: hit.findings.map((f) => ({ ...f })),
    };
  }
  const raw = fastYamlValue(text);
  if (!raw || typeof raw !== "object" || Array.isArray(raw)) return undefined;
  const kind = (raw as { kind?: unknown }).kind;
  if (kind !== "Config" && kind !== "Dataset" && kind !== "Model") return undefined;
  if (expect && kind !== expect) return undefined;
  const value = generatedChecks[kind](raw);
  if (value === undefined) return undefined;
  // not kept for the next parse of the same text (a copy costs more than reading it again as above)
  return { manifest: { kind, src: lazySource(file, text), value: value as any }, findings: [] };
}
