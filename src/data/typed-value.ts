import type { Column } from "../manifest/schema.ts";
import { type Cell, cellToNumber, cellToString, parseNumberText } from "./batch.ts";

/**
 * A typed value, or undefined when the cell does not have the declared type; null for a null cell. Numbers follow
 * the readers' one rule (parseNumberText): "nan" and empty are null; a float must be finite (±Infinity is refused
 * here as evaluate refuses it).
 */
export function typedValue(col: Column, cell: Cell): number | string | boolean | null | undefined {
  if (cell === null) return null;
  switch (col.type) {
    case "float": {
      const n = typeof cell === "string" ? parseNumberText(cell) : cellToNumber(cell);
      if (n === null || n === undefined) return n;
      if (Number.isNaN(n)) return typeof cell === "string" || typeof cell === "number" ? null : undefined;
      return Number.isFinite(n) ? n : undefined;
    }
    case "integer": {
      const n = typeof cell === "string" ? parseNumberText(cell) : cellToNumber(cell);
      if (n === null) return null;
      return n !== undefined && Number.isInteger(n) ? n : undefined;
    }
    case "boolean": {
      if (typeof cell === "boolean") return cell;
      const s = cellToString(cell)?.trim().toLowerCase();
      if (s === "true" || s === "1") return true;
      if (s === "false" || s === "0") return false;
      return undefined;
    }
    default:
      return cellToString(cell);
  }
}
