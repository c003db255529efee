import { createRequire } from 'node:module';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';

const require$1 = createRequire(import.meta.url);
var PER_PROCESS = 200;
function chunks(items) {
  const out = [];
  for (let i = 0; i < items.length; i += PER_PROCESS) out.push(items.slice(i, i + PER_PROCESS));
  return out;
}
async function writeBlobs(git, scratch, texts) {
  const ids = [];
  let n = 0;
  for (const part of chunks(texts)) {
    const files = [];
    for (const text of part) {
      const file = join(scratch, `blob-${n++}`);
      await writeFile(file, text);
      files.push(file);
    }
    const out = (await git.run(["hash-object", "-w", "--", ...files])).trim().split("\n");
    if (out.length !== files.length)
      throw new Error(`git hash-object gave ${out.length} ids for ${files.length} files`);
    ids.push(...out);
  }
  return ids;
}
async function addToIndex(git, entries) {
  for (const part of chunks(entries)) {
    await git.run([
      "update-index",
      "--add",
      ...part.flatMap(([path, blob]) => ["--cacheinfo", `100644,${blob},${path}`])
    ]);
  }
}
function blobReader(git) {
  const known = /* @__PURE__ */ new Map();
  let pending = [];
  const flush = () => {
    const asked = pending;
    pending = [];
    const read = git.catFileBatch(asked.map((a) => a.name)).catch(() => []);
    for (const [i, a] of asked.entries()) {
      a.settle(read.then((objects) => objects[i]?.type === "blob" ? objects[i].content.toString("utf8") : void 0));
    }
  };
  return (commit, path) => {
    if (!commit || /[\r\n]/.test(path)) return Promise.resolve(void 0);
    const name = `${commit}:${path}`;
    let text = known.get(name);
    if (!text) {
      text = new Promise((settle) => {
        if (pending.length === 0) setImmediate(flush);
        pending.push({ name, settle });
      });
      known.set(name, text);
    }
    return text;
  };
}
function filesAt(git, commit) {
  const read = blobReader(git);
  return (path) => read(commit, path);
}

export { addToIndex as a, blobReader as b, filesAt as f, writeBlobs as w };
