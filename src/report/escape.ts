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
    .replace(/[&<>"']/g, (c) => HTML[c])
    .replace(/@/g, "&#64;");
}

/** escapeMd for text that starts a line: also escapes what would make it a list item, a heading underline or a quote. */
export function escapeMdLine(text: unknown): string {
  return escapeMd(text)
    .replace(/^[-+=]/, (c) => `\\${c}`)
    .replace(/^(\d+)([.)])/, "$1\\$2");
}

/**
 * Escapes untrusted multi-line text (a datasheet or model-card paragraph): each line escaped, blank lines kept as
 * paragraph breaks, and lines starting with "- " or "* " kept as list items (their text escaped).
 */
export function escapeMdBlock(text: unknown): string {
  return String(text)
    .split(/\r\n?|\n/)
    .map((line) => {
      const item = /^\s*[-*]\s+(.*)$/.exec(line);
      return item ? `- ${escapeMd(item[1].trim())}` : escapeMdLine(line.trim());
    })
    .join("\n")
    .replace(/\n{3,}/g, "\n\n")
    .trim();
}
