import { decodeUtf8, FileFormatError, parseJsonFile } from "@/lib/formats/json-file";
import { looksLikeDefectDojo, readDefectDojo } from "./defectdojo";
import { looksLikeSarif, readSarif } from "./sarif";
import type { FindingsReadResult } from "./types";

/** Reads an uploaded findings file: SARIF 2.1 or DefectDojo's API v2 findings JSON. */
export function readFindingsFile(name: string, bytes: Uint8Array): FindingsReadResult {
  const value = parseJsonFile(name, decodeUtf8(name, bytes));
  if (looksLikeSarif(value)) return readSarif(value);
  if (looksLikeDefectDojo(value)) return readDefectDojo(value);
  throw new FileFormatError(
    `${name} is neither a SARIF file (with "runs") nor DefectDojo findings JSON (with "results", or findings with "id", "title" and "severity").`,
  );
}
