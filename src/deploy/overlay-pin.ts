import { fastYamlValue } from "../manifest/yaml-fast.ts";
import type { StorageScheme } from "./kserve.ts";

/**
 * Reading back what an overlay pins (./render.ts readOverlayPin), shared by the reader that parses with `yaml` and
 * the one that does not (fastOverlayPin: the overlays modelgate writes, in the plain block style with each patch a
 * literal block scalar, read by ../manifest/yaml-fast.ts; anything else is left to `yaml`). This module loads no
 * `yaml`, so that `audit verify` reads the overlays of a history without it.
 */

/** The annotation on the rendered object that names the promotion record which put the digest there. */
export const RECORD_ANNOTATION = "modelgate.dev/promotion-record";
export const VERSION_ANNOTATION = "modelgate.dev/version";
export const SCHEME_RE = /^(oci(?:\+[a-z]+)?):\/\//;

export type OverlayPin = { image: string; scheme?: StorageScheme; version?: string; record?: string } | undefined;

/** What fastOverlayPin answers when it cannot tell (the text is outside what it reads): parse it with `yaml`. */
export const DEFER: unique symbol = Symbol("defer to yaml");

/** The pin of an overlay's document, each patch's text parsed by `parsePatch` (throwing DEFER: the answer is DEFER). */
export function pinOfDocument(doc: unknown, parsePatch: (text: string) => unknown): OverlayPin {
  const ops: { path?: string; value?: unknown }[] = [];
  for (const p of (doc as { patches?: { patch?: string }[] } | null)?.patches ?? []) {
    try {
      const list = typeof p.patch === "string" ? parsePatch(p.patch) : undefined;
      if (Array.isArray(list)) ops.push(...list);
    } catch (e) {
      if (e === DEFER) throw e;
    }
  }
  const value = (suffix: string) => {
    const v = ops.find((o) => typeof o.path === "string" && o.path.endsWith(suffix))?.value;
    return typeof v === "string" ? v : undefined;
  };
  const uri = value("/storageUri") ?? value("/initContainers/0/image");
  const scheme = uri ? SCHEME_RE.exec(uri)?.[1] : undefined;
  const image = uri?.replace(SCHEME_RE, "");
  if (!image) return undefined;
  return {
    image,
    ...(scheme ? { scheme: scheme as StorageScheme } : {}),
    version: value(VERSION_ANNOTATION.replace("/", "~1")),
    record: value(RECORD_ANNOTATION.replace("/", "~1")),
  };
}

const PLACEHOLDER = "modelgate-literal-block-";
const PATCH_KEY = /^( *)patch: \|$/;

/**
 * The overlay's text with each `patch: |` literal block scalar (clip chomping, no indentation indicator, no empty
 * line) replaced by a plain placeholder, and the blocks' values (each line less the block's indentation, joined by
 * line feeds, with one at the end: what YAML makes of such a block); undefined for anything else.
 */
function withoutBlocks(text: string): { text: string; blocks: string[] } | undefined {
  if (!text.endsWith("\n") || text.includes(PLACEHOLDER) || text.includes("\r") || text.includes("\t"))
    return undefined;
  const lines = text.split("\n");
  lines.pop();
  const out: string[] = [];
  const blocks: string[] = [];
  for (let i = 0; i < lines.length; i++) {
    const m = PATCH_KEY.exec(lines[i]);
    if (!m) {
      out.push(lines[i]);
      continue;
    }
    const keyIndent = m[1].length;
    const indentOf = (s: string) => /^ */.exec(s)![0].length;
    const first = lines[i + 1];
    if (first === undefined || first.trim() === "" || indentOf(first) <= keyIndent) return undefined;
    const n = indentOf(first);
    const body: string[] = [];
    let j = i + 1;
    for (; j < lines.length; j++) {
      const line = lines[j];
      if (line.trim() === "") return undefined;
      const ind = indentOf(line);
      if (ind >= n) body.push(line.substring(n));
      else if (ind <= keyIndent) break;
      else return undefined;
    }
    out.push(`${m[1]}patch: ${PLACEHOLDER}${blocks.length}`);
    blocks.push(`${body.join("\n")}\n`);
    i = j - 1;
  }
  return { text: `${out.join("\n")}\n`, blocks };
}

/**
 * What ./render.ts readOverlayPin answers for an overlay, read without `yaml` (../manifest/yaml-fast.ts, which reads
 * the plain block style exactly as `yaml` does), or DEFER when the text or one of its patches is outside that style.
 */
export function fastOverlayPin(text: string): OverlayPin | typeof DEFER {
  const split = withoutBlocks(text);
  if (!split) return DEFER;
  const doc = fastYamlValue(split.text);
  if (doc === undefined) return DEFER;
  const patches = (doc as { patches?: unknown } | null)?.patches;
  if (Array.isArray(patches)) {
    for (const p of patches) {
      const v = (p as { patch?: unknown } | null)?.patch;
      if (typeof v === "string" && v.startsWith(PLACEHOLDER))
        p.patch = split.blocks[Number(v.substring(PLACEHOLDER.length))];
    }
  }
  try {
    return pinOfDocument(doc, (patch) => {
      const v = fastYamlValue(patch);
      if (v === undefined) throw DEFER;
      return v;
    });
  } catch (e) {
    if (e === DEFER) return DEFER;
    throw e;
  }
}
