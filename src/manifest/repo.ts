import { type Repository, readRepository } from "./loaded.ts";
import { parseManifest } from "./yaml.ts";

export { CONFIG_FILE, findRoot } from "./basics.ts";
export {
  at,
  findDataset,
  findModel,
  type Loaded,
  loadRepositoryLazily,
  missingDataset,
  type Repository,
  repoRelative,
  resolveInside,
} from "./loaded.ts";

/** Loads modelgate.yaml, every models/<name>/model.yaml and every data/**.yaml, collecting all problems. */
export function loadRepository(start: string): Repository {
  return readRepository(start, parseManifest);
}
