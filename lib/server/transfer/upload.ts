import "server-only";
import type { UploadedFile } from "@/lib/transfer/types";
import { DomainError } from "@/lib/server/errors";
import { MAX_UPLOAD_BYTES } from "@/lib/http/body-limits";

export const MAX_UPLOAD_FILES = 13;

const megabytes = (n: number) => `${(n / 1024 / 1024).toFixed(1)} MB`;

/**
 * The request's multipart form, read up to `limit` bytes; null when it is longer or cannot be
 * read. The route checks Content-Length first, but a chunked body has none: without this cap
 * it would be read whole (API routes are outside proxy.ts, whose body limit used to cut it).
 */
export async function readFormWithin(request: Request, limit: number): Promise<FormData | null> {
  if (!request.body) return null;
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  try {
    for (let next = await reader.read(); !next.done; next = await reader.read()) {
      size += next.value.byteLength;
      if (size > limit) {
        await reader.cancel();
        return null;
      }
      chunks.push(next.value);
    }
  } catch {
    return null;
  }
  const type = request.headers.get("content-type") ?? "";
  return new Response(new Blob(chunks as BlobPart[]), { headers: { "content-type": type } })
    .formData()
    .catch(() => null);
}

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
