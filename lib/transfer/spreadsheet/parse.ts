// Reads uploaded files into validated rows: file names, encoding, header, then each row
// through its file's zod schema. Pure: nothing here touches the database.
import { readCsv } from "@/lib/transfer/csv";
import { restoreCell } from "@/lib/transfer/csv-formulas";
import { specFor } from "./files";
import { FILE_NAMES, type AnySpec, type FileName } from "./spec";
import { issue, type ImportIssue, type UploadedFile } from "@/lib/transfer/types";
import { decodeUtf8, uploadName } from "@/lib/transfer/uploads";

export type ParsedRow<Row> = { line: number; row: Row };

export type ParsedFile = {
  spec: AnySpec;
  /** Known columns the header has, in the spec's order. */
  present: string[];
  /** Data rows in the file (blank lines not counted), valid or not. */
  total: number;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- rows of differently typed files
  rows: ParsedRow<any>[];
  /** Keys of rows that failed validation, so rows pointing at them are not reported twice. */
  failedKeys: Set<string>;
};

export type ParseResult = { files: ParsedFile[]; errors: ImportIssue[]; warnings: ImportIssue[] };

const headerName = (h: string) =>
  h
    .trim()
    .toLowerCase()
    .replace(/[\s-]+/g, "_");

export function parseImportFiles(uploads: UploadedFile[]): ParseResult {
  const errors: ImportIssue[] = [];
  const warnings: ImportIssue[] = [];
  const byName = new Map<FileName, ParsedFile>();
  for (const upload of uploads) {
    const name = uploadName(upload.name);
    const spec = specFor(name);
    if (!spec) {
      errors.push(
        issue(
          upload.name,
          null,
          null,
          `${upload.name} is not one of the import files (${FILE_NAMES.join(", ")})`,
        ),
      );
      continue;
    }
    if (byName.has(spec.name)) {
      errors.push(issue(spec.name, null, null, `${spec.name} was uploaded twice`));
      continue;
    }
    const parsed = parseFile(spec, upload.content, errors, warnings);
    if (parsed) byName.set(spec.name, parsed);
  }
  return { files: FILE_NAMES.flatMap((n) => byName.get(n) ?? []), errors, warnings };
}

function parseFile(
  spec: AnySpec,
  content: string | Uint8Array,
  errors: ImportIssue[],
  warnings: ImportIssue[],
): ParsedFile | null {
  const file = spec.name;
  const text = decodeUtf8(content);
  if (text === null) {
    errors.push(issue(file, null, null, "The file is not UTF-8 text: save it as “CSV UTF-8”"));
    return null;
  }
  const csv = readCsv(text);
  if (csv.error) {
    errors.push(issue(file, csv.error.line, null, csv.error.message));
    return null;
  }
  const [head, ...body] = csv.records;
  if (!head || head.cells.every((c) => c.trim() === "")) {
    errors.push(
      issue(file, 1, null, "The file is empty: it needs a header row with the column names"),
    );
    return null;
  }
  const header = head.cells.map(headerName);
  const known = new Set(spec.columns);
  const seen = new Set<string>();
  let headerOk = true;
  header.forEach((h, i) => {
    if (h === "" && body.every((r) => (r.cells[i] ?? "").trim() === "")) return; // a trailing empty column
    if (seen.has(h)) {
      errors.push(
        issue(file, 1, h || null, `The column ${h || "(no name)"} appears twice in the header`),
      );
      headerOk = false;
    } else if (!known.has(h)) {
      warnings.push(
        issue(
          file,
          1,
          h || null,
          `The column ${h || "(no name)"} is not part of ${file} and is ignored`,
        ),
      );
    }
    seen.add(h);
  });
  for (const c of spec.required) {
    if (!seen.has(c)) {
      errors.push(issue(file, 1, c, `The column ${c} is missing from the header`));
      headerOk = false;
    }
  }
  const extra = spec.headerProblem?.(seen);
  if (extra) {
    errors.push(issue(file, 1, null, extra));
    headerOk = false;
  }
  const present = spec.columns.filter((c) => seen.has(c));
  const index = new Map(present.map((c) => [c, header.indexOf(c)]));
  const numeric = new Set(spec.numeric);
  const parsed: ParsedFile = { spec, present, total: 0, rows: [], failedKeys: new Set() };
  const firstLine = new Map<string, number>();
  for (const record of body) {
    if (record.cells.every((c) => c.trim() === "")) continue;
    parsed.total++;
    if (!headerOk) continue;
    if (
      record.cells.length > header.length &&
      record.cells.slice(header.length).some((c) => c.trim() !== "")
    ) {
      errors.push(
        issue(
          file,
          record.line,
          null,
          `This row has ${record.cells.length} cells but the header has ${header.length} columns`,
        ),
      );
      continue;
    }
    const raw: Record<string, string> = {};
    for (const c of spec.columns) {
      const cell = index.has(c) ? (record.cells[index.get(c)!] ?? "").trim() : "";
      // Undo what the export did against formula injection, on text columns only.
      raw[c] = numeric.has(c) ? cell : restoreCell(cell);
    }
    const result = spec.schema.safeParse(raw);
    if (!result.success) {
      for (const e of result.error.issues)
        errors.push(issue(file, record.line, e.path.length ? String(e.path[0]) : null, e.message));
      if (spec.defines) {
        const key =
          spec.defines === "user" ? raw[spec.keyColumn].toLowerCase() : raw[spec.keyColumn];
        parsed.failedKeys.add(key);
        if (!firstLine.has(key)) firstLine.set(key, record.line);
      }
      continue;
    }
    if (!spec.repeatable) {
      const key = spec.key(result.data);
      const first = firstLine.get(key);
      if (first !== undefined) {
        errors.push(
          issue(
            file,
            record.line,
            spec.keyColumn,
            `Duplicate ${spec.keyName} “${key}”: also on line ${first}`,
          ),
        );
        continue;
      }
      firstLine.set(key, record.line);
    }
    parsed.rows.push({ line: record.line, row: result.data });
  }
  return parsed;
}
