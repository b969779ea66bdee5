import { decodeUtf8, FileFormatError, parseJsonFile } from "@/lib/formats/json-file";
import { looksLikeOtm, readOtm, writeOtm } from "./otm";
import { looksLikeThreatDragon, readThreatDragon, writeThreatDragon } from "./threat-dragon";
import type { PortableModel, ReadResult, ThreatModelFormat } from "./types";

/**
 * Reads an uploaded threat-model file, telling the formats apart by their shape. A file that is
 * neither (or not JSON) throws a FileFormatError; problems inside a recognised file come back in
 * `problems`, with where they are.
 */
export function readThreatModelFile(name: string, bytes: Uint8Array): ReadResult {
  const value = parseJsonFile(name, decodeUtf8(name, bytes));
  if (looksLikeOtm(value)) return readOtm(value);
  if (looksLikeThreatDragon(value)) return readThreatDragon(value);
  throw new FileFormatError(
    `${name} is neither a Threat Dragon v2 model (with "summary" and "detail") nor an Open Threat Model file (with "otmVersion").`,
  );
}

export function writeThreatModelFile(
  format: ThreatModelFormat,
  model: PortableModel & { key: string },
): string {
  const doc = format === "otm" ? writeOtm(model) : writeThreatDragon(model);
  return `${JSON.stringify(doc, null, 2)}\n`;
}
