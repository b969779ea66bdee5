import { z } from "zod";

// Zod compiles object schemas with `new Function` where it may, and probes for that as soon as
// a schema is defined. Pages forbid eval (their Content-Security-Policy, lib/security-headers.ts),
// so in the browser the probe is refused and reported as a violation: jitless mode skips it.
// Client components import this before any schema; the server keeps the compiled parsing.
if (typeof window !== "undefined") z.config({ jitless: true });
