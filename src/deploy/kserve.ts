import { UserError } from "../errors.ts";
import type { KserveRelease, KserveStorage } from "../manifest/schema.ts";

/**
 * What KServe accepts, per release: the storage-URI schemes modelgate writes. Checked against KServe's own source
 * (pkg/controller/v1beta1/inferenceservice/utils/utils.go, SupportedStorageURIPrefixList), not against its main branch:
 * `oci+fetch://` exists on main since 2026-08-12 but in no release, so no entry lists it yet.
 */

/** The storage-URI schemes of OCI images that some KServe version reads. */
export type StorageScheme = "oci" | "oci+native" | "oci+fetch";

export const KSERVE_SCHEMES: Record<KserveRelease, readonly StorageScheme[]> = {
  // v0.20.0 (tag v0.20.0, commit 1fb781055dd1567164358233e1125142ca6ef1fe, 2026-08-06)
  "0.20.0": ["oci", "oci+native"],
};

/** The scheme of each way of reading an image. */
export const STORAGE_SCHEME: Record<KserveStorage, StorageScheme> = {
  modelcar: "oci",
  "image-volume": "oci+native",
};

/**
 * The ServingRuntime the InferenceService names, so that no other installed runtime that also claims ONNX (with
 * another model layout) is picked: KServe's ClusterServingRuntime for Triton, which reads /mnt/models as a Triton
 * model repository (config/runtimes/kserve-tritonserver.yaml: onnx, protocol v2).
 */
export const KSERVE_RUNTIME = "kserve-tritonserver";

/** The scheme the overlays use for a model's image, given modelgate.yaml's spec.kserve; refused when that release lacks it. */
export function storageScheme(kserve: { version: KserveRelease; storage: KserveStorage }): StorageScheme {
  const scheme = STORAGE_SCHEME[kserve.storage];
  const accepted = KSERVE_SCHEMES[kserve.version];
  if (!accepted?.includes(scheme)) {
    throw new UserError(
      `modelgate.yaml: spec.kserve.storage ${kserve.storage} needs storageUri ${scheme}://, which KServe ${kserve.version} does not accept (it reads ${(accepted ?? []).map((s) => `${s}://`).join(", ")}); choose another spec.kserve.storage`,
    );
  }
  return scheme;
}
