import type { Instrumentation } from "next";

// Runs once when a server instance starts: scrubs secrets from console output, and warms the
// program-wide dashboard figures in the background so the first lead to open the overview
// does not wait for eight quarters.
// `/healthz` reports the state (`dashboardCache`: warming, warm, failed or off).
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  await scrubConsole();
  await startJobsInServer();
  if (process.env.GUARDIANS_WARM_CACHE === "0") return;
  const { setWarmState } = await import("@/lib/server/metrics/cache");
  setWarmState("warming");
  setTimeout(() => {
    void (async () => {
      try {
        const { periodsWithComparison } = await import("@/lib/server/metrics/dashboard");
        const { filterQuarters } = await import("@/lib/validations/dashboard");
        const { periodMetrics, riskBudgets } = await import("@/lib/server/metrics/quarter");
        const { teamOutliers } = await import("@/lib/server/metrics/overview-outliers");
        const quarters = filterQuarters({});
        const program = { orgIds: null, teamId: null };
        // Exactly what the overview loads: the range with its comparison window.
        await Promise.all([
          periodMetrics(program, periodsWithComparison(quarters).periods),
          riskBudgets(program, quarters.at(-1)!),
          teamOutliers(program, quarters.at(-1)!),
        ]);
        setWarmState("warm");
      } catch (error) {
        setWarmState("failed");
        const { logger } = await import("@/lib/server/log");
        logger.warn({ err: error }, "dashboard warm-up skipped");
      }
    })();
  }, 1_000);
}

// Every error Next.js catches while answering (a page, a part streamed after the page answered
// 200, a route handler, a server action) gets one structured line with the reference the person
// sees on screen (its digest).
export const onRequestError: Instrumentation.onRequestError = async (error, request, context) => {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const [{ logger }, { logRequestError }] = await Promise.all([
    import("@/lib/server/log"),
    import("@/lib/server/request-errors"),
  ]);
  logRequestError(logger, error, request, context);
};

// Next.js prints uncaught errors itself (console.error), outside our logger: the same
// scrubbing applies there, so a secret quoted in an error message never reaches the output.
async function scrubConsole() {
  const { redactConsoleArg } = await import("@/lib/redact");
  for (const level of ["error", "warn", "log", "info"] as const) {
    const original = console[level].bind(console);
    console[level] = (...args: unknown[]) => original(...args.map(redactConsoleArg));
  }
}

// The job queue's workers and schedules run inside the app server unless JOBS_IN_SERVER=0 (then
// `npm run worker` runs them). `next build` loads this file too: no jobs there.
async function startJobsInServer() {
  if (process.env.NEXT_RUNTIME !== "nodejs" || process.env.NEXT_PHASE === "phase-production-build")
    return;
  const { startServerJobs } = await import("@/lib/server/jobs/runner");
  await startServerJobs();
}
