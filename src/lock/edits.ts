import { editYaml, type YamlEdit } from "../manifest/edit.ts";
import type { Loaded } from "../manifest/repo.ts";
import type { Path } from "../manifest/yaml.ts";
import { writeFileAtomic } from "../util/fs.ts";

/** A manifest lock changed, and the fields it wrote (e.g. "sha256", "artifact.sha256"). */
export interface LockChange {
  file: string;
  fields: string[];
}

/** The values lock measured for one manifest, in the order they are written. */
export interface Measured {
  manifest: Loaded<unknown>;
  values: [Path, unknown][];
}

/** What lock will write: each changed manifest's new text. Manifests whose values did not change are not in it. */
export interface LockPlan {
  writes: (LockChange & { abs: string; text: string })[];
}

/** The edits that set `values` where the manifest holds something else; a value already there is no edit. */
export function lockEdits(m: Loaded<unknown>, values: [Path, unknown][]): YamlEdit[] {
  const edits: YamlEdit[] = [];
  for (const [path, value] of values) {
    const old = m.src.doc.getIn(path);
    const oldJs =
      old && typeof old === "object" && "toJSON" in (old as object) ? (old as { toJSON(): unknown }).toJSON() : old;
    if (JSON.stringify(oldJs) !== JSON.stringify(value)) edits.push({ path, value });
  }
  return edits;
}

/**
 * The manifests to write and their new text, from what was measured; pure. Only the bytes of the changed values
 * change (src/manifest/edit.ts): comments, layout, line endings and spacing stay as the file has them.
 */
export function planLock(measured: Measured[]): LockPlan {
  const writes: LockPlan["writes"] = [];
  for (const { manifest: m, values } of measured) {
    const edits = lockEdits(m, values);
    if (edits.length === 0) continue;
    writes.push({
      file: m.file,
      abs: m.abs,
      fields: edits.map((e) => e.path.slice(1).join(".")),
      text: editYaml(m.src, edits),
    });
  }
  return { writes };
}

/** Writes the plan's manifests, each replaced atomically; returns what changed. */
export async function applyLock(plan: LockPlan): Promise<LockChange[]> {
  for (const w of plan.writes) await writeFileAtomic(w.abs, w.text);
  return plan.writes.map(({ file, fields }) => ({ file, fields }));
}
