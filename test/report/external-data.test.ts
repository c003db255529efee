/**
 * ONNX external data (issue #19, item 14). onnxruntime, given a model's bytes, reads an external tensor's `location`
 * from the working folder: a fork's model could read the report job's files into its weights. The report's
 * recomputation refuses a fork's model with external data; a trusted model file's external data is read from its own
 * folder only.
 */
import assert from "node:assert/strict";
import { createHash } from "node:crypto";
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, it } from "node:test";
import onnxProto from "onnx-proto";
import { evaluateRepositoryModel } from "../../src/evaluate/run.ts";
import { runReport } from "../../src/report/run.ts";
import { toJson } from "../../src/util/fs.ts";
import { bufferIo } from "../../src/util/io.ts";
import { openWorkspace } from "../../src/workspace/workspace.ts";
import { makeFixtureRepo } from "../support/fixture-repo.ts";
import { GitHubSim } from "../support/github-sim/index.ts";
import { logisticRegressionModel } from "../support/onnx-build.ts";
import { makeRecord } from "./builder.ts";

const { onnx } = onnxProto;
const sha256 = (b: Uint8Array) => createHash("sha256").update(b).digest("hex");

/** The fixture's churn model with its weights W moved to an external file named `location` (at `offset`). */
function externalModel(location: string, offset = 0): { onnx: Uint8Array; weights: Buffer } {
  const bytes = logisticRegressionModel({ weights: [-1 / 12, 1 / 80], bias: 1.2 });
  const model: any = onnx.ModelProto.decode(bytes);
  const w = model.graph.initializer.find((i: { name: string }) => i.name === "W");
  const weights = Buffer.alloc(8);
  weights.writeFloatLE(-1 / 12, 0);
  weights.writeFloatLE(1 / 80, 4);
  w.floatData = [];
  w.dataLocation = 1;
  w.externalData = [
    { key: "location", value: location },
    { key: "offset", value: String(offset) },
    { key: "length", value: "8" },
  ];
  return { onnx: onnx.ModelProto.encode(model).finish(), weights };
}

let sim: GitHubSim;
before(async () => {
  sim = await GitHubSim.start();
});
after(async () => {
  await sim.close();
});

it("a fork's ONNX file with external data is refused by the recomputation: nothing of the working folder is read", async () => {
  const fx = makeFixtureRepo();
  // A file of the report job's working folder the fork's model names as its weights.
  writeFileSync(join(fx.root, "weights.bin"), externalModel("weights.bin").weights);
  const { onnx: model } = externalModel("weights.bin");
  const art = mkdtempSync(join(tmpdir(), "mg-art-"));
  mkdirSync(join(art, ".modelgate/evaluations"), { recursive: true });
  mkdirSync(join(art, "models/churn"), { recursive: true });
  writeFileSync(join(art, "models/churn/model.onnx"), model);
  const record = makeRecord({ name: "churn" });
  record.candidate.sha256 = sha256(model);
  writeFileSync(join(art, ".modelgate/evaluations/churn.json"), toJson(record));

  const repo = "acme/models";
  sim.addRepo(repo);
  sim.openPull(repo, { number: 1, author: "mallory", headSha: "f".repeat(40), fork: "mallory/models" });
  const r = await runReport(
    openWorkspace(bufferIo(fx.root, { GITHUB_TOKEN: sim.token, GITHUB_API_URL: sim.url, GITHUB_BASE_REF: "main" })),
    {
      repo,
      pr: 1,
      fromArtifact: art,
      skipData: true,
      checkRuns: false,
      comment: false,
      http: { retryBaseMs: 1, paceWrites: false },
    },
  );
  const verdict = r.built.models[0].verdict;
  assert.equal(verdict.status, "fail");
  assert.match(
    verdict.results[0].reason,
    /could not be recomputed: artifact:models\/churn\/model\.onnx: the model keeps a tensor in external data files \(W in "weights\.bin"\); the file comes from an untrusted run or has no folder of its own, so its external data is not read: export it with its weights inside the ONNX file/,
  );
  sim.assertClean();
});

it("a trusted model file's external data is read from its own folder; a location outside it is refused", async () => {
  const fx = makeFixtureRepo();
  const dir = join(fx.root, "models/churn");
  const set = (location: string) => {
    const { onnx: model, weights } = externalModel(location);
    writeFileSync(join(dir, "model.onnx"), model);
    writeFileSync(join(dir, "weights.bin"), weights);
    const yaml = join(dir, "model.yaml");
    writeFileSync(yaml, readFileSync(yaml, "utf8").replace(/sha256: [0-9a-f]{64}/, `sha256: ${sha256(model)}`));
  };
  set("weights.bin");
  const out = join(mkdtempSync(join(tmpdir(), "mg-rec-")), "churn.json");
  const ok = await evaluateRepositoryModel(openWorkspace(bufferIo(fx.root)), { model: "churn", baseline: "none", out });
  assert.ok(ok.record, "evaluated");
  assert.equal(ok.record.candidate.sha256, sha256(readFileSync(join(dir, "model.onnx"))), "the file's own digest");
  assert.ok((ok.record.candidate.metrics.roc_auc as number) > 0.5);

  // The same weights named through the folder above, or by an absolute path: refused before onnxruntime sees them.
  writeFileSync(join(fx.root, "models/weights.bin"), externalModel("x").weights);
  for (const [location, why] of [
    ["../weights.bin", /is not a file inside the model's folder/],
    [join(fx.root, "models/weights.bin"), /is not a file inside the model's folder/],
  ] as const) {
    set(location);
    await assert.rejects(
      evaluateRepositoryModel(openWorkspace(bufferIo(fx.root)), { model: "churn", baseline: "none", out }),
      (err: Error) => {
        assert.match(err.message, /tensor W's external data/);
        assert.match(err.message, why);
        return true;
      },
    );
  }
});
