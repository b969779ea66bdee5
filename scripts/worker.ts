// Runs the job queue's workers and schedules on their own (emails, digests, reminders, alerts,
// chat posts), for servers started with JOBS_IN_SERVER=0:
//   DATABASE_URL=… NEXTAUTH_SECRET=… NEXTAUTH_URL=… npm run worker
// Several workers (and servers) may run at once: each job runs once. SIGTERM lets the jobs in
// hand finish first.
const { startJobs } = await import("../lib/server/jobs/runner");

if (!process.env.DATABASE_URL || !(process.env.NEXTAUTH_SECRET ?? process.env.AUTH_SECRET)) {
  console.error("[worker] set DATABASE_URL and NEXTAUTH_SECRET (the servers' own values).");
  process.exit(1);
}
const jobs = await startJobs();
console.log("[worker] running the job queue");
let stopping = false;
const stop = () => {
  if (stopping) return;
  stopping = true;
  console.log("[worker] stopping: finishing the jobs in hand");
  void jobs.stop(true).then(() => process.exit(0));
};
process.on("SIGTERM", stop);
process.on("SIGINT", stop);
export {};
