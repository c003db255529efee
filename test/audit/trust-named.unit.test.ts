import assert from "node:assert/strict";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { test } from "node:test";
import { mayNameTrustPolicy } from "../../src/audit/trust-named.ts";
import { openWorkspace } from "../../src/workspace/workspace.ts";
import { bufferIo } from "../../src/util/io.ts";

/** What audit verify read before (../../src/commands/audit.ts trustPolicyFor): the workspace's spec.trustPolicy. */
function named(cwd: string): string | undefined {
  try {
    return openWorkspace(bufferIo(cwd)).repo.config.spec.trustPolicy;
  } catch {
    return undefined;
  }
}

const head = "apiVersion: modelgate.dev/v1alpha1\nkind: Config\nmetadata:\n  name: t\n";
/** Each modelgate.yaml (undefined: none) and whether the fast check must open the workspace. */
const texts: Record<string, [string | undefined, boolean]> = {
  "no modelgate.yaml": [undefined, false],
  "no spec": [head, false],
  "empty spec": [`${head}spec: {}\n`, false],
  "a policy": [`${head}spec:\n  trustPolicy: trust.yaml\n`, true],
  "a policy in a flow map": [`${head}spec: { trustPolicy: "trust.yaml" }\n`, true],
  "a policy, the configuration invalid": [`${head}spec:\n  trustPolicy: trust.yaml\n  unknown: 1\n`, true],
  "a policy that is not a string": [`${head}spec:\n  trustPolicy: 3\n`, false],
  "a policy through an alias": [`${head}x: &p trust.yaml\nspec:\n  trustPolicy: *p\n`, true],
  "not YAML": ["spec: [\n", true],
  "a list": ["- 1\n", false],
  "spec a string": [`${head}spec: trustPolicy\n`, false],
  "a policy key under another key": [`${head}spec:\n  paths:\n    trustPolicy: x\n`, false],
};

test("mayNameTrustPolicy is false only where the workspace's configuration names no trust policy", () => {
  for (const [what, [text, expected]] of Object.entries(texts)) {
    const dir = mkdtempSync(join(tmpdir(), "trust-named-"));
    try {
      const sub = join(dir, "a", "b");
      mkdirSync(sub, { recursive: true });
      if (text !== undefined) writeFileSync(join(dir, "modelgate.yaml"), text);
      for (const cwd of [dir, sub]) {
        const may = mayNameTrustPolicy(cwd);
        if (!may) assert.equal(named(cwd), undefined, what);
        if (named(cwd) !== undefined) assert.ok(may, what);
      }
      assert.equal(mayNameTrustPolicy(sub), expected, what);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }
});
