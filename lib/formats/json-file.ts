// Reading an uploaded JSON file with errors a person can act on: the file's name and, for
// malformed JSON, the line and column. Pure (no database): the import services and tests share it.

export class FileFormatError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "FileFormatError";
  }
}

/** Line and column (1-based) of a character offset in a text. */
function lineAndColumn(text: string, position: number): { line: number; column: number } {
  const before = text.slice(0, Math.max(0, position));
  const lines = before.split("\n");
  return { line: lines.length, column: lines[lines.length - 1].length + 1 };
}

/** The bytes of an upload as UTF-8 text (a byte-order mark dropped); refused when not UTF-8. */
export function decodeUtf8(name: string, bytes: Uint8Array): string {
  try {
    return new TextDecoder("utf-8", { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    throw new FileFormatError(`${name} is not UTF-8 text.`);
  }
}

/** Parses JSON or throws a FileFormatError naming the file, line and column. */
export function parseJsonFile(name: string, text: string): unknown {
  if (!text.trim()) throw new FileFormatError(`${name} is empty.`);
  try {
    return JSON.parse(text);
  } catch (err) {
    const message = (err as Error).message;
    const at = /position (\d+)/.exec(message);
    const position = at ? Number(at[1]) : /end of JSON input/.test(message) ? text.length : null;
    const where = position === null ? null : lineAndColumn(text, position);
    const reason = message.replace(/\s*\(line \d+ column \d+\)/, "").replace(/ in JSON at.*$/, "");
    throw new FileFormatError(
      `${name} is not valid JSON${where ? ` (line ${where.line}, column ${where.column})` : ""}: ${reason}.`,
    );
  }
}

/** A path inside a file as people read it: `diagrams[0].cells[3].data.threats[1]`. */
export function pathText(path: readonly (string | number)[]): string {
  return path.map((p, i) => (typeof p === "number" ? `[${p}]` : i === 0 ? p : `.${p}`)).join("");
}
