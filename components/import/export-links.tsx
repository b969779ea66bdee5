import { Download } from "lucide-react";
import { SPECS } from "@/lib/transfer/spreadsheet/files";
import { FILE_NAMES } from "@/lib/transfer/spreadsheet/spec";

/** A download link per file of the spreadsheet format, with its columns. */
export function ExportLinks() {
  return (
    <ul className="mt-2 divide-y divide-slate-100 dark:divide-slate-800" aria-label="Export files">
      {FILE_NAMES.map((file) => (
        <li
          key={file}
          className="flex flex-wrap items-baseline justify-between gap-x-4 gap-y-1 py-2"
        >
          <a
            href={`/api/transfer/export/${file}`}
            download={file}
            className="inline-flex items-center gap-1.5 font-medium text-brand-600 hover:underline dark:text-brand-100"
          >
            <Download aria-hidden className="h-4 w-4" />
            {file}
          </a>
          <code className="min-w-0 break-words text-xs text-slate-600 dark:text-slate-400">
            {SPECS[file].columns.join(", ")}
          </code>
        </li>
      ))}
    </ul>
  );
}
