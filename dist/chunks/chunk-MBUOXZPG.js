import { createRequire as __mgCreateRequire } from 'node:module'; const require = __mgCreateRequire(import.meta.url);

// src/validate/output.ts
var plural = (n, word) => `${n} ${word}${n === 1 ? "" : "s"}`;
function formatFindings(result) {
  const byFile = /* @__PURE__ */ new Map();
  for (const f of result.findings) {
    const list = byFile.get(f.file);
    if (list) list.push(f);
    else byFile.set(f.file, [f]);
  }
  const lines = [];
  for (const [file, list] of byFile) {
    lines.push(file);
    for (const f of list) {
      const where = f.line ? `${f.line}:${f.col ?? 1}` : "-";
      const col = f.column ? `column "${f.column}": ` : "";
      lines.push(`  ${where.padEnd(8)} ${f.severity.padEnd(7)} ${f.check.padEnd(9)} ${col}${f.message}`);
    }
    lines.push("");
  }
  for (const r of result.remote ?? []) lines.push(`${r.file}: ${remoteLine(r)}`);
  for (const l of result.leakage) {
    if (l.shared === 0) lines.push(`leakage ${l.model}: no rows of "${l.eval}" appear in "${l.train}"`);
  }
  for (const d of result.drift) {
    const worst = Object.entries(d.psi).sort((a, b) => b[1] - a[1])[0];
    if (worst) {
      const who = d.model ? `${d.model}: "${d.dataset}"` : `"${d.dataset}"`;
      lines.push(`drift ${who} against "${d.reference}": largest PSI ${worst[1].toFixed(3)} (${worst[0]})`);
    }
  }
  let errors = 0;
  for (const f of result.findings) if (f.severity === "error") errors++;
  const warnings = result.findings.length - errors;
  const checked = `${plural(result.models.length, "model")}, ${plural(result.datasets.length, "dataset")} checked`;
  lines.push(
    errors === 0 ? `ok: no errors${warnings ? `, ${plural(warnings, "warning")}` : ""} (${checked})` : `failed: ${plural(errors, "error")}${warnings ? `, ${plural(warnings, "warning")}` : ""} in ${plural(byFile.size, "file")} (${checked})`
  );
  return `${lines.join("\n")}
`;
}
function remoteLine(r) {
  const bytes = r.bytes !== void 0 ? ` (${r.bytes.toLocaleString("en-US")} bytes)` : "";
  const what = JSON.stringify(r.path);
  switch (r.how) {
    case "checksum":
      return `${what} checked by the store's SHA-256 checksum, not downloaded`;
    case "cache":
      return `${what} checked in the cache${bytes}, not downloaded`;
    case "download":
      return `${what} downloaded${bytes} into the cache to check it${/^gs:\/\//i.test(r.path) ? " (Cloud Storage keeps no SHA-256 of an object, only MD5 and CRC32C)" : ""}`;
    case "git lfs":
      return `${what} was a git-lfs pointer; fetched with git lfs pull`;
    case "dvc work tree":
      return `${what} checked in the work tree (DVC's checkout)${bytes}, not downloaded`;
    case "dvc cache":
      return `${what} checked in DVC's cache${bytes}, not downloaded`;
    default:
      return `${what} checked in the work tree`;
  }
}

export {
  formatFindings
};
