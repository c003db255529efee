/**
 * toJson (./fs.ts) as UTF-8 bytes, for a large document of plain data: the same bytes as
 * `Buffer.from(toJson(value))`, made faster. V8 builds JSON.stringify's text in one byte per character until it meets
 * a character beyond Latin-1 (audit's reports hold "≥", "≤" and "…"), then in two for the rest, and encoding that text
 * as UTF-8 costs as much again: audit --json's 2.9 MB took 17 ms to build and 9 ms to encode, against 9 and 1 as
 * ASCII. So each string that is not ASCII is set aside while the text is built (a one-byte marker in its place, which
 * the text then holds nowhere else), and written into the bytes afterwards, as JSON.stringify writes it alone.
 */

/** A character no ASCII text holds, one byte in V8: what a string set aside is while the text is built. */
const MARK = "\x80";
const NOT_ASCII = /[^\x00-\x7f]/;

/** A plain value: what the walk may look into (anything else, a Date's toJSON say, goes to JSON.stringify alone). */
function plain(o: object): boolean {
  const proto = Object.getPrototypeOf(o);
  return Array.isArray(o) ? proto === Array.prototype : proto === Object.prototype || proto === null;
}

/**
 * The strings of `value` that are not ASCII, in the order JSON.stringify writes them, as [holder, key, string]
 * triples; undefined when some key is not ASCII or some object is not plain data.
 */
function strayStrings(value: unknown): (object | string)[] | undefined {
  const found: (object | string)[] = [];
  const walk = (v: object): boolean => {
    if (!plain(v)) return false;
    if (Array.isArray(v)) {
      for (let i = 0; i < v.length; i++) {
        const x = v[i];
        if (typeof x === "string") {
          if (NOT_ASCII.test(x)) found.push(v, String(i), x);
        } else if (typeof x === "object" && x !== null && !walk(x)) return false;
      }
      return true;
    }
    const rec = v as Record<string, unknown>;
    for (const k of Object.keys(rec)) {
      if (NOT_ASCII.test(k)) return false;
      const x = rec[k];
      if (typeof x === "string") {
        if (NOT_ASCII.test(x)) found.push(rec, k, x);
      } else if (typeof x === "object" && x !== null && !walk(x)) return false;
    }
    return true;
  };
  if (typeof value !== "object" || value === null) return undefined;
  return walk(value) ? found : undefined;
}

/** `Buffer.from(toJson(value))`, with JSON.stringify's text kept ASCII (see above). */
export function toJsonBytes(value: unknown): Buffer {
  const stray = strayStrings(value);
  if (!stray || stray.length === 0) return Buffer.from(`${JSON.stringify(value, null, 2)}\n`);
  const quoted: string[] = [];
  let extra = 0;
  let set = 0;
  let text: string | undefined;
  try {
    for (; set < stray.length; set += 3) {
      const q = JSON.stringify(stray[set + 2]);
      quoted.push(q);
      extra += Buffer.byteLength(q) - 3; // in place of `"<MARK>"`
      // a frozen object throws here: its strings stay, and the value is written as it is
      (stray[set] as Record<string, unknown>)[stray[set + 1] as string] = MARK;
    }
    text = `${JSON.stringify(value, null, 2)}\n`;
  } catch {
    text = undefined;
  } finally {
    for (let i = 0; i < set; i += 3) (stray[i] as Record<string, unknown>)[stray[i + 1] as string] = stray[i + 2];
  }
  if (text === undefined) return Buffer.from(`${JSON.stringify(value, null, 2)}\n`);
  const ascii = Buffer.from(text, "latin1");
  const out = Buffer.allocUnsafe(ascii.length + extra);
  let at = 0;
  let from = 0;
  let n = 0;
  for (let p = text.indexOf(`"${MARK}"`); p >= 0; p = text.indexOf(`"${MARK}"`, from)) {
    at += ascii.copy(out, at, from, p);
    at += out.write(quoted[n++], at, "utf8");
    from = p + 3;
  }
  at += ascii.copy(out, at, from);
  if (n !== quoted.length || at !== out.length)
    throw new Error("toJsonBytes: the markers did not match the strings set aside");
  return out;
}
