import { createRequire as __mgCreateRequire } from 'node:module'; const require = __mgCreateRequire(import.meta.url);
import {
  CARD_FILE,
  renderModelCard
} from "./chunk-RMKWO74F.js";
import {
  BUNDLE_MEDIA_TYPE,
  keySigner,
  readKeySigner,
  signStatement
} from "./chunk-MJDZF2F3.js";
import {
  MANAGED_BY,
  OFFLINE_BUILDER,
  appendToLedger,
  attestRecord,
  attestationPathBeside,
  commitMessage,
  currentIn,
  deployPaths,
  evaluationCopyPath,
  imageName,
  nextStageNumber,
  parseLedger,
  promotionTrailers,
  promotionsPath,
  renderBase,
  renderOverlay,
  stageTag,
  statementDigest,
  versionTag
} from "./chunk-KFQZAHPT.js";
import {
  canonicalJson,
  sha256Of
} from "./chunk-GMOKSZ4Z.js";
import {
  ArtifactType
} from "./chunk-62H4D3IN.js";
import {
  recordMismatches,
  staleRecordMessage
} from "./chunk-REA6EMCE.js";
import {
  API_VERSION,
  require_dist
} from "./chunk-AWCHZ6SK.js";
import {
  CheckFailed,
  UserError
} from "./chunk-VPZGVLTG.js";
import {
  __toESM
} from "./chunk-CCN2QAD7.js";

// src/deploy/gitops.ts
var import_yaml = __toESM(require_dist(), 1);
function gitopsFacts(spec, branch) {
  const tool = spec.deploy.gitops;
  if (!tool) return void 0;
  return {
    tool,
    settings: spec.deploy,
    deployDir: spec.paths.deploy.replace(/\/+$/, ""),
    revision: spec.deploy.argocd.targetRevision ?? branch ?? spec.gitops.branch ?? "HEAD",
    namespaces: Object.fromEntries(spec.environments.map((e) => [e.name, e.namespace ?? e.name]))
  };
}
var gitopsPath = (deployDir, model, env) => `${deployDir}/${model}/gitops/${env}.yaml`;
var HEADER = "# Written by modelgate publish (modelgate.yaml spec.deploy.gitops). Apply it once (kubectl apply -f THIS_FILE);\n# from then on each promotion commit to the overlay is what the cluster runs.\n";
var labels = (model, env) => ({
  "app.kubernetes.io/name": model,
  "app.kubernetes.io/managed-by": MANAGED_BY,
  "modelgate.dev/environment": env
});
function gitopsName(model, env) {
  const name = `${model}-${env}`;
  if (name.length > 63) {
    throw new UserError(
      `spec.deploy.gitops: the object of ${model} in ${env} would be named ${name} (${name.length} characters); Argo CD and Flux label what they apply with it, and a label value holds at most 63: shorten the model's or the environment's name`,
      { file: "modelgate.yaml" }
    );
  }
  return name;
}
function gitopsObjects(f, model, env) {
  const namespace = f.namespaces[env] ?? env;
  const path = `${f.deployDir}/${model}/overlays/${env}`;
  const name = gitopsName(model, env);
  if (f.tool === "argocd") {
    const a = f.settings.argocd;
    return [
      {
        apiVersion: "argoproj.io/v1alpha1",
        kind: "Application",
        metadata: { name, namespace: a.namespace, labels: labels(model, env) },
        spec: {
          project: a.project,
          source: { repoURL: a.repoURL, targetRevision: f.revision, path },
          destination: { server: a.server, namespace },
          syncPolicy: { automated: { prune: true, selfHeal: true }, syncOptions: ["CreateNamespace=true"] }
        }
      }
    ];
  }
  const x = f.settings.flux;
  return [
    // the environment's, shared by its models: no model's name on it
    {
      apiVersion: "v1",
      kind: "Namespace",
      metadata: {
        name: namespace,
        labels: { "app.kubernetes.io/managed-by": MANAGED_BY, "modelgate.dev/environment": env }
      }
    },
    {
      apiVersion: "kustomize.toolkit.fluxcd.io/v1",
      kind: "Kustomization",
      metadata: { name, namespace: x.namespace, labels: labels(model, env) },
      spec: {
        interval: x.interval,
        sourceRef: { kind: x.sourceRef.kind, name: x.sourceRef.name },
        path: `./${path}`,
        prune: true,
        targetNamespace: namespace
      }
    }
  ];
}
function renderGitops(f, model, env) {
  return HEADER + gitopsObjects(f, model, env).map((d) => (0, import_yaml.stringify)(d, { lineWidth: 0 })).join("---\n");
}

// src/publish/checks.ts
var short = (s) => s ? /^[0-9a-f]{64}$/.test(s) ? `${s.slice(0, 12)}\u2026` : s : "(none)";
function publishRefusals(f) {
  const name = f.model.metadata.name;
  const out = [];
  const refuse = (field, expected, actual, what) => out.push({
    model: name,
    field,
    expected,
    actual,
    message: `${name}: ${field}: ${what}${expected !== void 0 || actual !== void 0 ? ` (expected ${short(expected)}, found ${short(actual)})` : ""}`
  });
  const spec = f.model.spec;
  const declared = spec.artifact.sha256;
  if (!declared) {
    refuse(
      "spec.artifact.sha256",
      void 0,
      void 0,
      "the manifest does not pin the artifact; run `modelgate lock` in the pull request"
    );
  }
  if (!f.artifactSha256) {
    refuse(
      "artifact",
      declared,
      void 0,
      `no artifact file (${f.artifactSource}); commit it or pass the PR run's artifact folder with --artifacts DIR`
    );
  } else if (declared && f.artifactSha256 !== declared) {
    refuse(
      "artifact",
      declared,
      f.artifactSha256,
      `${f.artifactSource} is not the file the manifest pins; publish ships only the evaluated bytes`
    );
  }
  if (f.declaredAtHead && declared && f.declaredAtHead !== declared) {
    refuse(
      "artifact.sha256 at the approved head",
      f.declaredAtHead,
      declared,
      `the artifact changed between the approved head ${f.head.slice(0, 12)} and the merge; open a new pull request for the change`
    );
  }
  const other = (f.published ?? []).find((p) => declared && p.sha256 !== declared);
  if (other) {
    refuse("spec.version", other.sha256, declared, versionTakenMessage(name, spec.version, other));
  }
  const r = f.record;
  if (!r) {
    refuse(
      "evaluation record",
      void 0,
      void 0,
      `no evaluation record at ${f.recordSource}; publish needs the passing record of the pull request's head (pass the PR run's artifact folder with --records DIR)`
    );
  } else {
    const evalName = spec.evaluation.datasets[0];
    const d = f.datasets.find((x) => x.name === evalName);
    if (r.shard)
      refuse(
        "evaluation record shard",
        void 0,
        `${r.shard.index}/${r.shard.count}`,
        "a shard's record; publish the merged record (`modelgate evaluate merge`)"
      );
    const mismatches = recordMismatches(r, {
      name,
      version: spec.version,
      task: spec.task,
      artifact: { file: f.artifactSource, sha256: f.artifactSha256, declared },
      dataset: { name: evalName, file: `the data file of ${evalName}`, sha256: d?.fileSha256, declared: d?.declared }
    });
    const seen = /* @__PURE__ */ new Set();
    for (const mm of mismatches) {
      const field = mm.field === "dataset.sha256" ? `dataset ${evalName} sha256` : `evaluation record ${mm.field}`;
      if (seen.has(`${field} ${mm.actual}`)) continue;
      seen.add(`${field} ${mm.actual}`);
      refuse(field, mm.actual, mm.record, `${staleRecordMessage(name, [mm])} (${f.recordSource})`);
    }
    if (d?.fileSha256 && d.declared && d.fileSha256 !== d.declared) {
      refuse(
        `dataset ${evalName} file`,
        d.declared,
        d.fileSha256,
        "the data file differs from its manifest; run `modelgate validate`"
      );
    }
  }
  if (f.verdict) {
    const failed = f.verdict.results.filter((x) => x.status === "fail");
    if (failed.length) {
      refuse("gates", "pass", "fail", `gate failed: ${failed.map((x) => `${x.label}: ${x.reason}`).join("; ")}`);
    } else if (f.verdict.status === "warn" && !f.allowWarn) {
      refuse("gates", "pass", "warn", "gates ended in warnings and modelgate.yaml spec.allowWarn is false");
    }
  }
  if (!f.approval.approved) {
    refuse(
      "approval",
      f.approval.expected ?? "success",
      f.approval.status ?? "not approved",
      `${f.approval.reason ?? "the pull request's head was not approved"}; publish ships only what reviewers approved on the evaluated head commit`
    );
  } else if (!f.approval.approvers.some((a) => a.commit === f.head)) {
    refuse(
      "approval",
      f.head,
      f.approval.approvers.map((a) => a.commit).join(", "),
      "no approval of the evaluated head commit"
    );
  }
  return out;
}
function versionTakenMessage(name, version, p) {
  return `version ${version} of ${name} was already published with another artifact (record #${p.sequence}, ${p.stageTag}, sha256 ${p.sha256.slice(0, 12)}\u2026, from ${p.source.slice(0, 12)}); a published version is immutable: bump spec.version in a new pull request`;
}

// src/publish/change.ts
var LOCAL_REPOSITORY = "registry.invalid";
function planPublish(f) {
  const registry = f.registry?.replace(/\/$/, "");
  const env = f.environments[0];
  const attest = f.attest ?? { mode: "optional", by: "none" };
  const models = f.models.map((c) => {
    const name = c.model.metadata.name;
    const version = c.model.spec.version;
    const deploy = deployPaths(f.paths.deploy, name);
    return {
      name,
      version,
      environment: env,
      image: {
        repository: registry ? `${registry}/${name}` : `${LOCAL_REPOSITORY}/${name}`,
        ...registry ? { push: `${registry}/${name}:${version}` } : { layout: `${f.layoutDir}:${name}-${version}` },
        ...c.artifactFile ? { artifactFile: c.artifactFile } : {},
        evalRecord: c.recordFile,
        revision: f.sha
      },
      referrers: ["promotion record", "model card", ...attest.by === "key" ? ["attestation bundles"] : []],
      files: {
        ledger: promotionsPath(f.paths.records, name),
        evaluationCopy: evaluationCopyPath(f.paths.records, name, sha256Of(c.recordBytes).slice(7)),
        base: `${deploy.base}/`,
        overlays: f.environments.map((e) => ({ environment: e, path: deploy.overlay(e), pinned: e === env })),
        gitops: f.gitops ? f.environments.map((e) => ({
          environment: e,
          name: gitopsName(name, e),
          path: gitopsPath(f.paths.deploy, name, e),
          tool: f.gitops?.tool ?? ""
        })) : [],
        card: `${c.dir ? `${c.dir}/` : ""}${CARD_FILE}`
      },
      stageTag: `${name}#${env}#N`,
      versionTag: versionTag(name, version),
      checked: c
    };
  });
  return {
    sha: f.sha,
    pull: f.pull,
    approvers: f.approvers,
    ...f.approvalSource ? { approvalSource: f.approvalSource } : {},
    triggeredBy: f.triggeredBy,
    target: f.target,
    environments: f.environments,
    paths: f.paths,
    registry,
    layoutDir: f.layoutDir,
    models,
    attest,
    ...f.gitops ? { gitops: f.gitops } : {}
  };
}
function heldBy(entries, environment) {
  const entry = currentIn(entries, environment);
  if (!entry) return void 0;
  const r = entry.record;
  if (r.action === "publish") return { entry, merge: r.source };
  const pub = entries.find((e) => e.digest === r.release?.publishRecord);
  return pub ? { entry, merge: pub.record.source } : void 0;
}
var UNBUILT_IMAGE = { digest: `sha256:${"0".repeat(64)}`, scheme: "oci" };
function tipReads(m) {
  return [m.files.ledger, m.files.card, ...m.files.overlays.filter((o) => !o.pinned).map((o) => o.path)];
}
function publishChange(f) {
  const { plan, model: mp, tip } = f;
  const c = mp.checked;
  const { name, version, environment } = mp;
  const ledgerText = tip.files[mp.files.ledger] ?? "";
  const { entries, problems } = parseLedger(ledgerText);
  if (problems.length) {
    throw new UserError(
      `${mp.files.ledger} on ${plan.target.branch} is damaged (line ${problems[0].line}: ${problems[0].message}); run \`modelgate audit verify ${name}\``
    );
  }
  const done = entries.find((e) => e.record.action === "publish" && e.record.source === plan.sha);
  if (done) return { kind: "already", record: done.record };
  const taken = entries.find(
    (e) => e.record.action === "publish" && e.record.model.name === name && e.record.model.version === version && e.record.model.sha256 !== c.model.spec.artifact.sha256
  );
  if (taken) {
    throw new CheckFailed(
      versionTakenMessage(name, version, {
        sequence: taken.record.sequence,
        sha256: taken.record.model.sha256,
        source: taken.record.source,
        stageTag: taken.record.stageTag
      })
    );
  }
  const held = heldBy(entries, environment);
  if (held && held.merge !== plan.sha && tip.laterMerges?.has(held.merge)) {
    return { kind: "superseded", held: held.entry, merge: held.merge };
  }
  const tag = stageTag(name, environment, nextStageNumber(tip.tags, name, environment));
  const reference = `${mp.image.repository}@${f.image.digest}`;
  const card = renderModelCard({ ...c.card, image: reference }, tip.files[mp.files.card]);
  const pull = plan.pull;
  let statements = [];
  const attest = f.attest;
  const seal = attest ? (chained) => {
    const a = attestRecord(chained, attest);
    statements = a.statements;
    return { ...chained, attestation: a.block };
  } : void 0;
  const appended = appendToLedger(
    ledgerText,
    {
      apiVersion: API_VERSION,
      kind: "PromotionRecord",
      action: "publish",
      at: f.at,
      model: { name, version, sha256: c.model.spec.artifact.sha256, path: c.artifactPath },
      data: c.model.spec.evaluation.datasets.slice(0, 1).map((dn) => ({ name: dn, sha256: c.record.dataset.sha256 })),
      evaluation: {
        record: sha256Of(c.recordBytes),
        path: mp.files.evaluationCopy,
        verdict: c.verdict.status === "warn" ? "warn" : "pass",
        gates: c.verdict.results.map((g) => ({ gate: g.label, status: g.status })),
        metrics: headline(c.record)
      },
      pullRequest: {
        number: pull.number,
        author: pull.author,
        head: pull.head,
        ...pull.url ? { url: pull.url } : {}
      },
      approvals: plan.approvers.map((a) => ({
        reviewer: a.login,
        reviewId: a.reviewId,
        commit: a.commit,
        submittedAt: a.submittedAt
      })),
      ...plan.approvalSource ? { approvalSource: plan.approvalSource } : {},
      image: { reference, digest: f.image.digest },
      environment,
      stageTag: tag,
      source: plan.sha,
      triggeredBy: plan.triggeredBy,
      card: { path: mp.files.card, sha256: sha256Of(card).slice("sha256:".length) }
    },
    seal
  );
  const image = { repository: mp.image.repository, digest: f.image.digest, scheme: f.image.scheme };
  const pin = { image, version, record: appended.digest };
  const files = {
    [mp.files.ledger]: appended.text,
    [mp.files.evaluationCopy]: Buffer.from(c.recordBytes).toString("utf8")
  };
  for (const [file, text] of Object.entries(renderBase(c.model, pin))) files[`${mp.files.base}${file}`] = text;
  for (const o of mp.files.overlays) {
    if (o.pinned) files[o.path] = renderOverlay(c.model, o.environment, pin);
    else if (tip.files[o.path] === void 0) files[o.path] = renderOverlay(c.model, o.environment, void 0);
  }
  if (plan.gitops) for (const g of mp.files.gitops) files[g.path] = renderGitops(plan.gitops, name, g.environment);
  files[mp.files.card] = card;
  return {
    kind: "commit",
    record: appended.record,
    digest: appended.digest,
    stageTag: tag,
    files,
    message: commitMessage(
      `Publish ${name} ${version} to ${environment}`,
      `Pull request #${pull.number} by ${pull.author}, head ${pull.head.slice(0, 12)}, merged as ${plan.sha.slice(0, 12)}.
Tag this commit to release it: git tag -a ${mp.versionTag} -m "${name} ${version}" <this commit>`,
      promotionTrailers(appended.record, appended.digest)
    ),
    tag: { name: tag, target: "HEAD", message: `${name} ${version} to ${environment} (modelgate publish)` },
    statements
  };
}
function publishReferrers(record, card, more = {}) {
  return {
    created: record.at,
    attachments: [
      {
        artifactType: ArtifactType.promotionRecord,
        mediaType: "application/json",
        title: "promotion-record.json",
        // the ledger's own line: the layer's digest is the record's digest (the Promotion-Record trailer)
        bytes: Buffer.from(canonicalJson(record))
      },
      ...card === void 0 ? [] : [
        {
          artifactType: ArtifactType.modelCard,
          mediaType: "text/markdown",
          title: CARD_FILE,
          bytes: Buffer.from(card)
        }
      ],
      ...more.bundles ?? []
    ]
  };
}
function headline(r) {
  const keep = [
    "roc_auc",
    "average_precision",
    "accuracy",
    "precision",
    "recall",
    "f1",
    "log_loss",
    "f1_macro",
    "mae",
    "rmse",
    "r2"
  ];
  const out = {};
  for (const k of keep) if (k in r.candidate.metrics) out[k] = r.candidate.metrics[k];
  return out;
}
function planView(plan) {
  return {
    target: plan.target,
    ...plan.registry ? { registry: plan.registry } : { layout: plan.layoutDir },
    models: plan.models.map(({ checked: _, ...m }) => m)
  };
}
function describeModelPlan(plan, m) {
  const f = m.files;
  const where = m.image.push ? `push ${m.image.push}` : `write it to the layout ${m.image.layout}`;
  return [
    `image: build ${m.image.artifactFile ?? m.checked.artifactPath} into an image and ${where}, with the evaluation record ${m.image.evalRecord} attached`,
    `commit to ${plan.target.branch} of ${plan.target.remote}: ${f.ledger} (promotion record), ${f.evaluationCopy}, ${f.base}, ${f.overlays.map((o) => `${o.path} (${o.pinned ? "pinned to the image" : "deploys nothing, when absent"})`).join(
      ", "
    )}, ${f.gitops.map((g) => `${g.path} (${g.tool === "argocd" ? "Argo CD Application" : "Flux Kustomization"})`).join(", ")}${f.gitops.length ? ", " : ""}${f.card}`,
    `tag: ${m.stageTag} (N: the next free number); then attach the promotion record and the model card to the image`,
    attestLine(plan.attest, f.ledger)
  ];
}
function attestLine(a, ledger) {
  const where = ledger.replace(/promotions\.jsonl$/, "attestations/");
  if (a.by === "key")
    return `attest: sign the record's in-toto Statements with the key ${a.keyHint?.slice(0, 16)}\u2026 into ${where} (same commit), and attach the bundles to the image`;
  if (a.by === "workflow")
    return `attest: write the record's in-toto Statements for the workflow's actions/attest step (keyless); \`modelgate attest store\` files the bundles in ${where}`;
  return `attest: nothing is signed (spec.attest: ${a.mode})`;
}

// src/attest/setup.ts
import { existsSync, mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
var hasIdToken = (env) => Boolean(env.ACTIONS_ID_TOKEN_REQUEST_URL);
function attestMode(configured, env) {
  return configured ?? (hasIdToken(env) ? "required" : "optional");
}
function builderFromEnv(env) {
  if (env.GITHUB_ACTIONS === "true" && env.GITHUB_WORKFLOW_REF && env.GITHUB_REPOSITORY) {
    const server = env.GITHUB_SERVER_URL ?? "https://github.com";
    return {
      id: `${server}/${env.GITHUB_WORKFLOW_REF}`,
      ...env.GITHUB_RUN_ID ? {
        runUrl: `${server}/${env.GITHUB_REPOSITORY}/actions/runs/${env.GITHUB_RUN_ID}/attempts/${env.GITHUB_RUN_ATTEMPT ?? "1"}`
      } : {},
      repository: `${server}/${env.GITHUB_REPOSITORY}`
    };
  }
  return { id: OFFLINE_BUILDER };
}
function signingKey(file, env) {
  if (file) return readKeySigner(file);
  const v = env.MODELGATE_SIGNING_KEY?.trim();
  if (!v) return void 0;
  return v.startsWith("-----BEGIN") ? keySigner(v, "MODELGATE_SIGNING_KEY") : readKeySigner(v);
}
function attestSetup(o) {
  const mode = attestMode(o.configured, o.env);
  const builder = builderFromEnv(o.env);
  const keyGiven = Boolean(o.keyFile || o.env.MODELGATE_SIGNING_KEY?.trim());
  if (mode === "off") {
    if (keyGiven) o.warn("modelgate.yaml spec.attest is off: the signing key is not used, nothing is attested");
    return { mode, by: "none", builder };
  }
  const signer = signingKey(o.keyFile, o.env);
  if (signer) return { mode, by: "key", signer, builder };
  if (hasIdToken(o.env)) {
    const dir = o.statementsDir ?? join(o.env.RUNNER_TEMP ?? ".modelgate", "modelgate-attest");
    return { mode, by: "workflow", builder, statementsDir: dir };
  }
  if (mode === "required") {
    throw new UserError(
      `modelgate.yaml spec.attest is ${o.configured ? "required" : "required by default here"}: pass --signing-key FILE (an ECDSA P-256 PEM key) or set MODELGATE_SIGNING_KEY, or run in GitHub Actions with \`id-token: write\` and the actions/attest steps of workflows/; nothing was built or written`,
      o.configFile ? { file: o.configFile } : void 0
    );
  }
  return { mode, by: "none", builder };
}
function buildFacts(setup, extra = {}) {
  if (setup.by === "none") return void 0;
  return {
    signer: setup.by,
    builder: setup.builder,
    ...extra.base ? { base: extra.base } : {},
    ...extra.datasets?.length ? { datasets: extra.datasets } : {}
  };
}
async function signedFiles(signer, ledgerPath, statements) {
  const files = {};
  for (const s of statements) {
    const bundle = await signStatement(s, signer);
    files[attestationPathBeside(ledgerPath, statementDigest(s).slice(7))] = bundleText(bundle);
  }
  return files;
}
var bundleText = (b) => `${JSON.stringify(b)}
`;
function writePendingStatements(dir, record, statements) {
  if (!existsSync(dir)) mkdirSync(dir, { recursive: true });
  return statements.map((s) => {
    const digest = statementDigest(s);
    const hex = digest.slice(7);
    const predicate = join(dir, `${hex}.predicate.json`);
    const subjects = join(dir, `${hex}.subjects.txt`);
    writeFileSync(predicate, `${JSON.stringify(s.predicate, null, 2)}
`);
    writeFileSync(subjects, s.subject.map((x) => `${x.digest.sha256}  ${x.name}
`).join(""));
    return {
      model: record.model.name,
      action: record.action,
      predicateType: s.predicateType,
      digest,
      hex,
      predicate,
      subjects,
      image: { name: imageName(record.image.reference), digest: record.image.digest }
    };
  });
}
function bundleAttachment(predicateType, hex, text) {
  return {
    artifactType: BUNDLE_MEDIA_TYPE,
    mediaType: BUNDLE_MEDIA_TYPE,
    title: `${hex}.sigstore.json`,
    bytes: Buffer.from(text),
    annotations: {
      "dev.sigstore.bundle.content": "dsse-envelope",
      "dev.sigstore.bundle.predicateType": predicateType
    }
  };
}
function signedResult(ledgerPath, statements, files) {
  return statements.map((s) => {
    const digest = statementDigest(s);
    const bundle = attestationPathBeside(ledgerPath, digest.slice(7));
    return { predicateType: s.predicateType, digest, bundle, text: files[bundle] };
  });
}

export {
  gitopsFacts,
  publishRefusals,
  LOCAL_REPOSITORY,
  planPublish,
  heldBy,
  UNBUILT_IMAGE,
  tipReads,
  publishChange,
  publishReferrers,
  planView,
  describeModelPlan,
  attestSetup,
  buildFacts,
  signedFiles,
  writePendingStatements,
  bundleAttachment,
  signedResult
};
