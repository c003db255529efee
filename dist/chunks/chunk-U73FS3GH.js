import { createRequire as __mgCreateRequire } from 'node:module'; const require = __mgCreateRequire(import.meta.url);

// src/report/escape.ts
var HTML = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };
function escapeHtml(text) {
  return text.replace(/[&<>"']/g, (c) => HTML[c]);
}
function escapeMd(text) {
  return String(text).replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f\u200b-\u200f\u2028-\u202e\u2066-\u2069]/g, "").replace(/\r\n?|\n/g, " ").replace(/[\\`*_{}[\]()#!|~$]/g, (c) => `\\${c}`).replace(/[&<>"']/g, (c) => HTML[c]).replace(/@/g, "&#64;");
}
function escapeMdLine(text) {
  return escapeMd(text).replace(/^[-+=]/, (c) => `\\${c}`).replace(/^(\d+)([.)])/, "$1\\$2");
}
function escapeMdBlock(text) {
  return String(text).split(/\r\n?|\n/).map((line) => {
    const item = /^\s*[-*]\s+(.*)$/.exec(line);
    return item ? `- ${escapeMd(item[1].trim())}` : escapeMdLine(line.trim());
  }).join("\n").replace(/\n{3,}/g, "\n\n").trim();
}

export {
  escapeHtml,
  escapeMd,
  escapeMdLine,
  escapeMdBlock
};
