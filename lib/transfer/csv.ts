// An RFC 4180 reader that remembers the line each record starts on (quoted fields may hold
// newlines, so record numbers and line numbers differ), and the matching writer.
const QUOTE = 34;
const COMMA = 44;
const LF = 10;
const CR = 13;

export type CsvRecord = { line: number; cells: string[] };
export type CsvResult = { records: CsvRecord[]; error: { line: number; message: string } | null };

function newlinesBetween(text: string, from: number, to: number): number {
  let n = 0;
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (c === LF || (c === CR && text.charCodeAt(i + 1) !== LF)) n++;
  }
  return n;
}

export function readCsv(input: string): CsvResult {
  const text = input.charCodeAt(0) === 0xfeff ? input.slice(1) : input;
  const records: CsvRecord[] = [];
  const n = text.length;
  let i = 0;
  let line = 1;
  while (i < n) {
    const start = line;
    const cells: string[] = [];
    for (;;) {
      if (text.charCodeAt(i) === QUOTE) {
        let value = "";
        let from = i + 1;
        for (;;) {
          const q = text.indexOf('"', from);
          if (q === -1)
            return {
              records,
              error: { line: start, message: 'A quoted field is never closed (a " is missing).' },
            };
          line += newlinesBetween(text, from, q);
          if (text.charCodeAt(q + 1) === QUOTE) {
            value += text.slice(from, q + 1);
            from = q + 2;
            continue;
          }
          value += text.slice(from, q);
          i = q + 1;
          break;
        }
        const c = text.charCodeAt(i);
        if (i < n && c !== COMMA && c !== LF && c !== CR) {
          return {
            records,
            error: {
              line,
              message:
                'Unexpected text after a closing quote: put the whole field in quotes and double any " inside it.',
            },
          };
        }
        cells.push(value);
      } else {
        let j = i;
        while (j < n) {
          const c = text.charCodeAt(j);
          if (c === COMMA || c === LF || c === CR) break;
          j++;
        }
        cells.push(text.slice(i, j));
        i = j;
      }
      if (i >= n) break;
      const c = text.charCodeAt(i);
      if (c === COMMA) {
        i++;
        if (i >= n) cells.push("");
        if (i >= n) break;
        continue;
      }
      i += c === CR && text.charCodeAt(i + 1) === LF ? 2 : 1;
      line++;
      break;
    }
    records.push({ line: start, cells });
  }
  return { records, error: null };
}

/** Decodes UTF-8 (a BOM is dropped); null when the bytes are not UTF-8. */
export function decodeUtf8(content: string | Uint8Array): string | null {
  if (typeof content === "string")
    return content.charCodeAt(0) === 0xfeff ? content.slice(1) : content;
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(content);
  } catch {
    return null;
  }
}

const NEEDS_QUOTES = /[",\r\n]|^\s|\s$/;

export function csvCell(value: string): string {
  return NEEDS_QUOTES.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

export function csvLine(cells: string[]): string {
  return `${cells.map(csvCell).join(",")}\r\n`;
}
