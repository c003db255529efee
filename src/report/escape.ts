/**
 * Escaping for text that came from a manifest, a dataset or an evaluation record. The report is posted by a
 * privileged job that may read a fork's untrusted output, so every such string goes through one of these before it
 * reaches Markdown: no raw HTML, no Markdown syntax, no @mentions, no line breaks that end a table row.
 */

const HTML: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };

/** HTML-escapes `& < > " '`: for text inside HTML elements and attributes (e.g. `<summary>`). */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => HTML[c]);
}

/**
 * Escapes untrusted text for inline Markdown: HTML entities for `& < > " '`, a backslash before every Markdown
 * punctuation character, `@` as an entity (no mentions, no team pings), control characters dropped and line
 * breaks folded into spaces (so a value cannot start a new block or end a table row).
 */
export function escapeMd(text: unknown): string {
  return String(text)
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f\u200b-\u200f\u2028-\u202e\u2066-\u2069]/g, "")
    .replace(/\r\n?|\n/g, " ")
    .replace(/[\\`*_{}[\]()#!|~$]/g, (c) => `\\${c}`)
    .replace(/^[-+=]/, (c) => `\\${c}`)
    .replace(/^(\d+)([.)])/, "$1\\$2")
    .replace(/[&<>"']/g, (c) => HTML[c])
    .replace(/@/g, "&#64;");
}

/** Escapes untrusted multi-line text (a datasheet paragraph): each line escaped, paragraphs kept. */
export function escapeMdBlock(text: unknown): string {
  return String(text)
    .split(/\r\n?|\n/)
    .map((line) => escapeMd(line.trim()))
    .join("\n")
    .replace(/\n{3,}/g, "\n\n")
    .trim();
}
