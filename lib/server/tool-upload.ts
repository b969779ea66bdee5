import "server-only";
import { FileFormatError } from "@/lib/formats/json-file";
import { DomainError } from "@/lib/server/errors";
import { readFormWithin } from "@/lib/server/transfer/upload";

const megabytes = (n: number) => `${Math.round((n / 1024 / 1024) * 10) / 10} MB`;

/**
 * The one file (field "file") and the other fields of a tool-import upload, refused with a
 * clear message when it is missing or over `maxBytes`. The app's HTTP front refuses a larger
 * body before it is read (lib/http/body-limits.ts); this checks again without the front.
 */
export async function readOneUpload(
  request: Request,
  maxBytes: number,
  what: string,
): Promise<{ file: { name: string; content: Uint8Array }; fields: Record<string, string> }> {
  const tooLarge = () =>
    new DomainError(`The ${what} is larger than ${megabytes(maxBytes)}.`, "payload_too_large");
  const slack = 1024 * 1024;
  if (Number(request.headers.get("content-length") ?? 0) > maxBytes + slack) throw tooLarge();
  const form = await readFormWithin(request, maxBytes + slack);
  if (!form)
    throw new DomainError(
      "The upload could not be read. Choose the file again and retry.",
      "bad_request",
    );
  const file = form.get("file");
  if (!file || typeof file === "string" || file.size === 0)
    throw new DomainError(`Choose the ${what} to upload.`);
  if (file.size > maxBytes) throw tooLarge();
  const fields: Record<string, string> = {};
  for (const [k, v] of form.entries()) if (typeof v === "string") fields[k] = v;
  return {
    file: { name: file.name || "upload", content: new Uint8Array(await file.arrayBuffer()) },
    fields,
  };
}

/**
 * Reads an uploaded file with `read`. A file that cannot be read at all (not JSON, not UTF-8,
 * another format) is, in a preview, the answer's one problem (the page lists it as it lists the
 * others); on commit it is refused.
 */
export function readUpload<T>(
  mode: "preview" | "commit",
  read: () => T,
): { read: T; unreadable?: undefined } | { read?: undefined; unreadable: string } {
  try {
    return { read: read() };
  } catch (err) {
    if (!(err instanceof FileFormatError)) throw err;
    if (mode === "commit") throw new DomainError(err.message);
    return { unreadable: err.message };
  }
}
