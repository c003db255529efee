import { createRequire as __mgCreateRequire } from 'node:module'; const require = __mgCreateRequire(import.meta.url);
import {
  plainManifest
} from "./chunk-XPVOVGWT.js";

// src/manifest/at-commit-plain.ts
function manifestWith(parse, commit, file, bytes, kind) {
  if (bytes === void 0) return { file, found: false, findings: [] };
  const parsed = parse(`${commit}:${file}`, bytes.toString("utf8"), kind);
  if (!parsed) return void 0;
  const value = parsed.manifest?.value;
  return { file, found: true, ...value ? { value } : {}, findings: parsed.findings };
}
async function readManifestsAt(git, commit, files, kind) {
  const objects = await git.catFileBatch(files.map((f) => `${commit}:${f}`));
  const bytes = (i) => objects[i]?.type === "blob" ? objects[i].content : void 0;
  const read = files.map((file, i) => manifestWith(plainManifest, commit, file, bytes(i), kind));
  if (read.every((m) => m !== void 0)) return read;
  const { parseManifest } = await import("./yaml-5PRH3N5I.js");
  return files.map(
    (file, i) => read[i] ?? manifestWith(parseManifest, commit, file, bytes(i), kind)
  );
}
async function readManifestAt(git, commit, file, kind) {
  const [one] = await readManifestsAt(git, commit, [file], kind);
  return one;
}

export {
  manifestWith,
  readManifestsAt,
  readManifestAt
};
