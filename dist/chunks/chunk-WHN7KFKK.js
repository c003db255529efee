import { createRequire as __mgCreateRequire } from 'node:module'; const require = __mgCreateRequire(import.meta.url);

// src/records/model-manifest-paths.ts
function modelManifestPaths(modelsDir, model) {
  const dir = model.path.includes("/") ? model.path.slice(0, model.path.lastIndexOf("/")) : "";
  return [.../* @__PURE__ */ new Set([`${dir ? `${dir}/` : ""}model.yaml`, `${modelsDir}/${model.name}/model.yaml`])];
}

export {
  modelManifestPaths
};
