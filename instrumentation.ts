// Runs once when a server instance starts: warms the program-wide dashboard figures in the
// background so the first lead to open the overview does not wait for eight quarters.
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs" || process.env.GUARDIANS_WARM_CACHE === "0") return;
  setTimeout(() => {
    void (async () => {
      try {
        const { metricsOverQuarters } = await import("@/lib/server/metrics/dashboard");
        const { filterQuarters } = await import("@/lib/validations/dashboard");
        const { riskBudgets } = await import("@/lib/server/metrics/quarter");
        const quarters = filterQuarters({});
        await Promise.all([metricsOverQuarters({ orgIds: null, teamId: null }, quarters), riskBudgets({ orgIds: null, teamId: null }, quarters.at(-1)!)]);
      } catch (error) {
        console.warn("dashboard warm-up skipped:", (error as Error).message);
      }
    })();
  }, 1_000);
}
