import { batchRows, type Resolved } from "./batch.ts";
import { csvLayout, type Layout, type RawCsvBatch, readHeader } from "./csv.ts";
import { openData } from "./read-source.ts";
import { Source, tooLong } from "./source.ts";

export {
  type CsvScratch,
  type CsvTensor,
  type Layout as CsvLayout,
  parseCsvBatch,
  type RawCsvBatch,
} from "./csv.ts";

// A CSV file cut into batches of records without parsing their fields: the thread that reads the file finds where
// each record ends (a line break outside quotes) and hands out the bytes of exactly `batchRows` records at a time,
// which `parseCsvBatch` turns into the very batch readCsv would have yielded — anywhere, e.g. in the evaluation's
// scoring worker threads, so that parsing runs on every CPU while this thread only reads.
//
// Records end where csv.ts's parser ends them: a field that starts with a quote is quoted (line breaks and
// separators inside it are data; a doubled quote is a quote); a line break (LF, CRLF or CR) outside quotes ends the
// record; a line holding nothing is blank and no record. The usual record holds no quote and no CR, and is found
// with one native search for its LF.

const LF = 10;
const CR = 13;
const QUOTE = 34;

/** Where one record (or blank line) at `pos` ends. */
interface Scan {
  /** The index after its line break (or the buffer's end at the end of the file); -1 when more bytes are needed. */
  next: number;
  /** A blank line, not a record. */
  blank: boolean;
  /** Line breaks inside its quoted fields. */
  extra: number;
}

/** The record at pos, byte by byte (it holds a quote or a CR). */
function scanSlow(b: Buffer, pos: number, end: number, eof: boolean, sep: number, out: Scan): void {
  out.blank = false;
  out.extra = 0;
  out.next = -1;
  const first = b[pos];
  if (first === LF || first === CR) {
    out.blank = true;
    if (first === CR) {
      if (pos + 1 >= end && !eof) return;
      out.next = pos + 1 < end && b[pos + 1] === LF ? pos + 2 : pos + 1;
    } else out.next = pos + 1;
    return;
  }
  let i = pos;
  let fieldStart = true;
  while (i < end) {
    const c = b[i];
    if (fieldStart && c === QUOTE) {
      // a quoted field: to its closing quote (a doubled quote is data)
      let j = i + 1;
      for (;;) {
        const q = b.indexOf(QUOTE, j);
        if (q < 0 || q >= end) {
          if (!eof) return;
          // not closed before the end of the file: the parser says so; the record runs to the end
          for (let k = i + 1; k < end; k++) if (b[k] === LF) out.extra++;
          out.next = end;
          return;
        }
        if (q + 1 >= end && !eof) return;
        if (q + 1 < end && b[q + 1] === QUOTE) {
          j = q + 2;
          continue;
        }
        for (let k = i + 1; k < q; k++) if (b[k] === LF) out.extra++;
        i = q + 1;
        break;
      }
      fieldStart = false;
      continue;
    }
    if (c === sep) fieldStart = true;
    else if (c === LF) {
      out.next = i + 1;
      return;
    } else if (c === CR) {
      if (i + 1 >= end && !eof) return;
      out.next = i + 1 < end && b[i + 1] === LF ? i + 2 : i + 1;
      return;
    } else fieldStart = false;
    i++;
  }
  if (eof) out.next = end;
}

/**
 * The file's batches as bytes: the layout of the columns read (from its header, as readCsv reads it), then batches
 * of `batchRows(o.batchSize, columns)` records (the last one shorter) in file order. A record longer than
 * MAX_RECORD_BYTES fails as readCsv fails. A batch's bytes are a view from the start of a buffer of their own
 * (which a worker thread can be given, and give back).
 */
export async function* cutCsv(
  path: string,
  o: Resolved,
  /** Memory for a batch's bytes (e.g. buffers back from the workers, reused): at least `size` bytes, owned. */
  alloc: (size: number) => Uint8Array = (size) => new Uint8Array(size),
): AsyncGenerator<{ layout: Layout; raw: RawCsvBatch }> {
  // through the readers' opener: hashed as it is read, and a file still arriving from a store is waited for
  const fh = await openData(path);
  try {
    const src = new Source(fh);
    const file = o.displayName;
    const header = await readHeader(src, file, (o.delimiter ?? ",").charCodeAt(0));
    const layout = csvLayout(header.names, header.line, o);
    const sep = layout.sep;
    const bs = batchRows(o.batchSize, layout.names.length);
    let pos = header.pos;
    let line = header.nextLine;
    let offset = 0;
    // the batch being cut: its records so far in earlier buffers, where it starts in this one, how many it holds
    let pieces: Uint8Array[] = [];
    let start = pos;
    let rows = 0;
    let firstLine = line;
    const scan: Scan = { next: -1, blank: false, extra: 0 };
    const take = (b: Buffer, upTo: number): RawCsvBatch => {
      const tail = b.subarray(start, upTo);
      const size = pieces.reduce((a, p) => a + p.length, tail.length);
      const bytes = alloc(size).subarray(0, size);
      let at = 0;
      for (const p of pieces) {
        bytes.set(p, at);
        at += p.length;
      }
      bytes.set(tail, at);
      const raw = { bytes, rows, offset, firstLine };
      offset += rows;
      pieces = [];
      start = upTo;
      rows = 0;
      firstLine = line;
      return raw;
    };
    for (;;) {
      const b = src.buf;
      const end = src.end;
      const eof = src.eof;
      // the next quote and CR at or after pos (end: none in the buffer); records before both need only their LF
      let quote = -1;
      let cr = -1;
      for (;;) {
        if (rows === bs) yield { layout, raw: take(b, pos) };
        if (pos >= end) break;
        if (quote < pos) {
          quote = b.indexOf(QUOTE, pos);
          if (quote < 0 || quote >= end) quote = end;
        }
        if (cr < pos) {
          cr = b.indexOf(CR, pos);
          if (cr < 0 || cr >= end) cr = end;
        }
        let lf = b.indexOf(LF, pos);
        if (lf >= end) lf = -1;
        if (lf >= 0 && lf < quote && (lf < cr || cr === lf - 1)) {
          // LF or CRLF, no quote before it
          scan.next = lf + 1;
          scan.blank = lf === pos || cr === pos;
          scan.extra = 0;
        } else if (lf < 0 && quote === end && cr === end) {
          scan.next = eof ? end : -1;
          scan.blank = false;
          scan.extra = 0;
        } else scanSlow(b, pos, end, eof, sep, scan);
        if (scan.next < 0) break;
        if (!scan.blank) rows++;
        line += 1 + scan.extra;
        pos = scan.next;
      }
      if (eof) {
        if (rows > 0) yield { layout, raw: take(b, pos) };
        return;
      }
      // keep the records cut so far, and read more after them (the incomplete record is read again)
      if (pos > start) pieces.push(new Uint8Array(b.subarray(start, pos)));
      if (!(await src.refill(pos))) throw tooLong(file, line);
      pos = 0;
      start = 0;
    }
  } finally {
    await fh.close();
  }
}
