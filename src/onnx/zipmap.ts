/**
 * The graph that is evaluated and served. A classifier exported with a ZipMap (skl2onnx's default) returns its
 * probabilities as a sequence of maps, which neither onnxruntime-node nor Triton can return. The served graph is the
 * same model without its ZipMap nodes, the probability tensor each one read exposed as a graph output in its place —
 * what skl2onnx writes with `options={"zipmap": False}`. `evaluate` scores this graph and `package` ships it, so the
 * probabilities a client gets are the ones the evaluation record describes.
 */
import onnxProto from "onnx-proto";
import { type DecodedModel, graphFacts, type OnnxSignature, readOnnxModel, type ZipMapNode } from "./signature.ts";

const { onnx } = onnxProto;

export interface ServedGraph {
  /** The bytes to run and ship: the original bytes when the model has no ZipMap output. */
  bytes: Uint8Array;
  /** The ZipMap nodes removed (empty when the bytes are the original ones). */
  removed: ZipMapNode[];
}

/** The served graph of a decoded model: ZipMap nodes producing graph outputs removed, their input tensors exposed. */
export function withoutZipMaps(model: DecodedModel, original: Uint8Array): ServedGraph {
  const { zipMaps } = graphFacts(model);
  if (zipMaps.length === 0) return { bytes: original, removed: [] };
  const graph = model.graph;
  const byOutput = new Map(zipMaps.map((z) => [z.output, z]));
  graph.node = graph.node.filter((n: any) => !(n.opType === "ZipMap" && byOutput.has(n.output?.[0])));
  const present = new Set(graph.output.map((o: any) => o.name));
  const outputs: any[] = [];
  for (const o of graph.output) {
    const z = byOutput.get(o.name);
    if (!z) {
      outputs.push(o);
      continue;
    }
    if (present.has(z.tensor)) continue; // already an output of its own
    present.add(z.tensor);
    const k = z.classLabels?.length ?? 0;
    outputs.push({
      name: z.tensor,
      type: {
        // ZipMap's input is tensor(float) [N, classes] by the operator's definition
        tensorType: { elemType: 1, shape: { dim: [{ dimParam: "N" }, k > 0 ? { dimValue: k } : { dimParam: "K" }] } },
      },
    });
  }
  graph.output = outputs;
  return { bytes: onnx.ModelProto.encode(model).finish(), removed: zipMaps };
}

/** The served graph of an ONNX file's bytes. */
export function servedGraph(bytes: Uint8Array, file = "model"): ServedGraph {
  const { model, signature } = readOnnxModel(bytes, file);
  if (!signature.outputs.some((o) => o.kind !== "tensor")) return { bytes, removed: [] };
  return withoutZipMaps(model, bytes);
}

/**
 * What the served graph changes, in one line (an image label and the model card say it the same way):
 * "ZipMap removed: output_probability (seq(map(int64,float32))) served as probabilities (float32 [N, 2])".
 */
export function servedGraphNote(sig: OnnxSignature, removed: ZipMapNode[]): string | undefined {
  if (removed.length === 0) return undefined;
  const parts = removed.map((z) => {
    const type = sig.outputs.find((o) => o.name === z.output)?.type ?? "non-tensor";
    return `${z.output} (${type}) served as ${z.tensor} (float32 [N, ${z.classLabels?.length ?? "K"}])`;
  });
  return `ZipMap removed: ${parts.join("; ")}`;
}
