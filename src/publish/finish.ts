import { readFile } from "node:fs/promises";
import { CheckFailed } from "../errors.ts";
import { registryCredentials } from "../oci/credentials.ts";
import { blobPath, readLayoutIndex } from "../oci/layout.ts";
import { parseReference } from "../oci/reference.ts";
import {
  type Attachment,
  artifactManifest,
  attachToLayout,
  attachToRegistry,
  listLayoutReferrers,
  listRegistryReferrers,
} from "../oci/referrers.ts";
import { RegistryClient, registryTuning } from "../oci/registry.ts";
import type { Descriptor } from "../oci/types.ts";
import { killPoint } from "../util/kill-point.ts";
import type { Workspace } from "../workspace/workspace.ts";
import { LOCAL_REPOSITORY } from "./change.ts";

/**
 * The last step of a publish, and what a rerun finishes: the records attached to the image as referrers, where the
 * record says the image is (its registry, or the local layout for registry.invalid images). Idempotent: a referrer
 * of a kind the image already has (its artifact type; for a signed bundle, the predicate it signs) is not attached
 * again, so a rerun after a crash or a registry failure attaches exactly what is missing.
 */

/**
 * What one referrer is, for "is it there already": its artifact type, and for a Sigstore bundle the predicate it
 * signs (a record has two bundles of one type). Not its bytes: a referrer an earlier run attached is kept.
 */
const kindOf = (artifactType: string | undefined, annotations: Record<string, string> | undefined) =>
  `${artifactType}\u0000${annotations?.["dev.sigstore.bundle.predicateType"] ?? ""}`;

export interface ImageAt {
  /** REPOSITORY@DIGEST as the promotion record names it. */
  reference: string;
  digest: string;
  /** The image's descriptor, when known (just built); else read from where the image is. */
  descriptor?: Descriptor;
}

/** The attachments the image lacks (by artifact type), attached; returns the titles attached. */
export async function attachMissing(
  ws: Workspace,
  layoutDir: string,
  image: ImageAt,
  created: string,
  attachments: Attachment[],
  log: (line: string) => void,
): Promise<string[]> {
  const ref = parseReference(image.reference, "image");
  const attached: string[] = [];
  const attachAll = async (present: Descriptor[], attach: (a: Attachment) => Promise<void>) => {
    const have = new Set(present.map((d) => kindOf(d.artifactType, d.annotations)));
    for (const a of attachments) {
      if (have.has(kindOf(a.artifactType, a.annotations))) continue;
      await attach(a);
      attached.push(a.title);
      killPoint("after-first-referrer");
    }
  };
  if (ref.registry === LOCAL_REPOSITORY) {
    const subject = image.descriptor ?? (await layoutDescriptor(layoutDir, image));
    await attachAll(await listLayoutReferrers(layoutDir, image.digest), (a) =>
      attachToLayout(layoutDir, artifactManifest(subject, a, created)),
    );
    return attached;
  }
  const client = new RegistryClient(ref.registry, {
    credentials: registryCredentials(ref.registry, ws.env),
    ...registryTuning(ws.env),
    log,
  });
  try {
    let subject = image.descriptor;
    if (!subject) {
      const got = await client.getManifest(ref.repository, image.digest);
      if (!got) {
        throw new CheckFailed(
          `the image ${image.reference} is not in ${ref.registry} (it answers 404 for its digest); push it again with \`modelgate package --push ${ref.registry}/${ref.repository}\` from the merged commit`,
        );
      }
      subject = { mediaType: got.mediaType, digest: got.digest, size: got.bytes.byteLength };
    }
    const s = subject;
    await attachAll(await listRegistryReferrers(client, ref.repository, image.digest), async (a) => {
      await attachToRegistry(client, ref.repository, artifactManifest(s, a, created), s);
    });
  } finally {
    client.close();
  }
  return attached;
}

/** The descriptor of an image in a layout: its index entry, else its blob (media type from the JSON). */
async function layoutDescriptor(dir: string, image: ImageAt): Promise<Descriptor> {
  const index = await readLayoutIndex(dir);
  const listed = index.manifests.find((d) => d.digest === image.digest);
  if (listed) return { mediaType: listed.mediaType, digest: listed.digest, size: listed.size };
  const bytes = await readFile(blobPath(dir, image.digest)).catch(() => undefined);
  if (!bytes) {
    throw new CheckFailed(
      `the image ${image.reference} is not in the layout ${dir}; publish writes it there, so this is not the layout it was published to (pass --layout DIR)`,
    );
  }
  const mediaType = String((JSON.parse(bytes.toString("utf8")) as { mediaType?: string }).mediaType);
  return { mediaType, digest: image.digest, size: bytes.byteLength };
}
