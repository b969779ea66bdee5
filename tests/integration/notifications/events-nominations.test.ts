// Nomination events notify the people concerned in the change's own transaction.
import { beforeEach, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { decideNomination, nominateGuardian } from "@/lib/server/nominations/service";
import { DomainError } from "@/lib/server/errors";
import { nominationSchema } from "@/lib/validations/nomination";
import { resetDatabase } from "../../setup/db";
import { clearQueue, jobsIn } from "./queue-helpers";
import { eventWorld, failingAtCommit, notified, NO_TRACES, traces } from "./event-world";

beforeEach(async () => {
  await resetDatabase();
  await clearQueue();
});

const nomination = (teamId: number, email: string) =>
  nominationSchema.parse({
    teamId,
    email,
    reason: "Cares about secure defaults and helps the team.",
  });

async function emailOf(id: number) {
  return (await db.user.findUniqueOrThrow({ where: { id } })).email;
}

describe("nomination submitted", () => {
  it("tells the active leads and admins who decide it, once, and not the nominator", async () => {
    const w = await eventWorld();
    const m = await nominateGuardian(
      w.as.manager,
      nomination(w.team.id, await emailOf(w.ids.builder)),
    );
    const key = `nomination:${m.id}:submitted`;
    expect(await notified("NOMINATION_SUBMITTED")).toEqual([
      [w.ids.lead, "/nominations", key],
      [w.ids.admin, "/nominations", key],
    ]);
    const n = await db.notification.findFirstOrThrow({ where: { userId: w.ids.lead } });
    expect(n.title).toBe("Mona Manager nominated Bob Builder as guardian of Payments API");
    expect(n.body).toBe("Cares about secure defaults and helps the team.");
    // Immediate by default: one outbox email and one job per lead.
    expect(await jobsIn("notification-email")).toHaveLength(2);
    // The same nomination again is refused and notifies nobody twice.
    await expect(
      nominateGuardian(w.as.manager, nomination(w.team.id, await emailOf(w.ids.builder))),
    ).rejects.toBeInstanceOf(DomainError);
    expect(await db.notification.count()).toBe(2);
  });

  it("leaves out a lead who nominates someone", async () => {
    const w = await eventWorld();
    await nominateGuardian(w.as.lead, nomination(w.team.id, await emailOf(w.ids.builder)));
    expect((await notified("NOMINATION_SUBMITTED")).map(([id]) => id)).toEqual([w.ids.admin]);
  });

  it("notifies nobody when the nomination rolls back", async () => {
    const w = await eventWorld();
    const email = await emailOf(w.ids.builder);
    await failingAtCommit(() => nominateGuardian(w.as.manager, nomination(w.team.id, email)));
    expect(await db.guardianMembership.count({ where: { status: "NOMINATED" } })).toBe(0);
    expect(await traces()).toEqual(NO_TRACES);
  });
});

describe("nomination decided", () => {
  it("tells the nominee and the nominator, not the lead who decided", async () => {
    const w = await eventWorld();
    const m = await nominateGuardian(
      w.as.manager,
      nomination(w.team.id, await emailOf(w.ids.builder)),
    );
    await decideNomination(w.as.lead, { membershipId: m.id, decision: "approve", note: null });
    const link = `/directory/teams/${w.team.id}`;
    const key = `nomination:${m.id}:decided`;
    expect(await notified("NOMINATION_DECIDED")).toEqual([
      [w.ids.manager, link, key],
      [w.ids.builder, link, key],
    ]);
    const titles = await db.notification.findMany({
      where: { kind: "NOMINATION_DECIDED" },
      orderBy: { userId: "asc" },
      select: { title: true, body: true },
    });
    expect(titles).toEqual([
      {
        title: "Bob Builder's nomination as guardian of Payments API was approved",
        body: "Lena Lead approved it.",
      },
      { title: "You are now a guardian of Payments API", body: "Lena Lead approved it." },
    ]);
    // Deciding again is refused; nobody hears twice.
    await expect(
      decideNomination(w.as.lead, { membershipId: m.id, decision: "approve", note: null }),
    ).rejects.toBeInstanceOf(DomainError);
    expect(await db.notification.count({ where: { kind: "NOMINATION_DECIDED" } })).toBe(2);
  });

  it("says why a nomination was declined", async () => {
    const w = await eventWorld();
    const m = await nominateGuardian(
      w.as.manager,
      nomination(w.team.id, await emailOf(w.ids.builder)),
    );
    await decideNomination(w.as.admin, {
      membershipId: m.id,
      decision: "decline",
      note: "The team already has two guardians.",
    });
    const toNominee = await db.notification.findFirstOrThrow({
      where: { kind: "NOMINATION_DECIDED", userId: w.ids.builder },
    });
    expect(toNominee).toMatchObject({
      title: "Your nomination as guardian of Payments API was declined",
      body: "Adam Admin: The team already has two guardians.",
    });
  });

  it("notifies nobody when the decision rolls back", async () => {
    const w = await eventWorld();
    const m = await nominateGuardian(
      w.as.manager,
      nomination(w.team.id, await emailOf(w.ids.builder)),
    );
    const before = await traces();
    await failingAtCommit(() =>
      decideNomination(w.as.lead, { membershipId: m.id, decision: "approve", note: null }),
    );
    expect((await db.guardianMembership.findUniqueOrThrow({ where: { id: m.id } })).status).toBe(
      "NOMINATED",
    );
    expect(await traces()).toEqual(before);
    expect(await db.notification.count({ where: { kind: "NOMINATION_DECIDED" } })).toBe(0);
  });
});
