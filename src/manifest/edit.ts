import { Document, isCollection, isMap, isScalar, isSeq, type Node, parseDocument, Scalar, visit } from "yaml";
import type { Path, SourceDoc } from "./yaml.ts";

/** One value to set in a YAML file. */
export interface YamlEdit {
  path: Path;
  value: unknown;
}

/** How a file writes what an edit adds: its line ending, indentation step and flow-collection spacing. */
interface Style {
  eol: string;
  step: number;
  /** `[ 1, 2 ]` rather than `[1, 2]`. */
  pad: boolean;
}

/**
 * The text of `src` with `edits` applied, changing nothing else: each edit replaces the bytes of the value it sets
 * (or adds a key at the end of its mapping), so comments, blank lines, quoting, flow spacing, line endings and a
 * byte-order mark stay as the file has them, and what is added is written in the file's own style. The result is
 * parsed again and must hold exactly the values asked for; anything else is a bug, thrown rather than written.
 */
export function editYaml(src: SourceDoc, edits: YamlEdit[]): string {
  const style = styleOf(src);
  const replacements = edits.map((e, i) => ({ ...replacementFor(src, e.path, e.value, style), i }));
  // from the end of the file backwards; keys added at the same place go in the order of the edits
  replacements.sort((a, b) => b.start - a.start || b.i - a.i);
  let text = src.text;
  for (const r of replacements) text = text.slice(0, r.start) + r.text + text.slice(r.end);

  const expected = src.doc.toJS();
  for (const e of edits) setIn(expected, e.path, e.value);
  const got = parseDocument(text).toJS();
  if (JSON.stringify(got) !== JSON.stringify(expected)) {
    throw new Error(`editing ${src.file} in place did not give the values asked for; nothing was written`);
  }
  return text;
}

function setIn(obj: any, path: Path, value: unknown): void {
  let o = obj;
  for (const seg of path.slice(0, -1)) {
    o[seg] ??= {};
    o = o[seg];
  }
  o[path[path.length - 1]] = value;
}

function styleOf(src: SourceDoc): Style {
  const crlf = (src.text.match(/\r\n/g) ?? []).length;
  const lf = (src.text.match(/\n/g) ?? []).length - crlf;
  // flow collections written "[ a ]" against "[a]": lists decide (lock writes lists), else mappings
  const seqs = [0, 0];
  const maps = [0, 0];
  let step: number | undefined;
  visit(src.doc, {
    Seq(_, node) {
      if (node.flow && node.items.length > 0 && node.range) seqs[src.text[node.range[0] + 1] === " " ? 1 : 0]++;
    },
    Map(_, node) {
      if (node.flow && node.items.length > 0 && node.range) maps[src.text[node.range[0] + 1] === " " ? 1 : 0]++;
      // the indentation step: how far a block mapping's first value mapping sits right of its key
      if (!node.flow && step === undefined) {
        for (const pair of node.items) {
          const v = pair.value as Node | null;
          if (isMap(v) && !v.flow && v.range && isScalar(pair.key) && pair.key.range) {
            const d = src.lines.linePos(v.range[0]).col - src.lines.linePos(pair.key.range[0]).col;
            if (d > 0) step = d;
            break;
          }
        }
      }
    },
  });
  const pad = seqs[0] + seqs[1] > 0 ? seqs[1] > seqs[0] : maps[1] > maps[0];
  return { eol: crlf > lf ? "\r\n" : "\n", step: step ?? 2, pad };
}

/** The value as YAML in the file's style: one line when `flow` (or a scalar), else block lines, unindented. */
function render(value: unknown, style: Style, flow: boolean): string {
  const doc = new Document(value);
  visit(doc, {
    Seq(_, seq) {
      // lists of scalars read best on one line (profile edges and fractions, tensor shapes); digests (spec.blocks'
      // sha256 list) one a line
      const digests = seq.items.length > 0 && seq.items.every((i) => /^[0-9a-f]{64}$/.test(String(toJs(i))));
      if (!digests && seq.items.every((i) => !isCollection(i))) seq.flow = true;
    },
  });
  if (flow && isCollection(doc.contents)) doc.contents.flow = true;
  return doc
    .toString({ indent: style.step, lineWidth: 0, flowCollectionPadding: style.pad })
    .replace(/\n$/, "")
    .split("\n")
    .join(style.eol);
}

const toJs = (n: unknown) => (isScalar(n) ? n.value : n);

const isCollectionValue = (v: unknown) => v !== null && typeof v === "object";

/** Indents every line but the first by `n` spaces. */
function indentRest(text: string, n: number, eol: string): string {
  return text.split(eol).join(`${eol}${" ".repeat(n)}`);
}

function replacementFor(
  src: SourceDoc,
  path: Path,
  value: unknown,
  style: Style,
): { start: number; end: number; text: string } {
  const node = src.doc.getIn(path, true) as Node | undefined;
  if (node?.range) {
    const [start, valueEnd] = node.range;
    if (!isCollectionValue(value)) {
      // a scalar keeps its quoting when it can (a double-quoted digest stays double-quoted)
      let text = render(value, style, true);
      if (isScalar(node) && typeof value === "string" && node.type === Scalar.QUOTE_DOUBLE)
        text = JSON.stringify(value);
      return { start, end: valueEnd, text };
    }
    if (isCollection(node) && node.flow) return { start, end: valueEnd, text: render(value, style, true) };
    const col = src.lines.linePos(start).col - 1;
    if (isCollection(node)) {
      // a block collection: its text starts at its first item's column and ends with its last line's break
      const ends = src.text.slice(start, valueEnd).endsWith("\n");
      return {
        start,
        end: valueEnd,
        text: indentRest(render(value, style, false), col, style.eol) + (ends ? style.eol : ""),
      };
    }
    // a scalar (or an empty value) becomes a block below its key
    const keyCol = keyColumn(src, path);
    let from = start;
    while (from > 0 && src.text[from - 1] === " ") from--;
    const block = render(value, style, false);
    return {
      start: from,
      end: valueEnd,
      text: style.eol + " ".repeat(keyCol + style.step) + indentRest(block, keyCol + style.step, style.eol),
    };
  }
  // the key is not there: add it at the end of its mapping (the mapping itself first, when that is missing too)
  const parentPath = path.slice(0, -1);
  const key = String(path[path.length - 1]);
  const parent = src.doc.getIn(parentPath, true) as Node | undefined;
  if (!isMap(parent) || !parent.range) {
    if (parentPath.length === 0) throw new Error(`${src.file}: the document is not a mapping`);
    return replacementFor(src, parentPath, { [key]: value }, style);
  }
  const keyText = render(key, style, true);
  if (parent.flow) {
    const last = parent.items[parent.items.length - 1];
    const lastEnd = (last?.value as Node | null)?.range?.[1] ?? (last?.key as Node | null)?.range?.[1];
    const pair = `${keyText}: ${render(value, style, true)}`;
    if (lastEnd === undefined)
      return { start: parent.range[0], end: parent.range[1], text: render({ [key]: value }, style, true) };
    return { start: lastEnd, end: lastEnd, text: `, ${pair}` };
  }
  const col = src.lines.linePos(parent.range[0]).col - 1;
  const at = parent.range[1];
  const lead = src.text.slice(0, at).endsWith("\n") ? "" : style.eol;
  const body =
    isCollectionValue(value) && !flowable(value)
      ? `${keyText}:${style.eol}${" ".repeat(col + style.step)}${indentRest(render(value, style, false), col + style.step, style.eol)}`
      : `${keyText}: ${render(value, style, true)}`;
  return { start: at, end: at, text: `${lead}${" ".repeat(col)}${body}${style.eol}` };
}

/** A list of scalars, written on one line like the rest of lock's lists. */
function flowable(value: unknown): boolean {
  return Array.isArray(value) && value.every((v) => !isCollectionValue(v));
}

/** The column (0-based) of the key of the value at `path`. */
function keyColumn(src: SourceDoc, path: Path): number {
  const parent = src.doc.getIn(path.slice(0, -1), true) as Node | undefined;
  if (isMap(parent)) {
    const pair = parent.items.find((p) => isScalar(p.key) && String(p.key.value) === String(path[path.length - 1]));
    const r = (pair?.key as Node | undefined)?.range;
    if (r) return src.lines.linePos(r[0]).col - 1;
  }
  if (isSeq(parent) && parent.range) return src.lines.linePos(parent.range[0]).col - 1;
  return 0;
}
