// Shared shapes of the spreadsheet import (docs/spreadsheet-format.md).

/** One problem in an upload. `line` is the 1-based line in the file (header = 1); null for a whole file. */
export type ImportIssue = {
  file: string;
  line: number | null;
  column: string | null;
  message: string;
};

export type FileCounts = { rows: number; create: number; update: number; unchanged: number };

/** What a preview or a commit reports: counts per file, every error, and warnings (ignored columns…). */
export type ImportReport = {
  files: { file: string; counts: FileCounts }[];
  errors: ImportIssue[];
  warnings: ImportIssue[];
};

/** One uploaded file: raw bytes (UTF-8, optional BOM) or already decoded text. */
export type UploadedFile = { name: string; content: string | Uint8Array };

export const issue = (
  file: string,
  line: number | null,
  column: string | null,
  message: string,
): ImportIssue => ({ file, line, column, message });

/** What the import page receives: the report with long error lists cut, and their full counts. */
export type ImportView = ImportReport & {
  mode: "preview" | "commit";
  committed: boolean;
  errorCount: number;
  warningCount: number;
};
