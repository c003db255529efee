import { createRequire } from 'node:module';
import { c as planPackageImage, p as parsePlatforms, d as packagePlanView, e as applyPackage } from './chunk-WZ3ZO6K4-80CqoYQx.js';
import './chunk-VK5GUTCG-BuY9l5Ac.js';
import './chunk-ULLVEJ36-CqSbsUH_.js';
import './chunk-FESBZRCF-DVFrC6lj.js';
import { g as parseArgs, s as str, n as num, t as toJson } from './hot-validate-plan-audit-verify-DglurztO.js';
import './chunk-ZYONVBQU-s7z3Z2Hp.js';
import './chunk-UBMSCOQN-DvpQ3ehE.js';
import './chunk-OYQDDGAU-Dpe-Jqkv.js';
import './chunk-2ZLDIS45-ZCAU1cz0.js';
import './chunk-U6HQLEKJ-DFuKjzG7.js';
import './chunk-YK35P24K-BysRypHz.js';
import './hot-validate-Cbhe7qur.js';
import './hot-validate-plan-DjS3M9MR.js';
import './hot-plan-YWGJn6IT.js';
import './hot-validate-plan-verify-C9JqfCVv.js';
import './chunk-DFUR2YEO-CrRpRbga.js';
import { U as UserError } from './hot-help-validate-plan-audit-verify-CiDATK95.js';
import 'node:fs/promises';
import 'node:path';
import 'node:zlib';
import 'node:crypto';
import 'node:stream';
import 'node:url';
import 'node:worker_threads';
import 'node:fs';
import 'node:os';
import 'node:http';
import 'node:https';
import 'node:stream/promises';
import 'node:util';
import 'node:child_process';
import './hot-validate-verify-COnm42W2.js';
import 'node:timers/promises';
import 'node:v8';

const require$1 = createRequire(import.meta.url);

// src/commands/package.ts
var usage = `Usage: modelgate package MODEL [--layout DIR[:NAME]] [--push REGISTRY/REPO[:TAG]] [--base REF|scratch] [--dry-run] [--json]
       modelgate package --model FILE --name NAME [--version X.Y.Z] (--layout DIR[:NAME] | --push REF) [options]

Builds the model's OCI image without a Docker daemon: a KServe modelcar whose /models/NAME holds a Triton model
repository (config.pbtxt from the ONNX signature, and 1/model.onnx), appended to every platform of the base image.
The same inputs give the same digest. Prints the image digest (the digest of its index).

The served graph is the one \`evaluate\` scores: a ZipMap output (which Triton cannot serve) is removed and the
probability tensor behind it served instead, as skl2onnx writes with zipmap=False. The labels
dev.modelgate.model.sha256 (the artifact the manifest and the evaluation record name) and
dev.modelgate.served.sha256 (the file in the image) then differ, and dev.modelgate.served.graph says why.

MODEL is a model of the repository (models/MODEL/model.yaml): its name, version, artifact and sha256 and license
come from the manifests; the image is pushed to modelgate.yaml's spec.registry as REGISTRY/MODEL:VERSION, or, with
no registry configured, written to the image layout .modelgate/images at the repository root.

Options:
  --model FILE            the ONNX file (without manifests; needs --name)
  --artifact-file FILE    with MODEL: ship this file instead of the manifest's artifact path (a file trained by the
                          pull request's CI run); it must have the manifest's sha256
  --name NAME             the model name (the folder under /models)
  --version X.Y.Z         the version label and default tag
  --layout DIR[:NAME]     write an OCI image layout to DIR, naming the image NAME (default: the version, or latest)
  --push REF              push to a registry: REGISTRY/REPO[:TAG] (default tag: the version); plain HTTP only
                          for loopback registries. Credentials: MODELGATE_REGISTRY_USERNAME/PASSWORD, GITHUB_TOKEN
                          for ghcr.io, or the auth file of docker/skopeo login
  --base REF|scratch      the base image: a registry reference (pin it with @sha256:\u2026), oci:DIR[:NAME] for a
                          local layout, or scratch (no base: for clusters that mount images as volumes).
                          Default: modelgate.yaml's spec.base, else busybox (pinned by digest; it has the sh,
                          mkdir, ln and sleep that KServe's modelcar sidecar runs), or scratch when
                          spec.kserve.storage is image-volume. A base without them is refused when it comes from
                          modelgate.yaml for a modelcar, and warned about when named with --base
  --platform OS/ARCH,\u2026    the platforms of the image, each with its base's image for it (default:
                          linux/amd64,linux/arm64); a platform the base lacks is an error
  --eval-record FILE      attach the evaluation record as a referrer; its digest goes in a label. The record must
                          describe this model: its name, version, candidate sha256 and (with MODEL) evaluation
                          data digest; a stale record is refused (exit 1)
  --model-card FILE       attach the model card as a referrer
  --promotion-record FILE attach a promotion record as a referrer
  --max-batch-size N      Triton max_batch_size when the model has a dynamic batch dimension (default 4)
  --chunk-size MIB        upload blobs in chunks of this size (default: one streamed PUT per blob)
  --source URL            org.opencontainers.image.source (default: from GITHUB_SERVER_URL/GITHUB_REPOSITORY)
  --revision SHA          org.opencontainers.image.revision (default: GITHUB_SHA, else git HEAD)
  --licenses SPDX         org.opencontainers.image.licenses (default: the model card's license)
  --dry-run               read and check everything local (manifests, the ONNX file, the evaluation record) and
                          print the plan: the inputs, labels, referrers and where the image goes; build nothing
  --json                  print the result (or the plan) as JSON

Times: every timestamp is SOURCE_DATE_EPOCH, else the commit time of HEAD, else 1970-01-01.
Exit codes: 0 built, 1 the model differs from its manifest's sha256, the evaluation record is stale, or the registry
failed; 2 usage error; 70 internal error (a bug in modelgate; please report it).
`;
var command = {
  name: "package",
  summary: "build the model's OCI image (KServe modelcar) and write it to a layout or push it",
  usage,
  async run(args, io) {
    const { values, positionals } = parseArgs("package", args, {
      model: { type: "string" },
      "artifact-file": { type: "string" },
      name: { type: "string" },
      version: { type: "string" },
      layout: { type: "string" },
      push: { type: "string" },
      base: { type: "string" },
      platform: { type: "string" },
      "eval-record": { type: "string" },
      "model-card": { type: "string" },
      "promotion-record": { type: "string" },
      "max-batch-size": { type: "string" },
      "chunk-size": { type: "string" },
      source: { type: "string" },
      revision: { type: "string" },
      licenses: { type: "string" },
      "dry-run": { type: "boolean" }
    });
    if (positionals.length > 1) throw new UserError(`package takes one MODEL, got ${positionals.join(" ")}`);
    const plan = await planPackageImage(io, {
      model: positionals[0],
      modelFile: str(values.model),
      artifactFile: str(values["artifact-file"]),
      name: str(values.name),
      version: str(values.version),
      layout: str(values.layout),
      push: str(values.push),
      base: str(values.base),
      platforms: parsePlatforms(str(values.platform)),
      evalRecord: str(values["eval-record"]),
      modelCard: str(values["model-card"]),
      promotionRecord: str(values["promotion-record"]),
      maxBatchSize: num("max-batch-size", values["max-batch-size"]),
      chunkMiB: num("chunk-size", values["chunk-size"]),
      source: str(values.source),
      revision: str(values.revision),
      licenses: str(values.licenses)
    });
    if (values["dry-run"]) {
      const view = packagePlanView(plan);
      if (values.json) io.out(toJson(view));
      else printPlan(view, io);
      return 0;
    }
    const r = await applyPackage(plan, io, io.env);
    for (const w of r.warnings) io.err(`warning: ${w}
`);
    if (values.json) {
      io.out(toJson(r));
      return 0;
    }
    io.err(`built ${r.name}${r.version ? `@${r.version}` : ""} for ${r.platforms.join(", ")} on ${r.base.name}
`);
    if (r.layout) io.err(`wrote ${r.layout.dir} (${r.layout.name})
`);
    if (r.pushed)
      io.err(
        `pushed ${r.pushed.reference} (${r.pushed.uploaded} uploaded, ${r.pushed.mounted} mounted, ${r.pushed.existing} already there)
`
      );
    for (const a of r.referrers) io.err(`attached ${a.artifactType} ${a.digest} (${a.via})
`);
    io.out(`${r.digest}
`);
    return 0;
  }
};
function printPlan(p, io) {
  io.out(`would build ${p.name}${p.version ? `@${p.version}` : ""} from ${p.modelFile} on ${p.base} (dry run)
`);
  if (p.expectedSha256) io.out(`  the file must have sha256 ${p.expectedSha256}
`);
  if (p.servedGraph) io.out(`  served graph: ${p.servedGraph}
`);
  if (p.platforms) io.out(`  platforms: ${p.platforms.join(", ")}
`);
  io.out(`  created: ${p.created}
`);
  for (const [k, v] of Object.entries(p.labels)) io.out(`  label ${k}=${v}
`);
  for (const r of p.referrers) io.out(`  referrer ${r.artifactType} (${r.title}, ${r.size} bytes)
`);
  if (p.layout) io.out(`  write it to the layout ${p.layout.dir} (${p.layout.name})
`);
  if (p.push) io.out(`  push it to ${p.push}
`);
}

export { command };
