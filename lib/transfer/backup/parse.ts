// Reads program.json / passwords.json uploads into validated sections, with every problem as
// an import issue (file, the record's path, message). Pure: nothing here touches the database.
import { issue, type ImportIssue, type UploadedFile } from "@/lib/transfer/types";
import { decodeUtf8, uploadName } from "@/lib/transfer/uploads";
import { recordKeys } from "./keys";
import {
  BACKUP_FILE,
  PASSWORDS_FILE,
  passwordsFileSchema,
  programFileSchema,
  SECTION_NAMES,
  type SectionName,
  type Sections,
} from "./schema";

export type ParsedBackup = { sections: Partial<Sections>; errors: ImportIssue[] };

export const isBackupFile = (name: string) =>
  [BACKUP_FILE, PASSWORDS_FILE].includes(uploadName(name));

const pathText = (path: PropertyKey[]) =>
  path.map((p, i) => (typeof p === "number" ? `[${p}]` : `${i ? "." : ""}${String(p)}`)).join("") ||
  null;

export function parseBackupFiles(uploads: UploadedFile[]): ParsedBackup {
  const out: ParsedBackup = { sections: {}, errors: [] };
  const seen = new Set<string>();
  for (const upload of uploads) {
    const file = uploadName(upload.name);
    if (seen.has(file)) {
      out.errors.push(issue(file, null, null, `${file} was given twice`));
      continue;
    }
    seen.add(file);
    const text = decodeUtf8(upload.content);
    if (text === null) {
      out.errors.push(issue(file, null, null, `${file} is not UTF-8 text`));
      continue;
    }
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch (error) {
      out.errors.push(
        issue(file, null, null, `${file} is not valid JSON: ${(error as Error).message}`),
      );
      continue;
    }
    const parsed = (file === BACKUP_FILE ? programFileSchema : passwordsFileSchema).safeParse(json);
    if (!parsed.success) {
      for (const e of parsed.error.issues.slice(0, 1000))
        out.errors.push(issue(file, null, pathText(e.path), e.message));
      continue;
    }
    const data = parsed.data as Record<string, unknown>;
    for (const name of SECTION_NAMES.filter((s) => s in data)) {
      const value = data[name];
      const rows = (name === "program" ? (value ? [value] : []) : value) as Sections[SectionName];
      for (const i of recordKeys(name, rows).duplicates) {
        out.errors.push(
          issue(
            file,
            null,
            `${name}[${i}]`,
            `This record repeats an earlier one of ${name} (same natural key)`,
          ),
        );
      }
      (out.sections as Record<string, unknown>)[name] = rows;
    }
  }
  return out;
}
