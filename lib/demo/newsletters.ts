// Last quarter's newsletter for the demo managers' organisations, published through the app's
// own newsletter services (scripts/demo-newsletters.ts). Those import server-only modules, so
// they run in a child process with the react-server condition, as the worker does. The child
// starts with the demo load and loads its modules meanwhile; it publishes once told the data
// is written.
import { spawn } from "node:child_process";
import path from "node:path";
import { isoDay } from "@/lib/period";

export type DemoNewsletters = { publish(): Promise<void>; cancel(): void };

export function startDemoNewsletters(url: string, today: Date): DemoNewsletters {
  const script = path.resolve("scripts/demo-newsletters.ts");
  const child = spawn(
    process.execPath,
    ["--conditions=react-server", "--import", "tsx", script, isoDay(today)],
    {
      env: { ...process.env, DATABASE_URL: url, NODE_OPTIONS: "" },
      stdio: ["pipe", "pipe", "pipe"],
    },
  );
  let output = "";
  child.stdout.on("data", (d) => (output += d));
  child.stderr.on("data", (d) => (output += d));
  child.stdin.on("error", () => {}); // a child that already failed says why through its exit
  const exited = new Promise<number | null>((resolve, reject) => {
    child.once("error", reject);
    child.once("exit", resolve);
  });
  exited.catch(() => {}); // awaited by publish(); a cancelled child's failure is nobody's concern
  return {
    async publish() {
      child.stdin.end("publish\n");
      const code = await exited;
      if (code !== 0) throw new Error(`publishing the demo newsletters failed: ${output.trim()}`);
    },
    cancel() {
      child.stdin.destroy();
      if (child.exitCode === null) child.kill();
    },
  };
}
