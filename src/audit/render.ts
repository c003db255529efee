import { escapeMd } from "../report/escape.ts";
import type { AtResult, AuditEvent, AuditReport, Finding, Placement } from "./schema.ts";

/**
 * The audit report for people (Markdown: a terminal, a job summary, an evidence folder) and for spreadsheets (CSV, one
 * row per event). Everything that came from a record, tag or commit is escaped: it is untrusted text.
 */

/**
 * A value from a record, tag or commit, for Markdown: as it is when it is a plain token (a name, version, digest, image
 * reference, tag, time — letters, digits and . _ : / @ # ! + = -, not starting with a mark), else escaped.
 */
export function v(value: unknown): string {
  const s = String(value);
  return /^[A-Za-z0-9][A-Za-z0-9._:/@#!+=-]*$/.test(s) ? s : escapeMd(s);
}
const e = v;

/**
 * A sentence that may hold values from git, for Markdown: each word through v(), with the brackets and punctuation
 * around it kept (they make no Markdown without an unescaped "]" or "<", which v() never lets through).
 */
export function prose(text: string): string {
  return text
    .replace(/[\r\n]+/g, " ")
    .split(/(\s+)/)
    .map((tok) => {
      if (/^\s*$/.test(tok)) return tok;
      const m = /^([("]*)(.*?)([)",;:.]*)$/.exec(tok) as RegExpExecArray;
      return m[2] ? `${m[1]}${v(m[2])}${m[3]}` : v(tok);
    })
    .join("");
}
const hexShort = (s: string | null | undefined) => (s && /^[0-9a-f]{7,64}$/.test(s) ? s.slice(0, 12) : s ? e(s) : "—");
const sh = (s: string | null | undefined) => (s ? s.slice(0, 12) : "(none)");

function metric(x: number | null): string {
  return x === null ? "n/a" : Math.abs(x) >= 100 ? x.toFixed(1) : x.toFixed(4);
}

/**
 * One line saying what an event was: `f` renders each value that came from git (String for the JSON and CSV summary,
 * v for Markdown); the words around them are modelgate's.
 */
export function describe(x: AuditEvent, f: (s: string) => string): string {
  const pr = x.pullRequest;
  switch (x.kind) {
    case "proposed":
      return pr
        ? `pull request #${pr.number} by ${f(pr.author)}; evaluated and approved head ${f(sh(pr.head))}${x.at ? ` (committed ${f(x.at)})` : " (not in this clone)"}`
        : "proposed";
    case "trained": {
      const t = x.training;
      if (!t) return "trained";
      const data = t.datasets.map((d) => `${f(d.name)} (sha256:${f(d.sha256.slice(0, 12))})`).join(", ");
      return `trained in ${t.durationSeconds.toFixed(1)} s on ${data || "no declared dataset"}: sha256:${f(t.output.slice(0, 12))} (${f(t.record)})`;
    }
    case "evaluated": {
      const ev = x.evaluation;
      if (!ev) return "evaluated";
      const counts = new Map<string, number>();
      for (const g of ev.gates) counts.set(g.status, (counts.get(g.status) ?? 0) + 1);
      const metrics = Object.entries(ev.metrics)
        .slice(0, 4)
        .map(([k, m]) => `${f(k)} ${metric(m)}`);
      return `evaluation record ${f(ev.record.slice(0, 19))}…: ${metrics.join(", ")}; gates: ${[...counts].map(([st, n]) => `${n} ${f(st)}`).join(", ") || "none"}; verdict ${f(ev.verdict)}`;
    }
    case "approved": {
      const a = x.approval;
      if (!a) return "approved";
      const which = pr
        ? a.commit === pr.head
          ? " (the evaluated head)"
          : ` (not the evaluated head ${f(sh(pr.head))})`
        : "";
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

function placementsTable(list: Placement[]): string {
  if (list.length === 0) return "No environment holds a version yet.\n";
  const rows = list.map(
    (p) =>
      `| ${e(p.environment)} | ${e(p.version ?? "—")} | ${e(p.image ?? "—")} | ${e(p.since ?? "—")} | ${p.record ? `#${p.record.sequence} (${p.action})` : "none"} | ${e(p.stageTag ?? "—")} |`,
  );
  return [
    "| environment | version | image | since | record | stage tag |",
    "|---|---|---|---|---|---|",
    ...rows,
    "",
  ].join("\n");
}

function eventsTable(events: AuditEvent[]): string {
  if (events.length === 0) return "No events.\n";
  const rows = events.map(
    (x) =>
      `| ${e(x.at ?? "—")} | ${e(x.kind)} | ${e(x.version ?? "—")} | ${e(x.environment ?? "—")} | ${e(x.actor ?? "—")} | ${describe(x, v)}${x.image ? `<br>image ${e(x.image)}` : ""}${x.record ? `<br>record #${x.record.sequence} ${e(x.record.digest)}` : ""} |`,
  );
  return ["| time (UTC) | event | version | environment | who | what |", "|---|---|---|---|---|---|", ...rows, ""].join(
    "\n",
  );
}

function header(r: AuditReport, title: string): string {
  return `# ${title}: ${e(r.repository.ref)} at ${hexShort(r.repository.commit)} (${e(r.repository.committedAt)})\n`;
}

export function renderTimeline(r: AuditReport): string {
  const parts = [header(r, "modelgate audit")];
  if (r.models.length === 0) parts.push("Nothing has been published yet.\n");
  for (const m of r.models) {
    parts.push(`## ${e(m.name)}\n`, placementsTable(m.environments));
    if (m.events) parts.push(eventsTable(m.events));
  }
  if (r.at) parts.push(renderAt(r.at));
  if (r.verification) parts.push(renderVerification(r, false));
  return parts.join("\n");
}

export function renderAt(at: AtResult): string {
  const parts = [`## In ${e(at.environment)} at ${e(at.time)}\n`];
  for (const m of at.models) {
    const p = m.placement;
    if (!p) {
      parts.push(
        `### ${e(m.model)}: nothing\n`,
        m.evidence.length
          ? `${m.evidence.map((x) => `- ${e(x.item)}: ${prose(x.value)}`).join("\n")}\n`
          : `No promotion to ${e(at.environment)} had been made by then.\n`,
      );
      continue;
    }
    parts.push(
      `### ${e(m.model)}: ${e(p.version ?? "an unrecorded version")}, since ${e(p.since ?? "—")}\n`,
      `Image ${e(p.image ?? "—")}${p.record ? `, put there by record #${p.record.sequence} (${e(p.action ?? "")})` : ", put there by no promotion record"}.\n`,
      "| evidence | |",
      "|---|---|",
      ...m.evidence.map((x) => `| ${prose(x.item)} | ${prose(x.value)} |`),
      "",
    );
  }
  return parts.join("\n");
}

function findingLine(f: Finding, i: number): string {
  const where = [
    f.model ? `model ${e(f.model)}` : "",
    f.record ? `record #${f.record.sequence}` : "",
    f.commit ? `commit ${hexShort(f.commit)}` : "",
    f.tag ? `tag ${e(f.tag)}` : "",
    f.path ? `${e(f.path)}` : "",
  ].filter(Boolean);
  return `${i + 1}. **${e(f.check)}** (${where.join(", ")}): ${prose(f.message)}\n   Expected: ${prose(f.expected)}`;
}

export function renderVerification(r: AuditReport, withHeader = true): string {
  const v = r.verification;
  if (!v) return "";
  const c = v.checked;
  const checked = `Checked ${c.records} promotion record${c.records === 1 ? "" : "s"} (${c.evaluations} evaluation record${c.evaluations === 1 ? "" : "s"}), ${c.commits} commit${c.commits === 1 ? "" : "s"} that changed deploy or records files, ${c.tags} registry tag${c.tags === 1 ? "" : "s"}${c.images === null ? "" : `, ${c.images} image${c.images === 1 ? "" : "s"} in their registries`} of ${r.models.map((m) => e(m.name)).join(", ") || "no model"}.`;
  const head = withHeader ? header(r, "modelgate audit verify") : "## Verification\n";
  if (v.ok) return `${head}\n✅ No findings: the history is complete. ${checked}\n`;
  return `${head}\n❌ ${v.findings.length} finding${v.findings.length === 1 ? "" : "s"}. ${checked}\n\n${v.findings.map(findingLine).join("\n")}\n`;
}

/** A CSV cell: quoted when needed, and kept from being read as a formula by a spreadsheet. */
function cell(v: unknown): string {
  let s = v === null || v === undefined ? "" : String(v);
  if (/^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export const CSV_COLUMNS = [
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
  "summary",
] as const;

/** One row per event, oldest first within each model. */
export function renderCsv(r: AuditReport): string {
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
          x.summary,
        ]
          .map(cell)
          .join(","),
      );
    }
  }
  return `${lines.join("\r\n")}\r\n`;
}
