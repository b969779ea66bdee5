// Names on the program-wide recognition wall lead somewhere for everyone: the full profile for
// those allowed to read it, else the person's public card (name, team, belts, recognition),
// and nothing at all for someone of another organisation the wall does not show.
import { beforeEach, describe, expect, it } from "vitest";
import { loadActor } from "@/lib/auth/actor";
import { db } from "@/lib/db/client";
import { getPersonCard } from "@/lib/server/people/card";
import { getProfilePerson } from "@/lib/server/people/profile";
import { wall } from "@/lib/server/recognition/service";
import { createOrg, createTeam, createUser } from "../factories";
import { resetDatabase } from "../setup/db";

beforeEach(async () => {
  await resetDatabase();
});

async function world() {
  const orgA = await createOrg();
  const orgB = await createOrg();
  const teamB = await createTeam(orgB.id, { name: "Till" });
  const guardian = await createUser(["GUARDIAN"], { orgId: orgA.id });
  const colleague = await createUser(["BUILDER"], { orgId: orgA.id });
  const belted = await createUser(["GUARDIAN"], { orgId: orgB.id, teamId: teamB.id });
  const thanked = await createUser(["BUILDER"], { orgId: orgB.id });
  const unseen = await createUser(["BUILDER"], { orgId: orgB.id });
  const lead = await createUser(["LEAD"]);
  await db.beltAward.create({
    data: { userId: belted.id, belt: "WHITE", awardedOn: new Date("2026-10-01"), evidence: {} },
  });
  await db.beltAward.create({
    data: {
      userId: unseen.id,
      belt: "WHITE",
      awardedOn: new Date("2026-10-01"),
      evidence: {},
      revokedAt: new Date(),
    },
  });
  await db.recognition.create({
    data: {
      recipientId: thanked.id,
      giverId: lead.id,
      kind: "KUDOS",
      title: "Fast fix",
      reason: "Patched it",
    },
  });
  return { guardian, colleague, belted, thanked, unseen, lead };
}

describe("person card", () => {
  it("every name on the wall opens a profile or a card for a guardian of another organisation", async () => {
    const w = await world();
    const guardian = (await loadActor(w.guardian.id))!;
    const names = (await wall()).map((i) => i.person.id);
    expect(new Set(names)).toEqual(new Set([w.belted.id, w.thanked.id]));
    for (const id of names) {
      expect(await getProfilePerson(guardian, id)).toBeNull(); // not their organisation
      expect(await getPersonCard(guardian, id)).not.toBeNull();
    }
    const card = (await getPersonCard(guardian, w.belted.id))!;
    expect(card).toMatchObject({ name: w.belted.name, team: { name: "Till" } });
    expect(card.beltAwards.map((b) => b.belt)).toEqual(["WHITE"]);
    expect((await getPersonCard(guardian, w.thanked.id))!.recognitionsReceived).toMatchObject([
      { title: "Fast fix", giver: { name: w.lead.name } },
    ]);
  });

  it("another organisation's person the wall does not show answers as missing; colleagues and leads see the full profile", async () => {
    const w = await world();
    const guardian = (await loadActor(w.guardian.id))!;
    // A revoked belt is off the wall, so it opens no card either.
    expect(await getPersonCard(guardian, w.unseen.id)).toBeNull();
    expect(await getPersonCard(guardian, 999_999)).toBeNull();
    expect(await getProfilePerson(guardian, w.colleague.id)).not.toBeNull();
    expect(await getProfilePerson((await loadActor(w.lead.id))!, w.belted.id)).not.toBeNull();
    // Someone with no role reads nothing of the program.
    const nobody = await createUser([], { orgId: w.belted.orgId });
    expect(await getPersonCard((await loadActor(nobody.id))!, w.thanked.id)).toBeNull();
  });
});

describe("contest placings on the wall and the card", () => {
  it("a placing alone opens the card; hiding oneself takes the placing off the wall and closes the card", async () => {
    const w = await world();
    const guardian = (await loadActor(w.guardian.id))!;
    const contest = await db.event.create({
      data: {
        kind: "CONTEST",
        title: "Capture the flag",
        startsAt: new Date(Date.now() - 86_400_000),
        quarterHours: 8,
        capacity: 10,
        createdById: w.lead.id,
      },
    });
    const cancelled = await db.event.create({
      data: {
        kind: "CONTEST",
        title: "Called off",
        startsAt: new Date(Date.now() - 86_400_000),
        quarterHours: 8,
        capacity: 10,
        createdById: w.lead.id,
        cancelledAt: new Date(),
      },
    });
    await db.eventRegistration.create({
      data: { eventId: contest.id, userId: w.unseen.id, attended: true, placing: 1 },
    });
    await db.eventRegistration.create({
      data: { eventId: cancelled.id, userId: w.unseen.id, attended: true, placing: 2 },
    });

    const mine = (await wall()).filter((i) => i.person.id === w.unseen.id);
    expect(mine.map((i) => i.text)).toEqual(["placed 1st in the contest “Capture the flag”"]);
    const card = (await getPersonCard(guardian, w.unseen.id))!;
    expect(card.eventRegistrations).toMatchObject([
      { placing: 1, event: { title: "Capture the flag" } },
    ]);

    await db.user.update({ where: { id: w.unseen.id }, data: { hideFromRecognition: true } });
    expect((await wall()).some((i) => i.person.id === w.unseen.id)).toBe(false);
    expect(await getPersonCard(guardian, w.unseen.id)).toBeNull();
  });
});
