import "server-only";
import type { UploadedFile } from "@/lib/import/types";
import { DomainError } from "@/lib/server/errors";

export const MAX_UPLOAD_BYTES = 50 * 1024 * 1024;
export const MAX_UPLOAD_FILES = 13;

const megabytes = (n: number) => `${(n / 1024 / 1024).toFixed(1)} MB`;

/** The CSV files of an upload form (field "files"), within the size and count limits. */
export async function readUploads(form: FormData): Promise<UploadedFile[]> {
  const files = form.getAll("files").filter((f): f is File => typeof f !== "string" && f.size > 0);
  if (files.length === 0) throw new DomainError("Choose one or more CSV files to upload.");
  if (files.length > MAX_UPLOAD_FILES)
    throw new DomainError(`Upload at most ${MAX_UPLOAD_FILES} files at once (one of each kind).`);
  const total = files.reduce((sum, f) => sum + f.size, 0);
  if (total > MAX_UPLOAD_BYTES)
    throw new DomainError(
      `The files add up to ${megabytes(total)}; an upload can be at most ${megabytes(MAX_UPLOAD_BYTES)}. Import them in several parts, or use \`npm run import\`.`,
    );
  return Promise.all(
    files.map(async (f) => ({ name: f.name, content: new Uint8Array(await f.arrayBuffer()) })),
  );
}
