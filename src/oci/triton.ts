import { UserError } from "../errors.ts";
import type { OnnxSignature, TensorSpec } from "../onnx/signature.ts";

/** Triton's data types by ONNX element type (Triton model configuration, "Datatypes"). */
const TRITON_TYPE: Record<string, string> = {
  bool: "TYPE_BOOL",
  uint8: "TYPE_UINT8",
  uint16: "TYPE_UINT16",
  uint32: "TYPE_UINT32",
  uint64: "TYPE_UINT64",
  int8: "TYPE_INT8",
  int16: "TYPE_INT16",
  int32: "TYPE_INT32",
  int64: "TYPE_INT64",
  float16: "TYPE_FP16",
  float32: "TYPE_FP32",
  float64: "TYPE_FP64",
  bfloat16: "TYPE_BF16",
  string: "TYPE_STRING",
};

/** Triton's default max_batch_size when it auto-completes an ONNX model's configuration. */
export const DEFAULT_MAX_BATCH_SIZE = 4;

export interface TritonConfig {
  text: string;
  maxBatchSize: number;
  /** Outputs left out because Triton's onnxruntime backend serves tensors only (e.g. a ZipMap output). */
  skipped: string[];
}

function quote(s: string): string {
  return `"${s.replace(/\\/g, "\\\\").replace(/"/g, '\\"').replace(/\n/g, "\\n")}"`;
}

function isDynamic(d: number | string): boolean {
  return typeof d === "string" || d < 0;
}

function tensorBlock(t: TensorSpec, batched: boolean): string {
  const type = TRITON_TYPE[t.type];
  if (!type) throw new UserError(`the ONNX ${t.name} has element type ${t.type}, which Triton cannot serve`);
  const dims = (batched ? t.shape.slice(1) : t.shape).map((d) => (isDynamic(d) ? -1 : Number(d)));
  const lines = ["  {", `    name: ${quote(t.name)}`, `    data_type: ${type}`];
  if (dims.length === 0) {
    // Triton needs at least one dim; a scalar (per batch item) is [1] reshaped to [].
    lines.push("    dims: [ 1 ]", "    reshape: { shape: [ ] }");
  } else {
    lines.push(`    dims: [ ${dims.join(", ")} ]`);
  }
  lines.push("  }");
  return lines.join("\n");
}

/**
 * The Triton model configuration (config.pbtxt) of an ONNX model, from its signature: platform onnxruntime_onnx,
 * inputs and outputs with Triton data types and dims. When every tensor's first dimension is dynamic, that is the
 * batch dimension: it leaves the dims and max_batch_size is set (default 4, as Triton's auto-complete); otherwise
 * max_batch_size is 0 and dims are full shapes.
 */
export function tritonConfig(name: string, sig: OnnxSignature, maxBatchSize = DEFAULT_MAX_BATCH_SIZE): TritonConfig {
  const skipped = sig.outputs.filter((o) => o.kind !== "tensor").map((o) => o.name);
  const outputs = sig.outputs.filter((o) => o.kind === "tensor");
  const inputs = sig.inputs;
  const badInput = inputs.find((i) => i.kind !== "tensor");
  if (badInput) {
    throw new UserError(`the ONNX input ${badInput.name} is a ${badInput.type}; Triton serves tensor inputs only`);
  }
  if (outputs.length === 0) {
    throw new UserError(
      "the ONNX model has no tensor output (a ZipMap output cannot be served by Triton); export it without ZipMap " +
        "(skl2onnx: options={'zipmap': False})",
    );
  }
  const tensors = [...inputs, ...outputs];
  const batchable = maxBatchSize > 0 && tensors.every((t) => t.shape.length > 0 && isDynamic(t.shape[0]));
  const mbs = batchable ? maxBatchSize : 0;
  const text = [
    `name: ${quote(name)}`,
    `platform: "onnxruntime_onnx"`,
    `max_batch_size: ${mbs}`,
    "input [",
    inputs.map((t) => tensorBlock(t, batchable)).join(",\n"),
    "]",
    "output [",
    outputs.map((t) => tensorBlock(t, batchable)).join(",\n"),
    "]",
    "",
  ].join("\n");
  return { text, maxBatchSize: mbs, skipped };
}
