import { beforeEach, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { loadActor } from "@/lib/auth/actor";
import { createRelease, listReleases } from "@/lib/server/releases/service";
import { DomainError, NotFoundError, PermissionError } from "@/lib/server/errors";
import { releaseSchema } from "@/lib/validations/release";
import { createOrg, createTeam, createUser } from "../factories";
import { resetDatabase } from "../setup/db";

beforeEach(async () => {
  await resetDatabase();
});

describe("feature releases", () => {
  it("records a release linked to the team's review, refuses other teams' reviews, other orgs and bad dates", async () => {
    const orgA = await createOrg();
    const orgB = await createOrg();
    const teamA = await createTeam(orgA.id);
    const teamB = await createTeam(orgB.id);
    await db.review.create({ data: { key: "REV-A", teamId: teamA.id, service: "x", requestedAt: new Date("2026-01-01") } });
    await db.review.create({ data: { key: "REV-B", teamId: teamB.id, service: "y", requestedAt: new Date("2026-01-01") } });
    const guardian = (await loadActor((await createUser(["GUARDIAN"], { orgId: orgA.id, teamId: teamA.id })).id))!;
    const engineer = (await loadActor((await createUser(["SECURITY_ENGINEER"])).id))!;
    const input = (over: Record<string, string> = {}) => releaseSchema.parse({ teamId: String(teamA.id), name: "Card vault", startedOn: "2026-02-01", releasedOn: "2026-03-01", reviewKey: "REV-A", ...over });
    const r = await createRelease(guardian, input());
    expect(r.key).toMatch(/^REL-\d{6}$/);
    await expect(createRelease(guardian, input({ reviewKey: "REV-B" }))).rejects.toBeInstanceOf(DomainError);
    await expect(createRelease(guardian, input({ teamId: String(teamB.id), reviewKey: "" }))).rejects.toBeInstanceOf(NotFoundError);
    await expect(createRelease(engineer, input())).rejects.toBeInstanceOf(PermissionError);
    expect(releaseSchema.safeParse({ teamId: "1", name: "x1", startedOn: "2026-03-01", releasedOn: "2026-02-01" }).error?.issues[0].message).toBe("A feature cannot be released before it started");
    expect((await listReleases(guardian, undefined, 1)).rows.map((x) => x.review?.key)).toEqual(["REV-A"]);
    expect(await db.release.count()).toBe(1);
  });
});
