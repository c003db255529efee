/**
 * Where a promotion record's model manifest is at its source commit: next to the artifact, or under the models folder
 * (`modelsDir`, modelgate.yaml's spec.paths.models). Audit (../audit/verify.ts) and monitor read it there.
 */
export function modelManifestPaths(modelsDir: string, model: { path: string; name: string }): string[] {
  const dir = model.path.includes("/") ? model.path.slice(0, model.path.lastIndexOf("/")) : "";
  return [...new Set([`${dir ? `${dir}/` : ""}model.yaml`, `${modelsDir}/${model.name}/model.yaml`])];
}
