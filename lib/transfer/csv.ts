// The one CSV reader and writer: RFC 4180 through csv-parse and csv-stringify, with what the
// spreadsheet format needs on top: each record's first line (a quoted field may hold line
// breaks, so record and line numbers differ) and errors worded for the person fixing the file.
import { CsvError, parse } from "csv-parse/sync";
import { stringify } from "csv-stringify/sync";
import { isPlainNumber, neutraliseCell } from "./csv-formulas";

export type CsvRecord = { line: number; cells: string[] };
export type CsvResult = { records: CsvRecord[]; error: { line: number; message: string } | null };

const CR = 13;
const LF = 10;

const MESSAGES: Record<string, string> = {
  CSV_QUOTE_NOT_CLOSED: 'A quoted field is never closed (a " is missing).',
  CSV_NON_TRIMABLE_CHAR_AFTER_CLOSING_QUOTE:
    'Unexpected text after a closing quote: put the whole field in quotes and double any " inside it.',
};

/** Line breaks (CRLF, LF or a lone CR) in `bytes[from, to)`. */
function lineBreaks(bytes: Uint8Array, from: number, to: number): number {
  let n = 0;
  for (let i = from; i < to; i++)
    if (bytes[i] === LF || (bytes[i] === CR && bytes[i + 1] !== LF)) n++;
  return n;
}

/**
 * Every record with the line it starts on; a BOM is dropped, blank lines are records of one
 * empty cell, rows may have any number of cells, a `"` inside an unquoted cell is kept, and
 * white space at the end of an unquoted cell is dropped (cells are trimmed when read anyway).
 * On malformed text: the records before it and the error's line (an unclosed quote: the line
 * its record starts on).
 */
export function readCsv(input: string): CsvResult {
  const bytes = Buffer.from(input.charCodeAt(0) === 0xfeff ? input.slice(1) : input, "utf8");
  const records: CsvRecord[] = [];
  // csv-parse counts a CRLF inside quotes as two lines, so lines are counted here from the
  // byte offset where each record ends (`info.bytes`).
  let offset = 0;
  let line = 1;
  try {
    parse(bytes, {
      bom: false,
      record_delimiter: ["\r\n", "\n", "\r"],
      relax_column_count: true,
      // Lenient about a quote inside an unquoted cell (a`"`b), strict about text after a
      // closing quote ("a"b): with rtrim, csv-parse refuses what follows one unless it is space.
      relax_quotes: true,
      rtrim: true,
      raw: true,
      // With `raw`, each record comes as { record, raw }.
      on_record: (parsed: unknown, info) => {
        records.push({ line, cells: (parsed as { record: string[] }).record });
        line += lineBreaks(bytes, offset, info.bytes);
        offset = info.bytes;
        return null;
      },
    });
  } catch (error) {
    if (!(error instanceof CsvError)) throw error;
    const message = MESSAGES[error.code] ?? `The file is not valid CSV: ${error.message}`;
    // `raw` holds the failed record up to the character in error.
    const raw = (error as CsvError & { raw?: string }).raw ?? "";
    const at = error.code === "CSV_QUOTE_NOT_CLOSED" ? line : line + lineBreaksIn(raw);
    return { records, error: { line: at, message } };
  }
  return { records, error: null };
}

const lineBreaksIn = (text: string) => {
  const bytes = Buffer.from(text, "utf8");
  return lineBreaks(bytes, 0, bytes.length);
};

export type CsvOptions = {
  /** CRLF by default (RFC 4180, the spreadsheet format's); the dashboards' CSV uses LF. */
  lineEnd?: "\r\n" | "\n";
  /**
   * Indexes of the columns that hold numbers. A plain number there (`-1.5`) is written bare, so
   * a spreadsheet reads it as a number; anything else in them is written as text.
   */
  numeric?: readonly number[];
};

/**
 * CSV text of `rows`, every line ended. Spreadsheet formula injection is neutralised (OWASP):
 * every non-empty cell but a plain number is quoted, and a text cell that a spreadsheet would
 * run as a formula gets a leading `'` (lib/transfer/csv-formulas.ts; readers undo it with
 * `restoreCell`), even one that looks like a negative number. Quotes inside cells are doubled.
 */
export function writeCsv(
  rows: readonly (readonly string[])[],
  { lineEnd = "\r\n", numeric = [] }: CsvOptions = {},
): string {
  const numbers = new Set(numeric);
  return stringify(rows as string[][], {
    record_delimiter: lineEnd,
    quote_record_delimiter: true,
    // Quoting a plain number changes nothing for a spreadsheet (it reads one either way).
    quoted_match: NOT_A_PLAIN_NUMBER,
    cast: {
      string: (value, { index }) =>
        numbers.has(index) && isPlainNumber(value) ? value : neutraliseCell(value),
    },
  });
}

// Any non-empty text but a plain number (`isPlainNumber`).
const NOT_A_PLAIN_NUMBER = /^(?!-?(?:\d+(?:\.\d+)?|\.\d+)$)[\s\S]/;

/** One line of the spreadsheet format. */
export const csvLine = (cells: readonly string[]): string => writeCsv([cells]);
