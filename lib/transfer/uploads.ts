// What every uploaded file of an import goes through first, CSV or JSON alike.

/** The file's name without any folder, trimmed and lower-case, as files are matched by name. */
export const uploadName = (name: string) => name.split(/[\\/]/).pop()!.trim().toLowerCase();

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
