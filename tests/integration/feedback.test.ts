// Who reads which ratings, with two organisations: the rule lives in lib/server/feedback/queries.ts.
import { beforeEach, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { loadActor } from "@/lib/auth/actor";
import { PermissionError } from "@/lib/server/errors";
import { listFeedback } from "@/lib/server/feedback/queries";
import { createOrg, createTeam, createUser } from "../factories";
import { resetDatabase } from "../setup/db";

beforeEach(async () => {
  await resetDatabase();
});

async function organisation(name: string) {
  const manager = await createUser(["MANAGER"]);
  const org = await createOrg({ name, leaderId: manager.id });
  const sub = await createOrg({ name: `${name} / Core`, parentId: org.id });
  await db.user.update({ where: { id: manager.id }, data: { orgId: org.id } });
  const team = await createTeam(sub.id);
  const guardians = [
    await createUser(["GUARDIAN"], { orgId: sub.id, teamId: team.id }),
    await createUser(["GUARDIAN"], { orgId: sub.id, teamId: team.id }),
  ];
  const review = await db.review.create({
    data: {
      key: `REV-${name}`,
      teamId: team.id,
      service: name,
      requestedAt: new Date("2026-01-01"),
      completedAt: new Date("2026-02-01"),
    },
  });
  return { manager, team, guardians, review };
}

describe("feedback visibility", () => {
  it("guardians read their own ratings, managers their organisations', leads and engineers everyone's; builders none", async () => {
    const A = await organisation("Payments");
    const B = await organisation("Retail");
    const engineer = await createUser(["SECURITY_ENGINEER"]);
    const rate = (review: { id: number }, guardianId: number, rating: number) =>
      db.feedback.create({
        data: {
          reviewId: review.id,
          guardianId,
          raterId: engineer.id,
          rating,
          comment: `rated ${rating}`,
        },
      });
    await rate(A.review, A.guardians[0].id, 5);
    await rate(A.review, A.guardians[1].id, 3);
    await rate(B.review, B.guardians[0].id, 4);
    const as = async (id: number) => (await loadActor(id))!;
    const seen = async (id: number) => {
      const { rows, total, average } = await listFeedback(await as(id), 1);
      return { comments: rows.map((r) => r.comment).sort(), total, average };
    };
    expect(await seen(A.guardians[0].id)).toEqual({ comments: ["rated 5"], total: 1, average: 5 });
    expect(await seen(B.guardians[1].id)).toEqual({ comments: [], total: 0, average: null });
    expect(await seen(A.manager.id)).toEqual({
      comments: ["rated 3", "rated 5"],
      total: 2,
      average: 4,
    });
    expect(await seen(B.manager.id)).toEqual({ comments: ["rated 4"], total: 1, average: 4 });
    expect(await seen(engineer.id)).toEqual({
      comments: ["rated 3", "rated 4", "rated 5"],
      total: 3,
      average: 4,
    });
    expect(await seen((await createUser(["LEAD"])).id)).toMatchObject({ total: 3 });
    await expect(
      listFeedback(
        await as((await createUser(["BUILDER"], { orgId: A.team.orgId, teamId: A.team.id })).id),
        1,
      ),
    ).rejects.toBeInstanceOf(PermissionError);
  });

  it("pages the ratings newest first", async () => {
    const A = await organisation("Payments");
    const engineer = await createUser(["SECURITY_ENGINEER"]);
    const reviews = await Promise.all(
      Array.from({ length: 26 }, (_, i) =>
        db.review.create({
          data: {
            key: `REV-P-${i}`,
            teamId: A.team.id,
            service: `s${i}`,
            requestedAt: new Date("2026-01-01"),
            completedAt: new Date("2026-02-01"),
          },
        }),
      ),
    );
    for (const [i, r] of reviews.entries())
      await db.feedback.create({
        data: {
          reviewId: r.id,
          guardianId: A.guardians[0].id,
          raterId: engineer.id,
          rating: 4,
          createdAt: new Date(Date.UTC(2026, 1, 1 + i)),
        },
      });
    const reader = (await loadActor(A.guardians[0].id))!;
    const first = await listFeedback(reader, 1);
    const second = await listFeedback(reader, 2);
    expect([first.rows.length, second.rows.length, first.pages, first.total]).toEqual([
      25, 1, 2, 26,
    ]);
    expect(first.rows[0].review?.key).toBe("REV-P-25");
    expect(second.rows[0].review?.key).toBe("REV-P-0");
  });
});
