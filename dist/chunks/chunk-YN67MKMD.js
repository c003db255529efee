import { createRequire as __mgCreateRequire } from 'node:module'; const require = __mgCreateRequire(import.meta.url);
import {
  escapeMd
} from "./chunk-U73FS3GH.js";

// src/audit/render.ts
function v(value) {
  const s = String(value);
  return /^[A-Za-z0-9][A-Za-z0-9._:/@#!+=-]*$/.test(s) ? s : escapeMd(s);
}
var e = v;
function prose(text) {
  return text.replace(/[\r\n]+/g, " ").split(/(\s+)/).map((tok) => {
    if (/^\s*$/.test(tok)) return tok;
    const m = /^([("]*)(.*?)([)",;:.]*)$/.exec(tok);
    return m[2] ? `${m[1]}${v(m[2])}${m[3]}` : v(tok);
  }).join("");
}
var hexShort = (s) => s && /^[0-9a-f]{7,64}$/.test(s) ? s.slice(0, 12) : s ? e(s) : "\u2014";
var sh = (s) => s ? s.slice(0, 12) : "(none)";
function metric(x) {
  return x === null ? "n/a" : Math.abs(x) >= 100 ? x.toFixed(1) : x.toFixed(4);
}
function describe(x, f) {
  const pr = x.pullRequest;
  switch (x.kind) {
    case "proposed":
      return pr ? `pull request #${pr.number} by ${f(pr.author)}; evaluated and approved head ${f(sh(pr.head))}${x.at ? ` (committed ${f(x.at)})` : " (not in this clone)"}` : "proposed";
    case "trained": {
      const t = x.training;
      if (!t) return "trained";
      const data = t.datasets.map((d) => `${f(d.name)} (sha256:${f(d.sha256.slice(0, 12))})`).join(", ");
      return `trained in ${t.durationSeconds.toFixed(1)} s on ${data || "no declared dataset"}: sha256:${f(t.output.slice(0, 12))} (${f(t.record)})`;
    }
    case "evaluated": {
      const ev = x.evaluation;
      if (!ev) return "evaluated";
      const counts = /* @__PURE__ */ new Map();
      for (const g of ev.gates) counts.set(g.status, (counts.get(g.status) ?? 0) + 1);
      const metrics = Object.entries(ev.metrics).slice(0, 4).map(([k, m]) => `${f(k)} ${metric(m)}`);
      return `evaluation record ${f(ev.record.slice(0, 19))}\u2026: ${metrics.join(", ")}; gates: ${[...counts].map(([st, n]) => `${n} ${f(st)}`).join(", ") || "none"}; verdict ${f(ev.verdict)}`;
    }
    case "approved": {
      const a = x.approval;
      if (!a) return "approved";
      const which = pr ? a.commit === pr.head ? " (the evaluated head)" : ` (not the evaluated head ${f(sh(pr.head))})` : "";
      return `review ${a.reviewId} approves ${f(sh(a.commit))}${which}`;
    }
    case "published":
      return `to ${f(x.environment ?? "")} by ${x.commit ? `commit ${f(sh(x.commit))}` : "a commit not in the history"}, stage tag ${f(x.tag ?? "")}; merged as ${f(sh(x.source))}`;
    case "released":
    case "rolled-back": {
      const r = x.release;
      const approved = (r?.environmentApprovals ?? []).filter((a) => a.state === "approved").map((a) => f(a.user));
      return `${r ? `${f(r.tag)} ` : ""}to ${f(x.environment ?? "")}${r?.supersedes ? ` replacing ${f(r.supersedes.version)}` : ""} by ${x.commit ? `commit ${f(sh(x.commit))}` : "a commit not in the history"}, stage tag ${f(x.tag ?? "")}; ${approved.length ? `approved for ${f(x.environment ?? "")} by ${approved.join(", ")}` : `no ${f(x.environment ?? "")} approval recorded`}`;
    }
    case "registered":
      return `${f(x.tag ?? "")} on ${f(sh(x.commit))}${x.at ? "" : " (a lightweight tag: no tagger, no date)"}`;
    case "unassigned":
      return `${f(x.environment ?? "")} unassigned by ${f(x.tag ?? "")} on ${f(sh(x.commit))}`;
    case "deregistered":
      return `version ${f(x.version ?? "")} deregistered by ${f(x.tag ?? "")}`;
    case "assigned":
      return `${f(x.environment ?? "")} assigned by ${f(x.tag ?? "")} on ${f(sh(x.commit))}, with no promotion record (a tag made with GTO or by hand)`;
    case "deprecated":
      return `${f(x.model)} deprecated by ${f(x.tag ?? "")} on ${f(sh(x.commit))}`;
    case "monitored": {
      const m = x.monitoring;
      return `monitoring of ${f(x.environment ?? "")}: ${f(m?.verdict ?? "")}, record ${f(m?.path ?? m?.record ?? "")} by commit ${f(sh(x.commit))}`;
    }
  }
}
function placementsTable(list) {
  if (list.length === 0) return "No environment holds a version yet.\n";
  const rows = list.map(
    (p) => `| ${e(p.environment)} | ${e(p.version ?? "\u2014")} | ${e(p.image ?? "\u2014")} | ${e(p.since ?? "\u2014")} | ${p.record ? `#${p.record.sequence} (${p.action})` : "none"} | ${e(p.stageTag ?? "\u2014")} |`
  );
  return [
    "| environment | version | image | since | record | stage tag |",
    "|---|---|---|---|---|---|",
    ...rows,
    ""
  ].join("\n");
}
function eventsTable(events) {
  if (events.length === 0) return "No events.\n";
  const rows = events.map(
    (x) => `| ${e(x.at ?? "\u2014")} | ${e(x.kind)} | ${e(x.version ?? "\u2014")} | ${e(x.environment ?? "\u2014")} | ${e(x.actor ?? "\u2014")} | ${describe(x, v)}${x.image ? `<br>image ${e(x.image)}` : ""}${x.record ? `<br>record #${x.record.sequence} ${e(x.record.digest)}` : ""} |`
  );
  return ["| time (UTC) | event | version | environment | who | what |", "|---|---|---|---|---|---|", ...rows, ""].join(
    "\n"
  );
}
function header(r, title) {
  return `# ${title}: ${e(r.repository.ref)} at ${hexShort(r.repository.commit)} (${e(r.repository.committedAt)})
`;
}
function renderTimeline(r) {
  const parts = [header(r, "modelgate audit")];
  if (r.models.length === 0) parts.push("Nothing has been published yet.\n");
  for (const m of r.models) {
    parts.push(`## ${e(m.name)}
`, placementsTable(m.environments));
    if (m.events) parts.push(eventsTable(m.events));
  }
  if (r.at) parts.push(renderAt(r.at));
  if (r.verification) parts.push(renderVerification(r, false));
  return parts.join("\n");
}
function renderAt(at) {
  const parts = [`## In ${e(at.environment)} at ${e(at.time)}
`];
  for (const m of at.models) {
    const p = m.placement;
    if (!p) {
      parts.push(
        `### ${e(m.model)}: nothing
`,
        m.evidence.length ? `${m.evidence.map((x) => `- ${e(x.item)}: ${prose(x.value)}`).join("\n")}
` : `No promotion to ${e(at.environment)} had been made by then.
`
      );
      continue;
    }
    parts.push(
      `### ${e(m.model)}: ${e(p.version ?? "an unrecorded version")}, since ${e(p.since ?? "\u2014")}
`,
      `Image ${e(p.image ?? "\u2014")}${p.record ? `, put there by record #${p.record.sequence} (${e(p.action ?? "")})` : ", put there by no promotion record"}.
`,
      "| evidence | |",
      "|---|---|",
      ...m.evidence.map((x) => `| ${prose(x.item)} | ${prose(x.value)} |`),
      ""
    );
  }
  return parts.join("\n");
}
function findingLine(f, i) {
  const where = [
    f.model ? `model ${e(f.model)}` : "",
    f.record ? `record #${f.record.sequence}` : "",
    f.commit ? `commit ${hexShort(f.commit)}` : "",
    f.tag ? `tag ${e(f.tag)}` : "",
    f.path ? `${e(f.path)}` : ""
  ].filter(Boolean);
  return `${i + 1}. **${e(f.check)}** (${where.join(", ")}): ${prose(f.message)}
   Expected: ${prose(f.expected)}`;
}
function renderVerification(r, withHeader = true) {
  const v2 = r.verification;
  if (!v2) return "";
  const c = v2.checked;
  const checked = `Checked ${c.records} promotion record${c.records === 1 ? "" : "s"} (${c.evaluations} evaluation record${c.evaluations === 1 ? "" : "s"}), ${c.commits} commit${c.commits === 1 ? "" : "s"} that changed deploy or records files, ${c.tags} registry tag${c.tags === 1 ? "" : "s"}${c.images === null ? "" : `, ${c.images} image${c.images === 1 ? "" : "s"} in their registries`} of ${r.models.map((m) => e(m.name)).join(", ") || "no model"}.`;
  const head = withHeader ? header(r, "modelgate audit verify") : "## Verification\n";
  if (v2.ok) return `${head}
\u2705 No findings: the history is complete. ${checked}
`;
  return `${head}
\u274C ${v2.findings.length} finding${v2.findings.length === 1 ? "" : "s"}. ${checked}

${v2.findings.map(findingLine).join("\n")}
`;
}
function cell(v2) {
  let s = v2 === null || v2 === void 0 ? "" : String(v2);
  if (/^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}
var CSV_COLUMNS = [
  "model",
  "time",
  "event",
  "version",
  "environment",
  "who",
  "commit",
  "tag",
  "record",
  "record_digest",
  "image",
  "summary"
];
function renderCsv(r) {
  const lines = [CSV_COLUMNS.join(",")];
  for (const m of r.models) {
    for (const x of m.events ?? []) {
      lines.push(
        [
          x.model,
          x.at,
          x.kind,
          x.version,
          x.environment,
          x.actor,
          x.commit,
          x.tag,
          x.record?.sequence,
          x.record?.digest,
          x.image,
          x.summary
        ].map(cell).join(",")
      );
    }
  }
  return `${lines.join("\r\n")}\r
`;
}

export {
  v,
  prose,
  describe,
  renderTimeline,
  renderAt,
  renderVerification,
  CSV_COLUMNS,
  renderCsv
};
