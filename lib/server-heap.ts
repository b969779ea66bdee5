// The production server's heap. Left alone, V8 sizes the old generation from the machine's memory
// (about 4 GiB here) and lets garbage pile up to well over 1 GiB under load although the live set
// is a few hundred MiB; a ceiling makes it collect sooner. SERVER_HEAP_MB sets it (default 768).
// The young generation works the other way: a page render allocates a few MiB of short-lived
// objects, and V8's default 16 MiB semi-space promotes many of them to the old generation, whose
// collections then take about a tenth of the server's CPU under load. 32 MiB semi-spaces let them
// die young: the overview dashboard's CPU per request falls by about 10 % for about 40 MiB more
// memory (bench/last-run.txt). SERVER_YOUNG_MB sets it.
const DEFAULT_SERVER_HEAP_MB = 768;
const DEFAULT_SERVER_YOUNG_MB = 32;

function megabytes(value: string | undefined, fallback: number, min: number): number {
  const mb = Number(value ?? fallback);
  return Number.isInteger(mb) && mb >= min ? mb : fallback;
}

/**
 * NODE_OPTIONS for the production server: the caller's own, plus the heap ceiling and the
 * young generation's size unless they set them.
 */
export function serverNodeOptions(env: Record<string, string | undefined> = process.env): string {
  const options = [(env.NODE_OPTIONS ?? "").trim()];
  if (!/--max-old-space-size/.test(options[0]))
    options.push(
      `--max-old-space-size=${megabytes(env.SERVER_HEAP_MB, DEFAULT_SERVER_HEAP_MB, 256)}`,
    );
  if (!/--max-semi-space-size/.test(options[0]))
    options.push(
      `--max-semi-space-size=${megabytes(env.SERVER_YOUNG_MB, DEFAULT_SERVER_YOUNG_MB, 1)}`,
    );
  return options.filter(Boolean).join(" ");
}
