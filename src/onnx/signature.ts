import onnxProto from "onnx-proto";
import { UserError } from "../errors.ts";
import { type DecodedModel, type OnnxSignature, signatureOf } from "./graph.ts";

export {
  type DecodedModel,
  ELEM_CODE,
  type ElemType,
  type GraphFacts,
  graphFacts,
  type OnnxSignature,
  type TensorSpec,
  type ZipMapNode,
} from "./graph.ts";

const { onnx } = onnxProto;

/** Decodes an ONNX model and reads its signature. Throws a UserError when the bytes are not ONNX. */
export function readOnnxModel(bytes: Uint8Array, file = "model"): { model: DecodedModel; signature: OnnxSignature } {
  let model: DecodedModel;
  try {
    model = onnx.ModelProto.decode(bytes);
  } catch (err) {
    throw new UserError(`${file} is not an ONNX model (${(err as Error).message}); export the model to ONNX first`);
  }
  if (!model.graph) throw new UserError(`${file} is not an ONNX model (no graph); export the model to ONNX first`);
  return { model, signature: signatureOf(model) };
}

/** Reads the signature of an ONNX model from its bytes, without onnxruntime. Throws a UserError when not ONNX. */
export function readOnnxSignature(bytes: Uint8Array, file = "model"): OnnxSignature {
  return readOnnxModel(bytes, file).signature;
}
