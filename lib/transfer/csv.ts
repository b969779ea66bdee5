// The one CSV reader and writer: RFC 4180 through csv-parse and csv-stringify, with what the
// spreadsheet format needs on top: each record's first line (a quoted field may hold line
// breaks, so record and line numbers differ) and errors worded for the person fixing the file.
import { CsvError, parse } from "csv-parse/sync";
import { stringify } from "csv-stringify/sync";

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

export type CsvStyle = {
  lineEnd: "\r\n" | "\n";
  /** Quote cells with leading or trailing white space, so spreadsheet programs keep it. */
  quoteEdgeSpace: boolean;
};

/** The spreadsheet format's style: CRLF (RFC 4180), white space at a cell's edges kept. */
export const TRANSFER_CSV: CsvStyle = { lineEnd: "\r\n", quoteEdgeSpace: true };

/**
 * CSV text of `rows`, every line ended. A cell is quoted when it holds a comma, a quote or a
 * line break (and, in the transfer style, white space at its edges); quotes are doubled.
 */
export function writeCsv(
  rows: readonly (readonly string[])[],
  style: CsvStyle = TRANSFER_CSV,
): string {
  return stringify(rows as string[][], {
    record_delimiter: style.lineEnd,
    quote_record_delimiter: true,
    quoted_match: style.quoteEdgeSpace ? /^\s|\s$/ : undefined,
  });
}

/** One line of the spreadsheet format. */
export const csvLine = (cells: readonly string[]): string => writeCsv([cells]);
