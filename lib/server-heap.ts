// The production server's heap ceiling. Left alone, V8 sizes the heap from the machine's memory
// (about 4 GiB here) and lets garbage pile up to well over 1 GiB under load although the live set
// is a few hundred MiB; a ceiling makes it collect sooner. SERVER_HEAP_MB sets it (default 768).
const DEFAULT_SERVER_HEAP_MB = 768;

/** NODE_OPTIONS for `next start`: the caller's own, plus the heap ceiling unless they set one. */
export function serverNodeOptions(env: Record<string, string | undefined> = process.env): string {
  const own = (env.NODE_OPTIONS ?? "").trim();
  if (/--max-old-space-size/.test(own)) return own;
  const mb = Number(env.SERVER_HEAP_MB ?? DEFAULT_SERVER_HEAP_MB);
  const heap = Number.isInteger(mb) && mb >= 256 ? mb : DEFAULT_SERVER_HEAP_MB;
  return `${own} --max-old-space-size=${heap}`.trim();
}
