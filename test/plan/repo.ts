import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { Git } from "../../src/git/index.ts";

/** A real git repository in a temp folder, committed to by a fixed author, with a bare repository as `origin`. */
export interface GitRepo {
  dir: string;
  /** The model repository's root (the git repository's root, or a subfolder of it). */
  root: string;
  git: Git;
  write(rel: string, text: string | Uint8Array): void;
  remove(rel: string): void;
  commit(message: string): Promise<string>;
}

export async function gitRepo(opts: { subfolder?: string } = {}): Promise<GitRepo> {
  const dir = mkdtempSync(join(tmpdir(), "mg-plan-"));
  const git = new Git(dir, { isolated: true, identity: { name: "Alice Author", email: "alice@example.com" } });
  await git.run(["init", "-q", "-b", "main"]);
  const root = opts.subfolder ? join(dir, opts.subfolder) : dir;
  mkdirSync(root, { recursive: true });
  return {
    dir,
    root,
    git,
    write(rel, text) {
      mkdirSync(dirname(join(root, rel)), { recursive: true });
      writeFileSync(join(root, rel), text);
    },
    remove(rel) {
      rmSync(join(root, rel), { recursive: true, force: true });
    },
    async commit(message) {
      await git.run(["add", "-A"]);
      await git.run(["commit", "-q", "--allow-empty", "-m", message]);
      return (await git.revParse("HEAD"))!;
    },
  };
}

export const config = (extra = "") => `apiVersion: modelgate.dev/v1alpha1
kind: Config
metadata:
  name: plan-test
${extra}`;

export const dataset = (name: string, path: string) => `apiVersion: modelgate.dev/v1alpha1
kind: Dataset
metadata:
  name: ${name}
spec:
  path: ${path}
  columns:
    - {name: x, type: float}
    - {name: y, type: integer, role: label}
`;

export function model(
  name: string,
  o: { eval?: string[]; train?: string[]; artifact?: string; workdir?: string; output?: string } = {},
): string {
  const training =
    o.train || o.workdir || o.output
      ? `  training:
    command: [python, train.py]
${o.workdir ? `    workdir: ${o.workdir}\n` : ""}${o.output ? `    output: ${o.output}\n` : ""}    datasets: [${(o.train ?? []).join(", ")}]
`
      : "";
  return `apiVersion: modelgate.dev/v1alpha1
kind: Model
metadata:
  name: ${name}
spec:
  version: 1.0.0
  owners: [alice]
  task: binary-classification
  artifact:
    path: ${o.artifact ?? "model.onnx"}
  inputs:
    features: [x]
  label:
    column: y
${training}  evaluation:
    datasets: [${(o.eval ?? ["shared-eval"]).join(", ")}]
`;
}
