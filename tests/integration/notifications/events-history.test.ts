// Writing history is not news: the demo seed and a restore (its CSV files and program.json)
// bring nominations, reviews, threat models, ratings, belts and published newsletters, and
// notify nobody, not even channels subscribed to every event.
import { mkdtemp, readdir, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { loadActor } from "@/lib/auth/actor";
import { db } from "@/lib/db/client";
import { seedDatabase } from "@/lib/demo/insert";
import { exportAll } from "@/lib/server/transfer/export";
import { generateDraft, lastQuarterKey, publish } from "@/lib/server/newsletters/service";
import { runImport } from "@/lib/server/transfer/run-import";
import { CHANNEL_EVENTS } from "@/lib/notifications/kinds";
import type { ChannelEvent } from "@/lib/generated/prisma/enums";
import { resetDatabase, withClient } from "../../setup/db";
import { clearQueue } from "./queue-helpers";
import { channel, NO_TRACES, traces } from "./event-world";

const url = process.env.DATABASE_URL!;
let folder = "";

afterAll(async () => {
  if (folder) await rm(folder, { recursive: true, force: true });
  await resetDatabase();
});

const history = async () => ({
  nominations: await db.guardianStatusChange.count({ where: { toStatus: "NOMINATED" } }),
  decided: await db.guardianMembership.count({ where: { approvedById: { not: null } } }),
  reviews: await db.review.count({ where: { completedAt: { not: null } } }),
  threatModels: await db.threatModel.count({ where: { status: "APPROVED" } }),
  ratings: await db.feedback.count(),
  belts: await db.beltAward.count(),
  newsletters: await db.newsletter.count({ where: { status: "PUBLISHED" } }),
});

describe("historical data", () => {
  it("the demo seed and a restore notify nobody", async () => {
    await resetDatabase();
    await clearQueue();
    await seedDatabase(url, { seed: 7, scale: "small", today: new Date() });
    expect(await traces()).toEqual(NO_TRACES);
    // The demo has no published newsletter: publish one, and forget its (live) notices.
    const lead = (await loadActor(
      (await db.user.findUniqueOrThrow({ where: { email: "lead@guardians.test" } })).id,
    ))!;
    const org = await db.org.findFirstOrThrow({
      where: { leaderId: { not: null } },
      orderBy: { id: "asc" },
    });
    await publish(lead, (await generateDraft(lead, org.id, lastQuarterKey())).id);
    await db.notification.deleteMany();
    await clearQueue();
    const seeded = await history();
    for (const [what, count] of Object.entries(seeded))
      expect(count, `the program has ${what}`).toBeGreaterThan(0);

    folder = await mkdtemp(path.join(tmpdir(), "guardians-history-"));
    await withClient(url, (c) => exportAll(c, folder));
    const roots = await db.org.findMany({
      where: { parentId: null },
      select: { key: true, name: true },
    });
    // An empty program whose top organisations have channels that want every event.
    await resetDatabase();
    await clearQueue();
    const every = Object.keys(CHANNEL_EVENTS) as ChannelEvent[];
    for (const root of roots) await channel((await db.org.create({ data: root })).id, every);
    const files = await Promise.all(
      (await readdir(folder)).sort().map(async (name) => ({
        name,
        content: new Uint8Array(await readFile(path.join(folder, name))),
      })),
    );
    const result = await withClient(url, (c) => runImport(c, files, { commit: true, actor: null }));
    expect(result.errors).toEqual([]);
    expect(result.committed).toBe(true);
    expect(await history()).toEqual(seeded);
    expect(await db.channelWebhook.count()).toBe(roots.length);
    expect(await traces()).toEqual(NO_TRACES);
  }, 120_000);
});
