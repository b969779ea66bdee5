import { beforeEach, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { loadActor } from "@/lib/auth/actor";
import { listReleases } from "@/lib/server/releases/queries";
import { createRelease, updateRelease } from "@/lib/server/releases/service";
import { DomainError, FieldError, NotFoundError, PermissionError } from "@/lib/server/errors";
import { releaseSchema, releaseUpdateSchema } from "@/lib/validations/release";
import { createOrg, createTeam, createUser } from "../factories";
import { resetDatabase } from "../setup/db";
import { daysAgo } from "./action-harness";

beforeEach(async () => {
  await resetDatabase();
});

async function world() {
  const orgA = await createOrg();
  const orgB = await createOrg();
  const teamA = await createTeam(orgA.id);
  const teamA2 = await createTeam(orgA.id);
  const teamB = await createTeam(orgB.id);
  const review = (key: string, teamId: number) =>
    db.review.create({ data: { key, teamId, service: key, requestedAt: new Date("2026-01-01") } });
  await review("REV-A", teamA.id);
  await review("REV-A-2", teamA.id);
  await review("REV-A2", teamA2.id);
  await review("REV-B", teamB.id);
  const load = async (id: number) => (await loadActor(id))!;
  return {
    teamA,
    teamB,
    guardian: await load((await createUser(["GUARDIAN"], { orgId: orgA.id, teamId: teamA.id })).id),
    engineer: await load((await createUser(["SECURITY_ENGINEER"])).id),
    guardianB: await load(
      (await createUser(["GUARDIAN"], { orgId: orgB.id, teamId: teamB.id })).id,
    ),
  };
}

const fieldOf = (p: Promise<unknown>) =>
  p.then(
    () => null,
    (e: unknown) => (e instanceof FieldError ? e.field : e),
  );

describe("feature releases", () => {
  it("records a release linked to the team's review, refuses other teams' reviews, other orgs and bad dates", async () => {
    const w = await world();
    const input = (over: Record<string, string> = {}) =>
      releaseSchema.parse({
        team: w.teamA.name,
        name: "Card vault",
        startedOn: "2026-02-01",
        releasedOn: "2026-03-01",
        reviewKey: "REV-A",
        ...over,
      });
    const r = await createRelease(w.guardian, input());
    expect(r.key).toMatch(/^REL-\d{6}$/);
    await expect(createRelease(w.guardian, input({ reviewKey: "REV-B" }))).rejects.toBeInstanceOf(
      DomainError,
    );
    await expect(
      createRelease(w.guardian, input({ team: w.teamB.key, reviewKey: "" })),
    ).rejects.toThrow("That team does not exist or is not visible to you.");
    await expect(createRelease(w.engineer, input())).rejects.toBeInstanceOf(PermissionError);
    expect(
      releaseSchema.safeParse({
        team: "x",
        name: "x1",
        startedOn: "2026-03-01",
        releasedOn: "2026-02-01",
      }).error?.issues[0].message,
    ).toBe("A feature cannot be released before it started");
    expect(
      releaseSchema
        .safeParse({ team: "x", name: "x1", startedOn: daysAgo(-1) })
        .error?.issues.map((i) => i.path.join(".")),
    ).toEqual(["startedOn"]);
    expect((await listReleases(w.guardian, undefined, 1)).rows.map((x) => x.review?.key)).toEqual([
      "REV-A",
    ]);
    expect(await db.release.count()).toBe(1);
  });
});

describe("editing a release", () => {
  it("marks it released, fixes its dates and relinks a review of the same team, with the audit log", async () => {
    const w = await world();
    const r = await createRelease(
      w.guardian,
      releaseSchema.parse({
        team: w.teamA.key,
        name: "Card vault",
        startedOn: daysAgo(40),
        reviewKey: "REV-A",
      }),
    );
    const edit = (over: Record<string, string> = {}) =>
      releaseUpdateSchema.parse({
        id: String(r.id),
        name: "Card vault v2",
        startedOn: daysAgo(30),
        releasedOn: daysAgo(2),
        reviewKey: "REV-A-2",
        ...over,
      });
    await updateRelease(w.guardian, edit());
    const after = await db.release.findUniqueOrThrow({
      where: { id: r.id },
      include: { review: { select: { key: true } } },
    });
    expect([
      after.name,
      after.startedOn.toISOString().slice(0, 10),
      after.releasedOn?.toISOString().slice(0, 10),
      after.review?.key,
      after.teamId,
    ]).toEqual(["Card vault v2", daysAgo(30), daysAgo(2), "REV-A-2", w.teamA.id]);
    const log = await db.auditLog.findFirstOrThrow({
      where: { entity: "Release", entityId: String(r.id), action: "update" },
    });
    expect([(log.before as { name: string }).name, (log.after as { name: string }).name]).toEqual([
      "Card vault",
      "Card vault v2",
    ]);
    await updateRelease(w.guardian, edit({ reviewKey: "" }));
    expect((await db.release.findUniqueOrThrow({ where: { id: r.id } })).reviewId).toBeNull();
  });

  it("refuses bad dates, another team's review, the wrong role and another organisation, changing nothing", async () => {
    const w = await world();
    const r = await createRelease(
      w.guardian,
      releaseSchema.parse({
        team: w.teamA.key,
        name: "Card vault",
        startedOn: daysAgo(40),
        reviewKey: "REV-A",
      }),
    );
    const before = await db.release.findUniqueOrThrow({ where: { id: r.id } });
    const post = {
      id: String(r.id),
      name: "Card vault v2",
      startedOn: daysAgo(30),
      releasedOn: daysAgo(2),
      reviewKey: "REV-A-2",
    };
    expect(
      releaseUpdateSchema
        .safeParse({ ...post, releasedOn: daysAgo(31) })
        .error?.issues.map((i) => [i.path.join("."), i.message]),
    ).toEqual([["releasedOn", "A feature cannot be released before it started"]]);
    expect(
      releaseUpdateSchema
        .safeParse({ ...post, releasedOn: daysAgo(-1) })
        .error?.issues.map((i) => i.path.join(".")),
    ).toEqual(["releasedOn"]);
    expect(releaseUpdateSchema.safeParse({ ...post, id: "x" }).success).toBe(false);
    expect(
      await fieldOf(
        updateRelease(w.guardian, releaseUpdateSchema.parse({ ...post, reviewKey: "REV-A2" })),
      ),
    ).toBe("reviewKey"); // same org, other team
    expect(
      await fieldOf(
        updateRelease(w.guardian, releaseUpdateSchema.parse({ ...post, reviewKey: "REV-B" })),
      ),
    ).toBe("reviewKey");
    await expect(updateRelease(w.engineer, releaseUpdateSchema.parse(post))).rejects.toBeInstanceOf(
      PermissionError,
    );
    await expect(
      updateRelease(w.guardianB, releaseUpdateSchema.parse(post)),
    ).rejects.toBeInstanceOf(NotFoundError);
    await expect(
      updateRelease(w.guardian, releaseUpdateSchema.parse({ ...post, id: "987654" })),
    ).rejects.toBeInstanceOf(NotFoundError);
    expect(await db.release.findUniqueOrThrow({ where: { id: r.id } })).toEqual(before);
    expect(await db.auditLog.count({ where: { entity: "Release", action: "update" } })).toBe(0);
  });
});
