// Last quarter's newsletter for the demo managers' organisations, published through the app's
// own newsletter services (scripts/demo-newsletters.ts). Those import server-only modules, so
// they run in a child process with the react-server condition, as the worker does.
import { spawn } from "node:child_process";
import path from "node:path";
import { isoDay } from "@/lib/period";

export async function publishDemoNewsletters(url: string, today: Date): Promise<void> {
  const script = path.resolve("scripts/demo-newsletters.ts");
  const child = spawn(
    process.execPath,
    ["--conditions=react-server", "--import", "tsx", script, isoDay(today)],
    {
      env: { ...process.env, DATABASE_URL: url, NODE_OPTIONS: "" },
      stdio: ["ignore", "pipe", "pipe"],
    },
  );
  let output = "";
  child.stdout.on("data", (d) => (output += d));
  child.stderr.on("data", (d) => (output += d));
  const code = await new Promise<number | null>((resolve, reject) => {
    child.once("error", reject);
    child.once("exit", resolve);
  });
  if (code !== 0) throw new Error(`publishing the demo newsletters failed: ${output.trim()}`);
}
