import { createRequire as __mgCreateRequire } from 'node:module'; const require = __mgCreateRequire(import.meta.url);
import {
  modelManifestPaths
} from "./chunk-WHN7KFKK.js";
import {
  sha256Of
} from "./chunk-XKBXOX3L.js";
import {
  columnClasses,
  declaredPositive,
  labelKey,
  sortKeys
} from "./chunk-Q6QXFFZK.js";
import {
  readManifestsAt
} from "./chunk-64266JRY.js";
import {
  evaluationRecordSchema
} from "./chunk-ZYONVBQU.js";
import {
  sha256Bytes,
  sha256File
} from "./chunk-EW3JDDCC.js";
import {
  CheckFailed
} from "./chunk-VPZGVLTG.js";

// src/monitor/versions.ts
import { existsSync, statSync } from "node:fs";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { basename, join, posix } from "node:path";

// src/git/blob-text.ts
async function blobText(git, commit, path) {
  const [o] = await git.catFileBatch([`${commit}:${path}`]).catch(() => [void 0]);
  if (o === void 0) return git.show(commit, path);
  return o.type === "blob" ? o.content.toString("utf8") : git.show(commit, path);
}

// src/monitor/versions.ts
async function loadVersion(git, tip, repo, index, segment, entry, scratch) {
  const r = entry.record;
  const what = `${r.model.name} ${r.model.version} (promotion record #${r.sequence})`;
  const bytes = await git.showBytes(r.source, r.model.path);
  if (!bytes) {
    throw new CheckFailed(
      `${what}: ${r.model.path} is not in the published commit ${r.source.slice(0, 12)} (stored with git LFS, or not committed?); monitor scores with the exact model that ran`
    );
  }
  if (sha256Bytes(bytes) !== r.model.sha256) {
    throw new CheckFailed(
      `${what}: ${r.model.path} at ${r.source.slice(0, 12)} has sha256 ${sha256Bytes(bytes)}, not ${r.model.sha256} as the record says`
    );
  }
  const paths = modelManifestPaths(repo.config.spec.paths.models, r.model);
  const manifests = await readManifestsAt(git, r.source, paths, "Model");
  const found = manifests.find((m) => m.value);
  if (!found?.value) {
    throw new CheckFailed(
      `${what}: no valid model manifest at ${r.source.slice(0, 12)} (looked at ${paths.join(", ")})`
    );
  }
  const evalText = await blobText(git, tip, r.evaluation.path);
  if (evalText === void 0)
    throw new CheckFailed(`${what}: its evaluation record ${r.evaluation.path} is not on the GitOps branch`);
  if (sha256Of(evalText) !== r.evaluation.record) {
    throw new CheckFailed(
      `${what}: ${r.evaluation.path} has digest ${sha256Of(evalText)}, not ${r.evaluation.record} as the promotion record cites; the record is stale or was edited (\`modelgate audit verify\`)`
    );
  }
  const evaluation = evaluationRecordSchema.parse(JSON.parse(evalText));
  const v = {
    index,
    segment,
    entry,
    manifest: found.value,
    bytes: new Uint8Array(bytes),
    evaluation,
    notes: []
  };
  v.dataset = await evaluationDataset(git, repo, v, scratch);
  return v;
}
async function evaluationDataset(git, repo, v, scratch) {
  const r = v.entry.record;
  const name = v.manifest.spec.evaluation.datasets[0];
  const data = repo.config.spec.paths.data.replace(/\/+$/, "");
  const here = repo.datasets.find((d) => d.value.metadata.name === name)?.file;
  const candidates = [.../* @__PURE__ */ new Set([...here ? [here] : [], `${data}/${name}.yaml`])];
  const at = await readManifestsAt(git, r.source, candidates, "Dataset");
  const found = at.find((d) => d.value);
  if (!found?.value) {
    v.notes.push(
      `the evaluation dataset "${name}" has no valid manifest at ${r.source.slice(0, 12)}; drift has no reference`
    );
    return void 0;
  }
  const value = found.value;
  const cited = r.data.find((d) => d.name === name)?.sha256;
  const dir = posix.dirname(found.file);
  const rel = posix.normalize(posix.join(dir === "." ? "" : dir, value.spec.path));
  let dataPath;
  const want = cited ?? value.spec.sha256;
  const local = join(repo.root, rel);
  if (existsSync(local) && statSync(local).isFile() && want && await sha256File(local) === want) dataPath = local;
  else {
    const bytes = await git.showBytes(r.source, rel);
    if (bytes && (!want || sha256Bytes(bytes) === want)) {
      dataPath = join(scratch, `${v.index}-${basename(rel)}`);
      await writeFile(dataPath, bytes);
    } else
      v.notes.push(
        `${rel} (the evaluation data of ${r.model.version}) is not in git at ${r.source.slice(0, 12)} with the digest its records cite; the prediction's drift and the CBPE estimate need it scored`
      );
  }
  return { name, file: found.file, value, ...dataPath ? { dataPath } : {} };
}
async function scratchFolder() {
  const dir = await mkdtemp(join(tmpdir(), "modelgate-monitor-"));
  return { dir, remove: () => rm(dir, { recursive: true, force: true }) };
}
function positiveClass(m, source, width, classLabels, observed = []) {
  const label = m.spec.label;
  const counts = new Map(observed.map((k) => [k, 1]));
  const cols = width > 1 ? columnClasses(source, width, classLabels, label, counts, "the reference").labels : void 0;
  const classes = label.classes?.map(labelKey) ?? cols ?? sortKeys(observed);
  const pos = declaredPositive(label, classes, cols === void 0) ?? sortKeys(classes)[classes.length - 1] ?? "1";
  const column = cols ? cols.indexOf(pos) : 0;
  if (width > 2 || column < 0) {
    throw new CheckFailed(
      `${source}: cannot find the positive class "${pos}" among the model's ${width} probability columns (classes [${cols?.join(", ") ?? "unknown"}]); spec.label.positive must be one of its classes`
    );
  }
  return { column, label: pos };
}

export {
  blobText,
  loadVersion,
  scratchFolder,
  positiveClass
};
