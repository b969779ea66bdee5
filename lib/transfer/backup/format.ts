// program.json as text: one record per line, sections in a fixed order, so files diff well
// and two exports of the same program are byte for byte the same (except exportedAt).
import { BACKUP_FORMAT, BACKUP_VERSION, type SectionName, type Sections } from "./schema";

/** The file in chunks (one per section), to be streamed. `single` sections are written as one object (or null). */
export function* backupChunks<S extends SectionName>(
  sections: Pick<Sections, S>,
  order: readonly S[],
  opts: { exportedAt: Date; single?: S[] },
): Generator<string> {
  yield `{\n  "format": "${BACKUP_FORMAT}",\n  "version": ${BACKUP_VERSION},\n  "exportedAt": ${JSON.stringify(opts.exportedAt.toISOString())}`;
  for (const name of order) {
    const rows = sections[name];
    if (opts.single?.includes(name))
      yield `,\n  ${JSON.stringify(name)}: ${JSON.stringify(rows[0] ?? null)}`;
    else if (rows.length === 0) yield `,\n  ${JSON.stringify(name)}: []`;
    else
      yield `,\n  ${JSON.stringify(name)}: [\n${rows.map((r) => `    ${JSON.stringify(r)}`).join(",\n")}\n  ]`;
  }
  yield "\n}\n";
}
