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

export {
  formatFindings
};
