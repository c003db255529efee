import { createRequire } from 'node:module';
import { c as command$8 } from './chunk-QVJNIVXG-Q2pDVdIA.js';
import { ag as command$9 } from './hot-audit-verify-DZYJh8zf.js';
import { c as command$7 } from './chunk-CLTI6M3N-DrLxYS6R.js';
import { c as command$5 } from './chunk-FVC6ZLR6-ClqCFZ1k.js';
import { r as readBatches, W as command$2, X as keepScans } from './hot-validate-Cbhe7qur.js';
import { c as command$1 } from './chunk-JAQ67U4R-N2u_TFEu.js';
import { c as command } from './chunk-TQZH5QDY-IS2Xfg1R.js';
import { g as gitignoreWithModelgate } from './chunk-CWFCTTKI-Cu2Nx6Gr.js';
import './chunk-DOJBJRVX-Dsm5fQDV.js';
import './chunk-TUZI4YY7-vvZ-QlEE.js';
import { c as command$4 } from './chunk-WGVAOZVT-CvDl7KGK.js';
import './chunk-MU3JUADA-7VI_UIJ_.js';
import './chunk-OQ45MV4K-Ds5tyVHJ.js';
import './chunk-XTTDOJEG-BXV6SU6K.js';
import './chunk-RKHCHKKT-CuWh8JyS.js';
import './hot-validate-plan-DjS3M9MR.js';
import { c as command$6 } from './chunk-77L6OETL-BOJUaloW.js';
import './chunk-RIE246NL-BCGPlkPR.js';
import './chunk-GLGUTLI5-Jm6A3CVq.js';
import './chunk-IUP2DSUK-kBqg7nXA.js';
import './chunk-SUJYJUOK-DVAOOj-J.js';
import './chunk-YPELLATJ-DmrUE5hP.js';
import './chunk-I7OPH6LF-DZAU6hue.js';
import './chunk-PBKVHRC3-wi_CBaMH.js';
import './chunk-MNVFN7U6-VUjvR0Gk.js';
import './hot-verify-CS61MYk-.js';
import './chunk-CET7KO5S-Y6oG9QoX.js';
import './chunk-N3AID6DX-dQPS-OfG.js';
import './chunk-AUVY43KH-ByPVU_Dd.js';
import './chunk-YOBALZSW-B141agpR.js';
import { c as command$3 } from './chunk-FAKT2HUR-978MzsAP.js';
import './chunk-4XQEDHKK-BxXLCzAZ.js';
import { c as __toESM, U as UserError, o as bufferIo, M as ModelgateError } from './hot-help-validate-plan-audit-verify-CiDATK95.js';
import './chunk-VZA3NT3X--wGmD8N5.js';
import { R as REQUEST_TYPE, c as RESPONSE_TYPE } from './chunk-MQCGLXLB-CbrzXGu1.js';
import './chunk-TTEN63ZV-SY8ycxCd.js';
import './chunk-6ISN4EGF-OY3v5fbb.js';
import './chunk-UJBNVSBJ-FdgIgU5w.js';
import './chunk-DL6T25Z3-Dn6jH0Bt.js';
import './chunk-QY6YSSUQ-DOW5Hrlb.js';
import './chunk-3XFCJ3SQ-CY1KQCXb.js';
import './chunk-62RWLHT6-DusoIaw8.js';
import './chunk-NKXRGQC5-h4gDLlTY.js';
import './chunk-BJUODENM-D7tbkoXJ.js';
import { m as modelIoOf } from './chunk-KDNZQSEI-BmEYO2Wc.js';
import './chunk-OTHSGMS3-yPQ0aSNM.js';
import './chunk-2EP4N2N2-TUQsqfkI.js';
import './chunk-2N2GYVU3-BuZWoH5t.js';
import { M as ModelRunner } from './chunk-RUQEVCOP-DcryHeG5.js';
import { c as cellToString } from './hot-validate-verify-COnm42W2.js';
import './chunk-7QV4TYNM-KsfEaxRL.js';
import './chunk-WZ3ZO6K4-80CqoYQx.js';
import './chunk-VK5GUTCG-BuY9l5Ac.js';
import './chunk-ULLVEJ36-CqSbsUH_.js';
import './chunk-FESBZRCF-DVFrC6lj.js';
import { o as openGit, x as gitSpawnerPid, y as startGitSpawner, h as closeObjectReaders, g as parseArgs, s as str, t as toJson } from './hot-validate-plan-audit-verify-DglurztO.js';
import './chunk-ZYONVBQU-s7z3Z2Hp.js';
import './chunk-UBMSCOQN-DvpQ3ehE.js';
import './chunk-OYQDDGAU-Dpe-Jqkv.js';
import './chunk-2ZLDIS45-ZCAU1cz0.js';
import './chunk-U6HQLEKJ-DFuKjzG7.js';
import './chunk-YK35P24K-BysRypHz.js';
import { r as require_dist, j as modelSchema, k as datasetSchema } from './hot-plan-YWGJn6IT.js';
import './hot-validate-plan-verify-C9JqfCVv.js';
import './chunk-DFUR2YEO-CrRpRbga.js';
import './chunk-U2N6PYQM-Bne4_qtb.js';
import { generateKeyPairSync } from 'node:crypto';
import { existsSync, cpSync, readFileSync, writeFileSync, readdirSync, appendFileSync, createWriteStream, mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative, sep, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { once } from 'node:events';
import 'node:child_process';
import 'node:worker_threads';
import 'node:fs/promises';
import 'node:timers/promises';
import 'node:v8';
import 'node:util';
import 'http';
import 'https';
import 'net';
import 'tls';
import 'events';
import 'url';
import 'assert';
import 'dns';
import 'node:zlib';
import 'node:stream';
import 'node:http';
import 'node:https';
import 'node:stream/promises';
import 'os';
import 'crypto';
import 'fs';

const require$1 = createRequire(import.meta.url);
var import_yaml = __toESM(require_dist(), 1);
function exampleDir() {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (; ; ) {
    const candidate = join(dir, "examples", "fraud-detection");
    if (existsSync(join(candidate, "modelgate.yaml"))) return candidate;
    const up = dirname(dir);
    if (up === dir) {
      throw new UserError(
        "cannot find examples/fraud-detection next to modelgate's files; run the demo from a checkout of the modelgate repository"
      );
    }
    dir = up;
  }
}
var NOT_COPIED = /* @__PURE__ */ new Set(["versions", ".modelgate"]);
function copyExample(dest, src = exampleDir()) {
  cpSync(src, dest, {
    recursive: true,
    filter: (from) => {
      const rel = relative(src, from);
      return rel === "" || !NOT_COPIED.has(rel.split(sep)[0]);
    }
  });
  const gitignore = join(dest, ".gitignore");
  const text = gitignoreWithModelgate(existsSync(gitignore) ? readFileSync(gitignore, "utf8") : void 0);
  if (text !== void 0) writeFileSync(gitignore, text);
}
function filesUnder(dir, base = dir) {
  return readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name)).flatMap((e) => e.isDirectory() ? filesUnder(join(dir, e.name), base) : [relative(base, join(dir, e.name))]);
}
function exampleVersions(src = exampleDir()) {
  const dir = join(src, "versions");
  const byNumber = (v) => v.split(".").map(Number);
  return readdirSync(dir, { withFileTypes: true }).filter((e) => e.isDirectory() && /^\d+\.\d+\.\d+$/.test(e.name)).map((e) => e.name).sort((a, b) => {
    const [x, y] = [byNumber(a), byNumber(b)];
    return x[0] - y[0] || x[1] - y[1] || x[2] - y[2];
  }).map((version) => {
    const [title, ...rest] = readFileSync(join(dir, version, "PULL_REQUEST.md"), "utf8").split("\n");
    return {
      version,
      title: title.trim(),
      body: rest.join("\n").trim(),
      files: filesUnder(join(dir, version)).filter((f) => f !== "PULL_REQUEST.md").map((f) => f.split(sep).join("/"))
    };
  });
}
function applyVersion(dest, overlay, src = exampleDir()) {
  for (const f of overlay.files) {
    cpSync(join(src, "versions", overlay.version, f), resolve(dest, f));
  }
}
var PEOPLE = {
  alice: { name: "Alice Author", email: "alice@example.com" },
  bob: { name: "Bob Reviewer", email: "bob@example.com" },
  dana: { name: "Dana Release-Manager", email: "dana@example.com" },
  ci: { name: "modelgate CI", email: "ci@example.com" }
};
var QUIET_GIT_ENV = {
  GIT_CONFIG_COUNT: "2",
  GIT_CONFIG_KEY_0: "gc.auto",
  GIT_CONFIG_VALUE_0: "0",
  GIT_CONFIG_KEY_1: "maintenance.auto",
  GIT_CONFIG_VALUE_1: "false"
};
function quietRemote(bareDir) {
  appendFileSync(join(bareDir, "config"), "[receive]\n	autogc = false\n");
}
var handles = /* @__PURE__ */ new Map();
function gitAs(cwd, who = "ci") {
  const key = `${who}\0${cwd}`;
  let g = handles.get(key);
  if (!g) {
    g = openGit(cwd, { identity: PEOPLE[who], isolated: true, env: { HOME: cwd, ...QUIET_GIT_ENV } });
    handles.set(key, g);
  }
  return g;
}
async function git(cwd, args, who = "ci") {
  return (await gitAs(cwd, who).run(args)).trim();
}
var iso = (t) => new Date(t).toISOString();
async function kserveTraffic(o) {
  const m = o.manifest;
  const features = m.spec.inputs.features;
  const cols = o.dataset.spec.columns;
  const idCol = cols.find((c) => c.role === "id")?.name;
  const params = cols.filter((c) => c.role === "id" || c.role === "slice").map((c) => c.name);
  const label = m.spec.label.column;
  const runner = await ModelRunner.open(o.model, `${m.metadata.name}@${m.spec.version}`, m.spec.task, modelIoOf(m));
  const events = createWriteStream(o.events);
  const labels = createWriteStream(o.labels);
  const write = async (s, text) => {
    if (!s.write(text)) await once(s, "drain");
  };
  let total = 0;
  for await (const _ of readBatches(o.data, { columns: [label] })) total += _.length;
  const span = o.days * 864e5;
  const tensor = m.spec.inputs.tensor ?? "input";
  await write(labels, `${idCol ?? "id"},${label}
`);
  let i = 0;
  let last = o.start;
  try {
    for await (const b of readBatches(o.data, { columns: [...features, ...params, label], numeric: features })) {
      const numeric = new Map(features.map((f) => [f, b.numeric[b.columns.indexOf(f)]]));
      const out = await runner.run({ length: b.length, numeric, strings: /* @__PURE__ */ new Map() });
      const w = runner.output.width;
      for (let r = 0; r < b.length; r++, i++) {
        const t = o.start + Math.floor(i * span / Math.max(1, total));
        last = t;
        const cell = (c) => b.data[b.columns.indexOf(c)][r];
        const id = idCol ? String(cellToString(cell(idCol))) : String(i);
        const parameters = Object.fromEntries(
          params.map((p) => {
            const v = cell(p);
            return [p, typeof v === "string" && /^\d+$/.test(v) ? Number(v) : v];
          })
        );
        const request = {
          specversion: "1.0",
          id: `req-${id}`,
          type: REQUEST_TYPE,
          source: "http://localhost:9081/",
          time: iso(t),
          datacontenttype: "application/json",
          inferenceservicename: m.metadata.name,
          namespace: "production",
          component: "predictor",
          endpoint: "",
          data: {
            id: `req-${id}`,
            inputs: [
              {
                name: tensor,
                shape: [1, features.length],
                datatype: "FP32",
                data: features.map((f) => numeric.get(f)[r])
              }
            ],
            parameters
          }
        };
        const probs = Array.from(out.subarray(r * w, (r + 1) * w), (x) => Number(x.toFixed(6)));
        const response = {
          ...request,
          type: RESPONSE_TYPE,
          time: iso(t + 3 + i % 10),
          data: {
            model_name: m.metadata.name,
            model_version: m.spec.version,
            id: `req-${id}`,
            outputs: [
              { name: "label", shape: [1], datatype: "INT64", data: [probs.length > 1 && probs[1] >= 0.5 ? 1 : 0] },
              { name: m.spec.outputs.probability ?? "probabilities", shape: [1, w], datatype: "FP32", data: probs }
            ]
          }
        };
        await write(events, `${JSON.stringify(request)}
${JSON.stringify(response)}
`);
        await write(labels, `${id},${cellToString(cell(label))}
`);
      }
    }
  } finally {
    await runner.close();
    events.end();
    labels.end();
    await Promise.all([once(events, "close"), once(labels, "close")]);
  }
  return { requests: i, first: iso(o.start), last: iso(last) };
}

// src/cli/demo/demo.ts
async function runCommand(ctx, cmd, args) {
  const io = bufferIo(ctx.repo, ctx.env);
  let code;
  try {
    code = await cmd.run(args, io);
  } catch (err) {
    if (!(err instanceof ModelgateError)) throw err;
    io.err(`modelgate ${cmd.name}: ${err.message}
`);
    code = err.exitCode;
  }
  return { code, io };
}
var EXPECTED_WARNINGS = [
  [
    /drift in "[^"]+" of "transactions-drift"/,
    "expected: transactions-drift is the example's drifted month, there to show the drift check"
  ],
  [/^no registry configured/, "expected: the demo is offline, so images go to a local OCI layout"],
  [
    /^This merge changes the rules that judge it/,
    "expected: 1.1.0 adds a gate to its own manifest, and publish judges it by main's rules, as it must"
  ]
];
var WARNING_WIDTH = 120;
function shorten(text) {
  const cut = Math.max(text.lastIndexOf(", ", WARNING_WIDTH), text.lastIndexOf("; ", WARNING_WIDTH));
  return cut > WARNING_WIDTH / 3 ? `${text.slice(0, cut)}, \u2026` : `${text.slice(0, WARNING_WIDTH - 1)}\u2026`;
}
function warningsIn(text) {
  const out = /* @__PURE__ */ new Set();
  for (const line of text.split("\n")) {
    const w = /^\s+\d+:\d+\s+warning\s+\S+\s+(.*)$/.exec(line)?.[1] ?? /^warning: (.*)$/.exec(line.trim())?.[1];
    if (!w) continue;
    const text2 = w.replace(/^column "[^"]*": /, "");
    const why = EXPECTED_WARNINGS.find(([re]) => re.test(text2))?.[1];
    const shown = text2.length > WARNING_WIDTH ? shorten(text2) : text2;
    out.add(`warning: ${shown}${why ? ` (${why})` : ""}`);
  }
  return [...out];
}
function run(title, cmd, args, opts = {}) {
  return {
    title,
    expect: opts.expect,
    alongside: opts.alongside,
    async run(ctx) {
      const { code, io } = await runCommand(ctx, cmd, args);
      const lastLine = (t) => t.split("\n").map((l) => l.trim()).filter(Boolean).pop() ?? "";
      const account = opts.summary?.(io.stdout, io.stderr) ?? (lastLine(io.stdout) || lastLine(io.stderr));
      const files = (opts.files?.(ctx) ?? []).filter((f) => existsSync(join(ctx.out, f)));
      return {
        account,
        code,
        files,
        warnings: warningsIn(`${io.stdout}
${io.stderr}`),
        output: `$ modelgate ${[cmd.name, ...args].join(" ")}
${io.stdout}${io.stderr ? `
--- stderr ---
${io.stderr}` : ""}`
      };
    }
  };
}
var repoFiles = (...paths) => (ctx) => paths.map((p) => relative(ctx.out, join(ctx.repo, p)));
function grep(text, re) {
  return text.split("\n").find((l) => re.test(l))?.trim();
}
function proposal(v, expect) {
  const branch = `fraud-detector-${v.version}`;
  const reportFile = (ctx) => join(ctx.reports, `fraud-detector-${v.version}.md`);
  return [
    {
      title: `propose ${v.version}`,
      async run(ctx) {
        await git(ctx.repo, ["checkout", "-q", "-b", branch, "main"]);
        applyVersion(ctx.repo, v);
        await git(ctx.repo, ["add", "-A"]);
        await git(ctx.repo, ["commit", "-q", "-m", v.title, "-m", v.body], "alice");
        await git(ctx.repo, ["push", "-q", "origin", branch]);
        return { account: `alice opens a pull request from branch ${branch}: "${v.title}"` };
      }
    },
    run(`train ${v.version}`, command, ["fraud-detector"], {
      summary: (out) => grep(out, /^trained /) ?? out,
      files: repoFiles(
        "models/fraud-detector/model.onnx",
        ".modelgate/training/fraud-detector.json",
        ".modelgate/training/fraud-detector.log"
      )
    }),
    run("lock", command$1, ["fraud-detector"]),
    {
      title: "commit",
      async run(ctx) {
        await git(ctx.repo, ["add", "-A"]);
        await git(ctx.repo, [
          "commit",
          "-q",
          "--allow-empty",
          "-m",
          `Train fraud-detector ${v.version}`,
          "-m",
          `Model: fraud-detector
Model-Version: ${v.version}`
        ]);
        await git(ctx.repo, ["push", "-q", "origin", branch]);
        const head = await git(ctx.repo, ["rev-parse", "--short", "HEAD"]);
        return {
          account: `CI commits the trained model and its training record to ${branch} (${head})`
        };
      }
    },
    run(`validate ${v.version}`, command$2, []),
    run(`evaluate ${v.version}`, command$3, ["fraud-detector"], {
      // validate writes nothing, and reads nothing evaluate writes (its record, under .modelgate/)
      alongside: true,
      summary: (out, err) => {
        const m = /^roc_auc\s+(\S+)\s+\[[^\]]+\]\s+(\S+)\s+(\S+)\s+\[([^\]]+)\]/m.exec(out);
        const baseline = /^baseline: (.*)$/m.exec(err)?.[1];
        return m ? `ROC AUC ${m[1]} against ${m[2]} for the baseline${baseline ? ` (${baseline})` : ""}: ${m[3]}, 95% interval [${m[4]}]` : grep(out, /^record:/) ?? out.split("\n")[0];
      },
      files: repoFiles(".modelgate/evaluations/fraud-detector.json")
    }),
    {
      title: `report ${v.version}`,
      expect,
      async run(ctx) {
        mkdirSync(ctx.reports, { recursive: true });
        const r = await run("report", command$4, ["fraud-detector", "--out", reportFile(ctx), "--write-card"]).run(ctx);
        await git(ctx.repo, ["add", "-A"]);
        await git(ctx.repo, ["commit", "-q", "-m", `CI results for fraud-detector ${v.version}`]);
        await git(ctx.repo, ["push", "-q", "origin", branch]);
        const lines = (r.output ?? "").split("\n").map((l) => l.replace(/\\([()[\]_*])/g, "$1").trim());
        const h = lines.findIndex((l) => /^#{2,4} .*fraud-detector/.test(l));
        const reason = h >= 0 ? lines.slice(h + 1).find(Boolean) : void 0;
        const verdict = h < 0 ? r.account : `${lines[h].replace(/^#+\s*/, "")}${r.code === 0 || !reason || reason.startsWith("|") ? "" : `: ${reason}`}`;
        return {
          ...r,
          account: verdict,
          files: [
            relative(ctx.out, reportFile(ctx)),
            relative(ctx.out, join(ctx.repo, "models/fraud-detector/MODEL_CARD.md"))
          ]
        };
      }
    }
  ];
}
async function reviewFacts(ctx, branch, number, reviewers = ["bob"]) {
  const head = await git(ctx.repo, ["rev-parse", branch]);
  const file = join(ctx.reviews, `${branch}.json`);
  mkdirSync(ctx.reviews, { recursive: true });
  const reviews = reviewers.map((login, i) => ({
    id: number * 100 + i,
    login,
    userType: "User",
    state: "APPROVED",
    commitId: head,
    submittedAt: (/* @__PURE__ */ new Date()).toISOString()
  }));
  writeFileSync(
    file,
    `${JSON.stringify(
      {
        pr: { number, author: "alice", headSha: head },
        mergedBy: "bob",
        reviews,
        permissions: { alice: "write", bob: "write", carol: "write" },
        teams: {}
      },
      null,
      2
    )}
`
  );
  return file;
}
function releaseFacts(ctx, version, runId = 1e3 + Number(version.replace(/\D/g, ""))) {
  const file = join(ctx.reviews, `release-${version}-${runId}.json`);
  mkdirSync(ctx.reviews, { recursive: true });
  writeFileSync(
    file,
    `${JSON.stringify(
      {
        actor: "dana",
        // Each release is its own approved run: an approval is bound to the one release that used it.
        runId,
        permissions: { dana: "write" },
        teams: {},
        approvals: [
          {
            user: "erin",
            state: "approved",
            comment: `staging looks right for ${version}`,
            environments: ["production"],
            at: (/* @__PURE__ */ new Date()).toISOString()
          }
        ]
      },
      null,
      2
    )}
`
  );
  return file;
}
async function publishCommit(ctx, version) {
  return git(ctx.repo, ["log", "-1", "--format=%H", `--grep=^Publish fraud-detector ${version} to `, "origin/main"]);
}
function tagVersion(version) {
  return {
    title: `tag ${version}`,
    async run(ctx) {
      await git(ctx.repo, ["fetch", "-q", "origin"]);
      const commit = await publishCommit(ctx, version);
      const tag = `fraud-detector@v${version}`;
      await git(ctx.repo, ["tag", "-a", tag, "-m", `fraud-detector ${version}`, commit], "dana");
      await git(ctx.repo, ["push", "-q", "origin", tag], "dana");
      return { account: `dana tags ${tag} on the commit that published it (${commit.slice(0, 7)}) and pushes the tag` };
    }
  };
}
function releaseStep(title, version, runId) {
  return {
    title,
    async run(ctx) {
      const facts = releaseFacts(ctx, version, runId);
      const r = await run("release", command$5, [`fraud-detector@v${version}`, "--facts", facts], {
        summary: (out, err) => grep(out, /^(released|rolled back|fraud-detector)/) ?? (out.trim().split("\n")[0] || err)
      }).run(ctx);
      await git(ctx.repo, ["pull", "-q", "--ff-only", "origin", "main"]);
      const files = repoFiles("deploy/fraud-detector/overlays/production/kustomization.yaml")(ctx);
      return { ...r, files };
    }
  };
}
var TRUST_POLICY = "trust.yaml";
function newKeyPair(dir, name) {
  mkdirSync(dir, { recursive: true });
  const k = generateKeyPairSync("ec", { namedCurve: "prime256v1" });
  const privateKey = join(dir, `${name}.pem`);
  const publicKey = join(dir, `${name}.pub.pem`);
  const publicPem = k.publicKey.export({ type: "spki", format: "pem" }).toString();
  writeFileSync(privateKey, k.privateKey.export({ type: "pkcs8", format: "pem" }), { mode: 384 });
  writeFileSync(publicKey, publicPem);
  return { privateKey, publicKey, publicPem };
}
function requireAttestations(ctx) {
  const key = newKeyPair(join(ctx.out, "keys"), "signing-key");
  ctx.env.MODELGATE_SIGNING_KEY = key.privateKey;
  const pem = key.publicPem.trim().split("\n").map((l) => `      ${l}`).join("\n");
  writeFileSync(
    join(ctx.repo, TRUST_POLICY),
    `# Whose signatures \`modelgate audit verify --trust\` accepts: the demo's release key (keys/signing-key.pub.pem).
apiVersion: modelgate.dev/v1alpha1
kind: TrustPolicy
publicKeys:
  - name: demo release key
    pem: |
${pem}
`
  );
  const config = join(ctx.repo, "modelgate.yaml");
  writeFileSync(
    config,
    readFileSync(config, "utf8").replace(
      /^spec:\n/m,
      `spec:
  # Every publish and release is signed (in-toto Statements in Sigstore bundles); audit verify checks them.
  attest: required
  trustPolicy: ${TRUST_POLICY}
`
    )
  );
  return relative(ctx.out, key.publicKey);
}
function setUpStep() {
  return {
    title: "set up",
    async run(ctx) {
      const log = [];
      const cmd = async (c, args) => {
        const { code, io } = await runCommand(ctx, c, args);
        log.push(`$ modelgate ${[c.name, ...args].join(" ")}
${io.stdout}${io.stderr}`);
        if (code !== 0) throw new Error(`modelgate ${c.name} ${args.join(" ")} ended with exit code ${code}`);
        return io.stdout;
      };
      await git(ctx.out, ["init", "-q", "--bare", "-b", "main", ctx.remote]);
      quietRemote(ctx.remote);
      copyExample(ctx.repo);
      allowOfflineReleases(ctx.repo);
      const publicKey = requireAttestations(ctx);
      await git(ctx.repo, ["init", "-q", "-b", "main"]);
      await git(ctx.repo, ["remote", "add", "origin", ctx.remote]);
      await git(ctx.repo, ["add", "-A", "--", ".", ":(exclude)models"]);
      await git(ctx.repo, ["commit", "-q", "-m", "Fraud detection: data and configuration"], "alice");
      await git(ctx.repo, ["push", "-q", "origin", "main"]);
      const branch = "fraud-detector-1.0.0";
      await git(ctx.repo, ["checkout", "-q", "-b", branch]);
      await git(ctx.repo, ["add", "-A", "models"]);
      await git(ctx.repo, ["commit", "-q", "-m", "fraud-detector 1.0.0"], "alice");
      await cmd(command$3, ["fraud-detector", "--baseline", "none"]);
      await git(ctx.repo, ["add", "-A"]);
      await git(ctx.repo, ["commit", "-q", "-m", "CI results for fraud-detector 1.0.0"]);
      await git(ctx.repo, ["push", "-q", "origin", branch]);
      const facts = await reviewFacts(ctx, branch, 1, ["bob", "carol"]);
      await cmd(command$6, ["--facts", facts, "--models", "fraud-detector"]);
      await git(ctx.repo, ["checkout", "-q", "main"]);
      await git(ctx.repo, ["merge", "-q", "--no-ff", branch, "-m", "Merge: fraud-detector 1.0.0"], "bob");
      await git(ctx.repo, ["push", "-q", "origin", "main"]);
      await cmd(command$7, ["--facts", facts, "--actor", "bob"]);
      await tagVersion("1.0.0").run(ctx);
      await cmd(command$5, ["fraud-detector@v1.0.0", "--facts", releaseFacts(ctx, "1.0.0")]);
      await git(ctx.repo, ["pull", "-q", "--ff-only", "origin", "main"]);
      return {
        account: `fraud-detector 1.0.0 proposed, evaluated, approved, merged, published and released to production by the same commands (fraud-detector#staging#1, fraud-detector#production#1), each signed with the key the demo generated; its public key (PEM): ${publicKey}`,
        files: ["repo", "remote.git", publicKey, relative(ctx.out, join(ctx.repo, TRUST_POLICY))],
        warnings: warningsIn(log.join("\n")),
        output: log.join("\n")
      };
    }
  };
}
function approveStep(candidate) {
  return {
    title: "approve 1.1.0",
    async run(ctx) {
      const file = await reviewFacts(ctx, `fraud-detector-${candidate.version}`, 2);
      const r = await run("approve", command$6, ["--facts", file, "--models", "fraud-detector"], {
        summary: (out) => grep(out, /^modelgate\/approval:/) ?? out
      }).run(ctx);
      return { ...r, files: [relative(ctx.out, file)] };
    }
  };
}
function mergeStep(candidate) {
  return {
    title: "merge 1.1.0",
    async run(ctx) {
      await git(ctx.repo, ["checkout", "-q", "main"]);
      await git(
        ctx.repo,
        ["merge", "-q", "--no-ff", `fraud-detector-${candidate.version}`, "-m", `Merge: ${candidate.title}`],
        "bob"
      );
      await git(ctx.repo, ["push", "-q", "origin", "main"]);
      return { account: `bob merges fraud-detector ${candidate.version} into main` };
    }
  };
}
function publishStep(candidate) {
  return {
    title: "publish 1.1.0",
    async run(ctx) {
      const facts = join(ctx.reviews, `fraud-detector-${candidate.version}.json`);
      const r = await run("publish", command$7, ["--facts", facts, "--actor", "bob"], {
        summary: (out) => grep(out, /^published /) ?? out
      }).run(ctx);
      await git(ctx.repo, ["pull", "-q", "--ff-only", "origin", "main"]);
      const files = repoFiles(
        "deploy/fraud-detector/overlays/staging/kustomization.yaml",
        "records/fraud-detector/promotions.jsonl",
        "models/fraud-detector/MODEL_CARD.md",
        ".modelgate/images"
      )(ctx).filter((f) => existsSync(join(ctx.out, f)));
      return { ...r, files };
    }
  };
}
function trafficStep(p) {
  return {
    title: "production traffic",
    async run(ctx) {
      const dir = join(ctx.out, "production");
      mkdirSync(dir, { recursive: true });
      const example = exampleDir();
      const parse = async (f) => (0, import_yaml.parse)(readFileSync(join(example, f), "utf8"));
      const start = Date.now() + 1e3;
      p.events = join(dir, "kserve-events.jsonl");
      p.labels = join(dir, "chargebacks.csv");
      const t = await kserveTraffic({
        data: join(example, "data/transactions-drift.csv"),
        dataset: datasetSchema.parse(await parse("data/transactions-drift.yaml")),
        model: readFileSync(join(example, "models/fraud-detector/model.onnx")),
        manifest: modelSchema.parse(await parse("models/fraud-detector/model.yaml")),
        start,
        days: 7,
        events: p.events,
        labels: p.labels
      });
      p.since = new Date(start).toISOString();
      p.until = new Date(start + 7 * 864e5).toISOString();
      return {
        account: `a week of production: ${t.requests.toLocaleString("en-US")} transactions of the drifted month (May) served by 1.0.0, logged by KServe as ${(2 * t.requests).toLocaleString("en-US")} CloudEvents; the chargebacks come later`,
        files: [relative(ctx.out, p.events)]
      };
    }
  };
}
function monitorStep(p, labelled) {
  return {
    title: labelled ? "monitor (labels in)" : "monitor (no labels)",
    expect: 1,
    async run(ctx) {
      mkdirSync(ctx.reports, { recursive: true });
      const report = join(ctx.reports, labelled ? "monitoring-labelled.md" : "monitoring.md");
      const args = ["fraud-detector", "--logs", p.events, "--since", p.since, "--until", p.until, "--report", report];
      const r = await run("monitor", command$8, labelled ? [...args, "--labels", p.labels, "--retrain"] : args, {
        summary: (out) => monitorSummary(out, labelled)
      }).run(ctx);
      await git(ctx.repo, ["pull", "-q", "--ff-only", "origin", "main"]);
      return { ...r, files: [relative(ctx.out, report)] };
    }
  };
}
function monitorSummary(out, labelled) {
  const drifted = [...out.matchAll(/^\s+(\S+)\s+DRIFT\s/gm)].map((m) => m[1]);
  const estimated = /^estimated \(CBPE[^:]*: .*recall ([\d.]+)/m.exec(out)?.[1];
  const realized = /^realized on \d+ labelled rows: .*recall ([\d.]+)/m.exec(out)?.[1];
  const gate = /^gate recall drop ≤ ([\d.]+): (\w+) \((.*)\)$/m.exec(out);
  const drop = / (down [\d.]+ from ([\d.]+)) in the evaluation record/.exec(gate?.[3] ?? "");
  const others = [...out.matchAll(/^ {2}alert \(performance\): (\S+)/gm)].map((m) => m[1]).filter((m) => m !== "recall");
  const also = others.length ? `; also alerting: ${others.join(", ")}` : "";
  if (!labelled) {
    const verdict2 = drop ? `, ${drop[1]}: alert` : ": no drop seen";
    return `drifted: ${drifted.join(", ")}; recall estimated ${estimated} (CBPE, no labels yet)${verdict2}${also}; record committed`;
  }
  let verdict = ": no recall drop";
  if (drop) {
    const seen = Number(estimated) < Number(drop[2]) - Number(gate?.[1]);
    verdict = seen ? `, ${drop[1]}, as estimated (${estimated}): alert` : `, ${drop[1]}: alert; the estimate (${estimated}) did not see it, the labels did (CBPE assumes fraud keeps its pattern)`;
  }
  const branch = /^retrain: branch (\S+)/m.exec(out)?.[1];
  return `chargebacks in: recall realized ${realized}${verdict}${also}; retraining proposed on branch ${branch}`;
}
function auditStep() {
  return {
    title: "audit",
    async run(ctx) {
      await git(ctx.repo, ["checkout", "-q", "main"]);
      await git(ctx.repo, ["pull", "-q", "--ff-only", "origin", "main"]);
      await git(ctx.repo, ["fetch", "-q", "--tags", "origin"]);
      const file = join(ctx.reports, "audit.md");
      mkdirSync(ctx.reports, { recursive: true });
      const r = await run("audit", command$9, ["fraud-detector"]).run(ctx);
      writeFileSync(file, (r.output ?? "").replace(/^\$ [^\n]*\n/, "").replace(/\n--- stderr ---[\s\S]*$/, ""));
      const events = (r.output ?? "").split("\n").filter((l) => /^\|\s*\d{4}-\d\d-\d\d/.test(l)).length;
      return {
        ...r,
        account: `the timeline of fraud-detector from git alone${events ? ` (${events} events)` : ""}`,
        files: [relative(ctx.out, file)]
      };
    }
  };
}
function tamperStep() {
  return {
    title: "tamper (on a copy)",
    expect: 1,
    // on a clone of the remote, which no step after the last report changes
    alongside: true,
    async run(ctx) {
      const copy = join(ctx.out, "tampered");
      await git(ctx.out, ["clone", "-q", ctx.remote, copy]);
      const overlay = join(copy, "deploy/fraud-detector/overlays/production/kustomization.yaml");
      const text = readFileSync(overlay, "utf8");
      writeFileSync(overlay, text.replace(/@sha256:[0-9a-f]{64}/, `@sha256:${"0".repeat(64)}`));
      await git(copy, ["commit", "-q", "-am", "hotfix: pin production by hand"], "alice");
      const r = await run("audit verify", command$9, ["verify", "fraud-detector"], {
        summary: (out) => {
          const m = /\*\*(deploy-edit|overlay-pin)\*\* \(model [^,]+, commit (\w+), ([^)]+)\)/.exec(out);
          return m ? `audit verify names the hand edit: ${m[1]}, commit ${m[2].slice(0, 7)} changed ${m[3]} without a promotion record` : out.trim().split("\n")[0] || "";
        }
      }).run({ ...ctx, repo: copy });
      return { ...r, files: ["tampered"] };
    }
  };
}
function allowOfflineReleases(repo) {
  const file = join(repo, "modelgate.yaml");
  const text = readFileSync(file, "utf8");
  const line = /^( +)requiresApproval: true.*$/m.exec(text);
  if (!line) throw new Error("the example's production environment no longer requires approval");
  writeFileSync(
    file,
    text.replace(
      line[0],
      `${line[0]}
${line[1]}offlineReleases: true # the demo only: approvals come from facts files`
    )
  );
}
function forgeStep() {
  return {
    title: "forge (on a copy)",
    expect: 1,
    // on a copy of the remote and its own keys
    alongside: true,
    async run(ctx) {
      const remote = join(ctx.out, "forged.git");
      const copy = join(ctx.out, "forged");
      await git(ctx.out, ["clone", "-q", "--bare", ctx.remote, remote]);
      quietRemote(remote);
      await git(ctx.out, ["clone", "-q", remote, copy]);
      const mallory = newKeyPair(join(ctx.out, "forged-keys"), "mallory");
      const forger = { ...ctx, repo: copy, env: { ...ctx.env, MODELGATE_SIGNING_KEY: mallory.privateKey } };
      const facts = join(ctx.out, "forged-keys", "release-facts.json");
      const claimed = JSON.parse(readFileSync(releaseFacts(ctx, "1.1.0"), "utf8"));
      writeFileSync(facts, `${JSON.stringify({ ...claimed, runId: 4242 }, null, 2)}
`);
      const forged = await runCommand(forger, command$5, ["fraud-detector@v1.1.0", "--facts", facts]);
      if (forged.code !== 0) throw new Error(`the forged release did not go through: ${forged.io.stderr}`);
      await git(copy, ["pull", "-q", "--ff-only", "origin", "main"]);
      await git(copy, ["fetch", "-q", "--tags", "origin"]);
      const r = await run("audit verify", command$9, ["verify", "fraud-detector", "--trust", TRUST_POLICY], {
        summary: (out) => {
          const m = /\*\*(attestation-\w+)\*\* \(model [^,]+, [^)]*record #(\d+)[^)]*\)[^\n]*?: ([^\n]*)/.exec(out);
          return m ? `audit verify --trust names the forged release: ${m[1]}, record #${m[2]}: ${m[3].replace(/^.*?: records\/\S+ is /, "")}` : out.trim().split("\n")[0] || "";
        }
      }).run(forger);
      return {
        ...r,
        output: `$ MODELGATE_SIGNING_KEY=${relative(ctx.out, mallory.privateKey)} modelgate release fraud-detector@v1.1.0
${forged.io.stdout}
${r.output ?? ""}`,
        files: ["forged"]
      };
    }
  };
}
function steps() {
  const versions = exampleVersions();
  const candidate = versions.find((v) => v.version === "1.1.0");
  const failing = versions.find((v) => v.version === "1.2.0");
  const production = { since: "", until: "", events: "", labels: "" };
  return [
    setUpStep(),
    run("validate 1.0.0", command$2, []),
    ...proposal(candidate, 0),
    approveStep(candidate),
    mergeStep(candidate),
    publishStep(candidate),
    tagVersion(candidate.version),
    releaseStep(`release ${candidate.version}`, candidate.version),
    releaseStep("roll back to 1.0.0", "1.0.0", 1200),
    trafficStep(production),
    monitorStep(production, false),
    monitorStep(production, true),
    ...proposal(failing, 1),
    auditStep(),
    run("audit verify", command$9, ["verify", "fraud-detector", "--trust", TRUST_POLICY], {
      summary: (out) => out.trim().split("\n").pop() ?? out
    }),
    tamperStep(),
    forgeStep()
  ];
}
function childCpu() {
  const ticks = (pid, from) => {
    try {
      const f = readFileSync(`/proc/${pid}/stat`, "utf8").replace(/^.*\) /s, "").split(" ");
      return f.slice(from, 15).reduce((sum, x) => sum + Number(x), 0);
    } catch {
      return 0;
    }
  };
  const helper = gitSpawnerPid();
  return (ticks("self", 13) + (helper === void 0 ? 0 : ticks(String(helper), 11))) / 100;
}
function queuedSeconds() {
  try {
    return Number(readFileSync("/proc/thread-self/schedstat", "utf8").split(" ")[1]) / 1e9;
  } catch {
    return 0;
  }
}
async function runStep(step, ctx) {
  try {
    return await step.run(ctx);
  } catch (err) {
    return { account: `error: ${err.message}`, code: -1 };
  }
}
async function runDemo(io, outArg, list = steps()) {
  const t0 = performance.now();
  let out;
  if (outArg) {
    out = resolve(io.cwd, outArg);
    if (existsSync(out) && readdirSync(out).length > 0) {
      throw new UserError(`--out ${outArg}: ${out} is not empty; give a new or empty folder`);
    }
    mkdirSync(out, { recursive: true });
  } else {
    out = mkdtempSync(join(tmpdir(), "modelgate-demo-"));
  }
  const ctx = {
    out,
    repo: join(out, "repo"),
    remote: join(out, "remote.git"),
    logs: join(out, "logs"),
    reports: join(out, "reports"),
    reviews: join(out, "reviews"),
    env: { PATH: io.env.PATH, HOME: io.env.HOME, LANG: io.env.LANG, TMPDIR: io.env.TMPDIR, ...QUIET_GIT_ENV }
  };
  mkdirSync(ctx.logs, { recursive: true });
  const endGitSpawner = startGitSpawner();
  const wasKeeping = keepScans(true);
  io.out(`modelgate demo: the lifecycle of ${relative(io.cwd, exampleDir()) || "."}, offline, in ${out}

`);
  const results = [];
  const width = Math.max(...list.map((s) => s.title.length));
  const timings = Boolean(io.env.MODELGATE_DEMO_TIMINGS);
  const running = /* @__PURE__ */ new Map();
  const start = (i) => {
    if (!running.has(i)) running.set(i, runStep(list[i], ctx));
    return running.get(i);
  };
  for (const [i, step] of list.entries()) {
    const expect = step.expect ?? 0;
    const started = { wall: performance.now(), cpu: process.cpuUsage(), children: childCpu(), queued: queuedSeconds() };
    const result = start(i);
    for (let j = i + 1; j < list.length && list[j].alongside; j++) start(j);
    const r = await result;
    if (timings) {
      const cpu = process.cpuUsage(started.cpu);
      io.err(
        `timing: ${String(i + 1).padStart(2)}. ${step.title.padEnd(width)}  ${((performance.now() - started.wall) / 1e3).toFixed(2)} s wall, ${((cpu.user + cpu.system) / 1e6).toFixed(2)} s CPU here, ${(childCpu() - started.children).toFixed(2)} s in child processes, ${(queuedSeconds() - started.queued).toFixed(2)} s main thread queued
`
      );
    }
    const ok = (r.code ?? 0) === expect;
    const n = String(i + 1).padStart(2);
    if (r.output)
      writeFileSync(
        join(ctx.logs, `${n.trim().padStart(2, "0")}-${step.title.replace(/[^a-z0-9.]+/gi, "-")}.txt`),
        r.output
      );
    const mark = ok ? "ok" : "FAILED";
    const note = ok && expect !== 0 ? `(exit ${expect}, as intended) ` : "";
    io.out(`${n}. ${step.title.padEnd(width)}  ${mark.padEnd(6)}  ${note}${r.account}
`);
    for (const w of r.warnings ?? []) io.out(`    ${"".padEnd(width)}          ${w}
`);
    for (const f of r.files ?? []) io.out(`    ${"".padEnd(width)}          ${f}
`);
    results.push({ ...r, title: step.title, expect, ok });
    if (!ok) {
      io.out(
        `
the demo stopped: "${step.title}" ended with exit code ${r.code}, expected ${expect}; see ${relative(io.cwd, ctx.logs)}
`
      );
      break;
    }
  }
  await Promise.all(running.values());
  closeObjectReaders();
  await endGitSpawner();
  keepScans(wasKeeping);
  const seconds = (performance.now() - t0) / 1e3;
  const okAll = results.length === list.length && results.every((r) => r.ok);
  io.out(
    `
${okAll ? "done" : "stopped"} in ${seconds.toFixed(1)} s. Open ${out}:
  repo/       the model repository: \`git log --graph --all --decorate\`, models/, data/, .modelgate/ (records, images)
  remote.git  its remote, with the pull-request branches and tags
  reports/    each pull request's report, as its PR comment would show it, and the audit timeline
  reviews/    the reviews approve and publish decided on, and the facts of each release run, as GitHub's API
              would return them
  production/ a week of KServe's payload logs (CloudEvents) and the chargebacks that came later
  tampered/   a clone with a hand edit of the production overlay, which audit verify names
  keys/       the key every publish and release was signed with (signing-key.pem), and its public key
              (signing-key.pub.pem), which repo/trust.yaml trusts
  forged/     a copy where someone with push access released without that key, which audit verify --trust names
  logs/       every command's full output
`
  );
  return { ok: okAll, out, results, seconds };
}

// src/cli/demo/command.ts
var command11 = {
  name: "demo",
  summary: "run the whole lifecycle offline on the bundled fraud-detection example",
  usage: `Usage: modelgate demo [--out DIR] [--json]

Copies examples/fraud-detection into a fresh git repository (with a bare repository as its remote) and runs the real
commands on it, as a model author, a reviewer, a release manager and CI would, with no network; every publish and
release is signed with a key the demo generates (its public key and the trust policy are listed):
  set up          1.0.0 goes the whole way: evaluated, approved, merged, published, tagged, released to production;
                  then validate checks it on main
  1.1.0           proposed on a branch; train, lock, commit, validate, evaluate against production, report (passes);
                  approve from bob's review (the reviews GitHub's API would return, written to reviews/); merge;
                  publish to staging (the image, the overlay, the promotion record); tag fraud-detector@v1.1.0;
                  release to production (a required reviewer's approval, from the facts a release run would read)
  roll back       release 1.0.0 again: production runs 1.0.0
  production      a week of the drifted month (May) served by 1.0.0, logged as KServe CloudEvents
  monitor         twice on that week (exit 1, as intended): without labels, the drift and the CBPE estimate of the
                  specificity drop; with the chargebacks, the drop realized and a retraining branch; each run's
                  record committed to the GitOps branch
  1.2.0           better on average but worse for one region: its report fails the region slice gate, as it should
  audit           the model's timeline from git alone; audit verify --trust checks every record and signature and
                  finds nothing; then, each on a copy (exit 1, as intended): tamper, a hand edit of the production
                  overlay, and forge, a release signed with another key, which audit verify names
Prints one line per step, the warnings its commands gave (each said expected when the example is built to give
it, e.g. the drifted month's drift), the files it made, and the folder to open; every command's full output is in
its logs/ folder. Needs git.

Options:
  --out DIR   where to put it (must be new or empty; default: a new temporary folder)
  --json      print the steps' results as JSON after the account
  -h, --help  this text

Exit codes: 0 every step ended as expected, 1 a step did not, 2 usage error,
70 internal error (a bug in modelgate; please report it).
`,
  async run(args, io) {
    const { values } = parseArgs("demo", args, { out: { type: "string" } }, false);
    const r = await runDemo(io, str(values.out));
    if (values.json)
      io.out(toJson({ ok: r.ok, out: r.out, seconds: r.seconds, steps: r.results.map(({ output: _o, ...s }) => s) }));
    return r.ok ? 0 : 1;
  }
};

export { command11 as command };
