import { createRequire as __mgCreateRequire } from 'node:module'; const require = __mgCreateRequire(import.meta.url);
import {
  fastYamlValue
} from "./chunk-NI36P5E6.js";

// src/deploy/overlay-pin.ts
var RECORD_ANNOTATION = "modelgate.dev/promotion-record";
var VERSION_ANNOTATION = "modelgate.dev/version";
var SCHEME_RE = /^(oci(?:\+[a-z]+)?):\/\//;
var DEFER = /* @__PURE__ */ Symbol("defer to yaml");
function pinOfDocument(doc, parsePatch) {
  const ops = [];
  for (const p of doc?.patches ?? []) {
    try {
      const list = typeof p.patch === "string" ? parsePatch(p.patch) : void 0;
      if (Array.isArray(list)) ops.push(...list);
    } catch (e) {
      if (e === DEFER) throw e;
    }
  }
  const value = (suffix) => {
    const v = ops.find((o) => typeof o.path === "string" && o.path.endsWith(suffix))?.value;
    return typeof v === "string" ? v : void 0;
  };
  const uri = value("/storageUri") ?? value("/initContainers/0/image");
  const scheme = uri ? SCHEME_RE.exec(uri)?.[1] : void 0;
  const image = uri?.replace(SCHEME_RE, "");
  if (!image) return void 0;
  return {
    image,
    ...scheme ? { scheme } : {},
    version: value(VERSION_ANNOTATION.replace("/", "~1")),
    record: value(RECORD_ANNOTATION.replace("/", "~1"))
  };
}
var PLACEHOLDER = "modelgate-literal-block-";
var PATCH_KEY = /^( *)patch: \|$/;
function withoutBlocks(text) {
  if (!text.endsWith("\n") || text.includes(PLACEHOLDER) || text.includes("\r") || text.includes("	"))
    return void 0;
  const lines = text.split("\n");
  lines.pop();
  const out = [];
  const blocks = [];
  for (let i = 0; i < lines.length; i++) {
    const m = PATCH_KEY.exec(lines[i]);
    if (!m) {
      out.push(lines[i]);
      continue;
    }
    const keyIndent = m[1].length;
    const indentOf = (s) => /^ */.exec(s)[0].length;
    const first = lines[i + 1];
    if (first === void 0 || first.trim() === "" || indentOf(first) <= keyIndent) return void 0;
    const n = indentOf(first);
    const body = [];
    let j = i + 1;
    for (; j < lines.length; j++) {
      const line = lines[j];
      if (line.trim() === "") return void 0;
      const ind = indentOf(line);
      if (ind >= n) body.push(line.substring(n));
      else if (ind <= keyIndent) break;
      else return void 0;
    }
    out.push(`${m[1]}patch: ${PLACEHOLDER}${blocks.length}`);
    blocks.push(`${body.join("\n")}
`);
    i = j - 1;
  }
  return { text: `${out.join("\n")}
`, blocks };
}
function fastOverlayPin(text) {
  const split = withoutBlocks(text);
  if (!split) return DEFER;
  const doc = fastYamlValue(split.text);
  if (doc === void 0) return DEFER;
  const patches = doc?.patches;
  if (Array.isArray(patches)) {
    for (const p of patches) {
      const v = p?.patch;
      if (typeof v === "string" && v.startsWith(PLACEHOLDER))
        p.patch = split.blocks[Number(v.substring(PLACEHOLDER.length))];
    }
  }
  try {
    return pinOfDocument(doc, (patch) => {
      const v = fastYamlValue(patch);
      if (v === void 0) throw DEFER;
      return v;
    });
  } catch (e) {
    if (e === DEFER) return DEFER;
    throw e;
  }
}

export {
  RECORD_ANNOTATION,
  VERSION_ANNOTATION,
  DEFER,
  pinOfDocument,
  fastOverlayPin
};
