// Freezes a PostgreSQL server without closing its connections, as a hung host or a stalled
// disk would: SIGSTOP to the postmaster and every process it forked (backends, checkpointer,
// WAL writer…), SIGCONT to wake them. Linux only (reads /proc).
import fs from "node:fs";
import path from "node:path";

/** The postmaster's pid, from `postmaster.pid` in the data folder. */
export function postmasterPid(dataDir: string): number {
  const pid = Number(fs.readFileSync(path.join(dataDir, "postmaster.pid"), "utf8").split("\n")[0]);
  if (!Number.isInteger(pid) || pid <= 0) throw new Error(`no postmaster pid in ${dataDir}`);
  return pid;
}

function childrenOf(parent: number): number[] {
  const children: number[] = [];
  for (const entry of fs.readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      // "pid (comm) state ppid …": comm may hold spaces, so read after its closing parenthesis.
      const stat = fs.readFileSync(`/proc/${entry}/stat`, "utf8");
      const ppid = Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]);
      if (ppid === parent) children.push(Number(entry));
    } catch {
      // the process ended while we looked
    }
  }
  return children;
}

/** Stops the whole server (postmaster first, so it forks no new backend); returns the pids stopped. */
export function freezePostgres(dataDir: string): number[] {
  const postmaster = postmasterPid(dataDir);
  process.kill(postmaster, "SIGSTOP");
  const children = childrenOf(postmaster);
  for (const pid of children) process.kill(pid, "SIGSTOP");
  return [postmaster, ...children];
}

/** Wakes what freezePostgres stopped. */
export function thawPostgres(pids: number[]): void {
  for (const pid of pids) {
    try {
      process.kill(pid, "SIGCONT");
    } catch {
      // gone meanwhile
    }
  }
}
