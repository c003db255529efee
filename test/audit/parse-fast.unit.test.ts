import assert from "node:assert/strict";
import { test } from "node:test";
import { fromEpoch, utc } from "../../src/audit/history.ts";
import {
  GitOutputError,
  LOG_FIELDS,
  type LogRow,
  type PathChange,
  parseLog,
  parseTagRefs,
  TAG_FIELDS,
  type TagRow,
} from "../../src/git/history.ts";

/**
 * The audit's faster readers against the code they replaced (kept here as the reference): the same rows, the same
 * errors with the same messages, on well-formed and malformed input.
 */

const OID = /^[0-9a-f]{40}([0-9a-f]{24})?$/;
const RAW_META = /^:(\d{6}) (\d{6}) ([0-9a-f]{40}(?:[0-9a-f]{24})?) ([0-9a-f]{40}(?:[0-9a-f]{24})?) ([A-Z])\d*$/;

/** parseLog as it was (split on NUL, one regex match per raw entry). */
function parseLogBefore(out: string): LogRow[] {
  const keys = Object.keys(LOG_FIELDS) as (keyof typeof LOG_FIELDS)[];
  const tokens = out.split("\0");
  const rows: LogRow[] = [];
  let i = 0;
  const bad = (why: string): never => {
    throw new GitOutputError("log", why);
  };
  while (i < tokens.length) {
    if (tokens[i] === "" || tokens[i] === "\n") {
      i++;
      continue;
    }
    if (i + keys.length > tokens.length) bad(`a commit cut short at field ${i}`);
    const fields = Object.fromEntries(keys.map((k, j) => [k, tokens[i + j]])) as Record<
      keyof typeof LOG_FIELDS,
      string
    >;
    i += keys.length;
    if (!OID.test(fields.oid)) bad(`"${fields.oid.slice(0, 50)}" where a commit id belongs`);
    if (fields.parents !== "" && !fields.parents.split(" ").every((p) => OID.test(p)))
      bad(`"${fields.parents.slice(0, 90)}" where parent ids belong`);
    if (!/^\d+$/.test(fields.ad) || !/^\d+$/.test(fields.cd)) bad(`commit ${fields.oid} without its dates`);
    const section: PathChange[] = [];
    while (i < tokens.length && /^\n?:/.test(tokens[i])) {
      const m = RAW_META.exec(tokens[i].replace(/^\n/, ""));
      if (!m || i + 1 >= tokens.length)
        bad(`"${tokens[i].slice(0, 120)}" where a change of commit ${fields.oid} belongs`);
      const [, , , oldOid, newOid, status] = m as RegExpExecArray;
      section.push({ path: tokens[i + 1], status, oldOid, newOid });
      i += 2;
    }
    const last = rows.at(-1);
    if (last && last.oid === fields.oid) last.sections.push(section);
    else rows.push({ ...fields, sections: [section] });
  }
  for (const r of rows) if (r.sections.length === 1 && r.sections[0].length === 0) r.sections = [];
  return rows;
}

/** parseTagRefs as it was. */
function parseTagRefsBefore(out: string): TagRow[] {
  const keys = Object.keys(TAG_FIELDS) as (keyof typeof TAG_FIELDS)[];
  const tokens = out.split("\0");
  const rows: TagRow[] = [];
  const bad = (why: string): never => {
    throw new GitOutputError("for-each-ref", why);
  };
  const TYPES = new Set(["commit", "tag", "tree", "blob"]);
  for (let i = 0; i + keys.length < tokens.length; i += keys.length) {
    const fields = Object.fromEntries(keys.map((k, j) => [k, tokens[i + j]])) as Record<
      keyof typeof TAG_FIELDS,
      string
    >;
    fields.ref = fields.ref.replace(/^\n/, "");
    if (!fields.ref.startsWith("refs/tags/")) bad(`"${fields.ref.slice(0, 80)}" where a tag's ref belongs`);
    if (!TYPES.has(fields.type) || !OID.test(fields.object)) bad(`${fields.ref} without its object`);
    if (fields.peeledType && (!TYPES.has(fields.peeledType) || !OID.test(fields.peeled)))
      bad(`${fields.ref} without the object it peels to`);
    rows.push({ ...fields, name: fields.ref.slice("refs/tags/".length) });
  }
  const rest = tokens.length % keys.length === 1 ? tokens.at(-1) : undefined;
  if (rest === undefined || rest.trim() !== "") bad("a tag cut short");
  return rows;
}

const outcome = (f: () => unknown) => {
  try {
    return { value: f() };
  } catch (err) {
    return { error: `${(err as Error).name}: ${(err as Error).message}` };
  }
};

const A = "a".repeat(40);
const B = "b".repeat(40);
const L = "e".repeat(64);
const Z = "0".repeat(40);
const head = (oid: string, parents: string, subject: string, trailers = "", ad = "1772442000") =>
  [oid, parents, "Mal\x1flory", "m@example.com", ad, "Mal", "m@example.com", "1772442000", subject, trailers].join(
    "\0",
  );
const raw = (path: string, from: string, to: string, status = "M") =>
  `:100644 100644 ${from} ${to} ${status}\0${path}\0`;

test("parseLog reads what it read before, and refuses what it refused before with the same message", () => {
  const good = [
    `${head(A, "", "first", "Model: x\n")}\0\n${raw("deploy/a\nb.yaml", Z, "1".repeat(40), "A")}`,
    `${head(B, A, "no change")}\0\0`,
    `${head(A, `${B} ${A}`, "merge")}\0\n${raw("deploy/a", "1".repeat(40), "2".repeat(40))}`,
    `${head(A, `${B} ${A}`, "merge")}\0\n${raw("deploy/a", "3".repeat(40), "2".repeat(40))}${raw("r/x", Z, Z, "D")}`,
    `${head(L, "", "sha256")}\0\n${raw("deploy/c", L, "f".repeat(64), "R")}`.replace(" R\0", " R100\0"),
  ].join("");
  const cases = [
    "",
    "\n",
    good,
    `${good}\n`,
    `${good}\0`,
    head(A, "", "cut").split("\0").slice(0, 6).join("\0"),
    `${head(A, "", "s")}\0\0${head(B, A, "s")}`,
    head("zz", "", "bad id"),
    head(A, "nope", "bad parents"),
    head(A, "", "no dates", "", "soon"),
    `${head(A, "", "bad raw")}\0\n:100644 100644 ${Z} ${Z}\0x\0`,
    `${head(A, "", "raw without path")}\0\n:100644 100644 ${Z} ${Z} M`,
    `${head(A, "", "raw")}\0:100644 100644 ${A} ${L} T\0p\0`,
    `${head(A, "", "two byte ≥")}\0\n${raw("deploy/ü ≥", Z, B, "A")}\0`,
    good.slice(0, 300),
    good.slice(0, good.length - 7),
  ];
  for (const text of cases)
    assert.deepEqual(
      outcome(() => parseLog(text)),
      outcome(() => parseLogBefore(text)),
      text,
    );
  // cut anywhere, or with a byte replaced by NUL or a line break
  for (let i = 0; i <= good.length; i++) {
    for (const text of [
      good.slice(0, i),
      `${good.slice(0, i)}\0${good.slice(i + 1)}`,
      `${good.slice(0, i)}\n${good.slice(i + 1)}`,
    ])
      assert.deepEqual(
        outcome(() => parseLog(text)),
        outcome(() => parseLogBefore(text)),
        JSON.stringify(text),
      );
  }
  assert.equal((parseLog(good)[2] as LogRow).sections.length, 2);
});

test("fromEpoch and utc give what Date's ISO string without milliseconds gave, in and beyond four-digit years", () => {
  const before = (s: string) => new Date(Number(s) * 1000).toISOString().replace(/\.\d{3}Z$/, "Z");
  for (const s of ["0", "1772442000", "253402300799", "253402300800", "-62167219200", "-62167219201", "8640000000"])
    assert.equal(fromEpoch(s), before(s));
  assert.throws(() => fromEpoch("8640000000001"), RangeError);
  assert.equal(utc("2025-01-06T08:23:00Z"), "2025-01-06T08:23:00Z");
  assert.equal(utc("2025-01-06T09:23:00.123+01:00"), "2025-01-06T08:23:00Z");
  assert.equal(utc("+010000-01-01T00:00:00Z"), "+010000-01-01T00:00:00Z");
  assert.equal(utc("not a date"), "not a date");
});

test("fromEpoch and utc's check of modelgate's form answer as Date does", () => {
  const before = (s: string) => new Date(Number(s) * 1000).toISOString().replace(/\.\d{3}Z$/, "Z");
  const utcBefore = (d: string) => {
    const t = Date.parse(d);
    return Number.isFinite(t) ? new Date(t).toISOString().replace(/\.\d{3}Z$/, "Z") : d;
  };
  let x = 11;
  const rnd = () => (x = (x * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
  const epochs = ["0", "-0", "1", "59", "86399", "86400", "951782400", "951868799", "4107542399", "4107542400"];
  epochs.push("253402300799", "253402300800", "1.5", "", " 12", "1e3", "0x10");
  for (let i = 0; i < 20000; i++) epochs.push(String(Math.floor(rnd() * 253402300800)));
  for (const s of epochs) assert.equal(fromEpoch(s), before(s), s);
  const dates = ["2024-02-29T12:00:00Z", "2025-02-29T12:00:00Z", "2000-02-29T00:00:00Z", "1900-02-29T00:00:00Z"];
  dates.push("2025-01-06T24:00:00Z", "2025-12-31T23:59:60Z", "2025-13-01T00:00:00Z", "2025-00-10T00:00:00Z");
  dates.push("2025-04-31T00:00:00Z", "2025-04-30T00:00:00Z", "0000-01-01T00:00:00Z", "9999-12-31T23:59:59Z");
  dates.push("2025-01-06t08:00:00Z", "2025-01-06T08:00:00z", "2025-01-06T08:00:00+00:00", "2025-1-06T08:00:00Z");
  for (let i = 0; i < 20000; i++) {
    const d = before(String(Math.floor(rnd() * 253402300800)));
    // and one character changed to a digit, a separator or a letter
    const at = Math.floor(rnd() * d.length);
    dates.push(d, d.slice(0, at) + "9:-TZ0a"[Math.floor(rnd() * 7)] + d.slice(at + 1));
  }
  for (const d of dates) {
    assert.equal(utc(d), utcBefore(d), d);
  }
});

test("parseTagRefs reads what it read before, and refuses what it refused before with the same message", () => {
  const tag = (ref: string, type: string, object: string, peeledType = "", peeled = "", date = "1772442000") =>
    `${[ref, type, object, peeledType, peeled, "Dana", "<dana@example.com>", date, "m#staging#1 ≥"].join("\0")}\0\n`;
  const good = [
    tag("refs/tags/m#staging#1", "tag", A, "commit", B),
    tag("refs/tags/m@v1.0.0", "commit", B, "", "", ""),
    tag("refs/tags/t\x1ex", "tag", L, "tree", "f".repeat(64)),
  ].join("");
  const cases = ["", "\n", " \n", good, tag("refs/heads/x", "commit", A), tag("refs/tags/x", "thing", A)];
  cases.push(tag("refs/tags/x", "tag", A, "commit", "nope"), `${good}x`, `${good}\0`);
  for (let i = 0; i <= good.length; i++)
    cases.push(
      good.slice(0, i),
      `${good.slice(0, i)}\0${good.slice(i + 1)}`,
      `${good.slice(0, i)}\n${good.slice(i + 1)}`,
    );
  for (const text of cases)
    assert.deepEqual(
      outcome(() => parseTagRefs(text)),
      outcome(() => parseTagRefsBefore(text)),
      JSON.stringify(text),
    );
  assert.equal(parseTagRefs(good).length, 3);
});
