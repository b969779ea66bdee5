import "server-only";
import type pg from "pg";
import { can } from "@/lib/auth/permissions";
import { jobClient } from "@/lib/db/connections";
import type { SessionActor } from "@/lib/auth/session";
import { exportCsv } from "@/lib/server/transfer/export";
import type { FileName } from "@/lib/transfer/spreadsheet/spec";
import type { UploadedFile } from "@/lib/transfer/types";
import { PermissionError } from "@/lib/server/errors";
import { runImport, type ImportResult } from "./run-import";

// Imports and exports use a connection of their own (not the Prisma pool): one long
// transaction or snapshot with bulk statements, on the long jobs' budget (lib/db/budgets.ts).
async function withClient<T>(run: (c: pg.Client) => Promise<T>): Promise<T> {
  const client = jobClient(process.env.DATABASE_URL!);
  await client.connect();
  try {
    return await run(client);
  } finally {
    await client.end().catch(() => {});
  }
}

// The role-grant rule applies to the person importing (lib/transfer/role-grants.ts).
const importActor = (actor: SessionActor) => ({ id: actor.id, roles: actor.roles });

/** Validates the files and counts what a commit would create, update and leave; writes nothing. */
export async function previewImport(
  actor: SessionActor,
  files: UploadedFile[],
): Promise<ImportResult> {
  if (!can(actor, "import.run")) throw new PermissionError();
  return withClient((c) => runImport(c, files, { commit: false, actor: importActor(actor) }));
}

/** Validates again and writes every file in one transaction; on any error nothing is written. */
export async function commitImport(
  actor: SessionActor,
  files: UploadedFile[],
): Promise<ImportResult> {
  if (!can(actor, "import.run")) throw new PermissionError();
  return withClient((c) => runImport(c, files, { commit: true, actor: importActor(actor) }));
}

/** One file of the export as a stream of UTF-8 bytes, read in one snapshot on its own connection. */
export async function openExport(
  actor: SessionActor,
  file: FileName,
): Promise<ReadableStream<Uint8Array>> {
  if (!can(actor, "import.run")) throw new PermissionError();
  const client = jobClient(process.env.DATABASE_URL!);
  await client.connect();
  let open = true;
  const close = async () => {
    if (!open) return;
    open = false;
    await client.query("COMMIT").catch(() => {});
    await client.end().catch(() => {});
  };
  try {
    await client.query("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY");
  } catch (error) {
    await close();
    throw error;
  }
  const chunks = exportCsv(client, file);
  const encoder = new TextEncoder();
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      try {
        const next = await chunks.next();
        if (next.done) {
          await close();
          controller.close();
        } else controller.enqueue(encoder.encode(next.value));
      } catch (error) {
        await close();
        controller.error(error);
      }
    },
    async cancel() {
      await close();
    },
  });
}
