import { writeFile } from "node:fs/promises";
import { join } from "node:path";
import type { Git } from "./index.ts";

/**
 * Named git operations that do many things in one process: the writer's blobs hashed by one `git hash-object`, its
 * index entries added by one `git update-index`, and files at a commit read through one `git cat-file --batch` per
 * turn of the event loop (issue #25: a process per file blocked the main thread for a large share of a command).
 */

/** The arguments of one git process stay well under the system's limit; more entries go in further processes. */
const PER_PROCESS = 200;

function chunks<T>(items: T[]): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += PER_PROCESS) out.push(items.slice(i, i + PER_PROCESS));
  return out;
}

/**
 * Writes each text as a blob into the repository's object store (through files in `scratch`, as `git hash-object -w`
 * reads them) and returns their ids in the order given.
 */
export async function writeBlobs(git: Git, scratch: string, texts: string[]): Promise<string[]> {
  const ids: string[] = [];
  let n = 0;
  for (const part of chunks(texts)) {
    const files: string[] = [];
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

/** Adds (or replaces) regular files `path → blob id` in the index of `git` (its GIT_INDEX_FILE). */
export async function addToIndex(git: Git, entries: [path: string, blob: string][]): Promise<void> {
  for (const part of chunks(entries)) {
    await git.run([
      "update-index",
      "--add",
      ...part.flatMap(([path, blob]) => ["--cacheinfo", `100644,${blob},${path}`]),
    ]);
  }
}

/**
 * A reader of files at commits: the text of a path at a commit, or undefined when it is not a file there (or there is
 * no commit). Reads asked in the same turn of the event loop go through one `git cat-file --batch`; each is read once.
 */
export function blobReader(git: Git): (commit: string | undefined, path: string) => Promise<string | undefined> {
  const known = new Map<string, Promise<string | undefined>>();
  let pending: { name: string; settle: (text: Promise<string | undefined>) => void }[] = [];
  const flush = () => {
    const asked = pending;
    pending = [];
    // as `git show` did: a repository that cannot be read answers no file
    const read = git.catFileBatch(asked.map((a) => a.name)).catch(() => []);
    for (const [i, a] of asked.entries()) {
      a.settle(read.then((objects) => (objects[i]?.type === "blob" ? objects[i].content.toString("utf8") : undefined)));
    }
  };
  return (commit, path) => {
    if (!commit || /[\r\n]/.test(path)) return Promise.resolve(undefined);
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

/** A reader of files at `commit` (blobReader's, for one commit). */
export function filesAt(git: Git, commit: string | undefined): (path: string) => Promise<string | undefined> {
  const read = blobReader(git);
  return (path) => read(commit, path);
}
