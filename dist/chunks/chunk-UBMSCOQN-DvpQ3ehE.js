import { createRequire } from 'node:module';
import { a as require_onnx, r as readOnnxModel } from './chunk-2ZLDIS45-ZCAU1cz0.js';
import { g as graphFacts } from './hot-validate-Cbhe7qur.js';
import { c as __toESM } from './hot-help-validate-plan-audit-verify-CiDATK95.js';

const require$1 = createRequire(import.meta.url);

// src/onnx/zipmap.ts
var import_onnx_proto = __toESM(require_onnx(), 1);
var { onnx } = import_onnx_proto.default;
function withoutZipMaps(model, original) {
  const { zipMaps } = graphFacts(model);
  if (zipMaps.length === 0) return { bytes: original, removed: [] };
  const graph = model.graph;
  const byOutput = new Map(zipMaps.map((z) => [z.output, z]));
  graph.node = graph.node.filter((n) => !(n.opType === "ZipMap" && byOutput.has(n.output?.[0])));
  const present = new Set(graph.output.map((o) => o.name));
  const outputs = [];
  for (const o of graph.output) {
    const z = byOutput.get(o.name);
    if (!z) {
      outputs.push(o);
      continue;
    }
    if (present.has(z.tensor)) continue;
    present.add(z.tensor);
    const k = z.classLabels?.length ?? 0;
    outputs.push({
      name: z.tensor,
      type: {
        // ZipMap's input is tensor(float) [N, classes] by the operator's definition
        tensorType: { elemType: 1, shape: { dim: [{ dimParam: "N" }, k > 0 ? { dimValue: k } : { dimParam: "K" }] } }
      }
    });
  }
  graph.output = outputs;
  return { bytes: onnx.ModelProto.encode(model).finish(), removed: zipMaps };
}
function servedGraph(bytes, file = "model") {
  const { model, signature } = readOnnxModel(bytes, file);
  if (!signature.outputs.some((o) => o.kind !== "tensor")) return { bytes, removed: [] };
  return withoutZipMaps(model, bytes);
}
function servedGraphNote(sig, removed) {
  if (removed.length === 0) return void 0;
  const parts = removed.map((z) => {
    const type = sig.outputs.find((o) => o.name === z.output)?.type ?? "non-tensor";
    return `${z.output} (${type}) served as ${z.tensor} (float32 [N, ${z.classLabels?.length ?? "K"}])`;
  });
  return `ZipMap removed: ${parts.join("; ")}`;
}

export { servedGraph as a, servedGraphNote as s, withoutZipMaps as w };
