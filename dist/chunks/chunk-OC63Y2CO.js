import { createRequire as __mgCreateRequire } from 'node:module'; const require = __mgCreateRequire(import.meta.url);
import {
  parseManifest
} from "./chunk-NLWIVCTM.js";

// src/manifest/at-commit.ts
async function readManifestsAt(git, commit, files, kind) {
  const objects = await git.catFileBatch(files.map((f) => `${commit}:${f}`));
  return files.map((file, i) => {
    const o = objects[i];
    return manifestAt(commit, file, o?.type === "blob" ? o.content : void 0, kind);
  });
}
function manifestAt(commit, file, bytes, kind) {
  if (bytes === void 0) return { file, found: false, findings: [] };
  const parsed = parseManifest(`${commit}:${file}`, bytes.toString("utf8"), kind);
  const value = parsed.manifest?.value;
  return { file, found: true, ...value ? { value } : {}, findings: parsed.findings };
}
async function readManifestAt(git, commit, file, kind) {
  const [one] = await readManifestsAt(git, commit, [file], kind);
  return one;
}

export {
  readManifestsAt,
  manifestAt,
  readManifestAt
};
