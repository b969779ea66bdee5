import { beforeEach, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { loadActor } from "@/lib/auth/actor";
import {
  changeRunbookItem,
  runbookItemSchema,
  saveRunbookItem,
} from "@/lib/server/runbook/service";
import { requestReview } from "@/lib/server/reviews/service";
import { DomainError, PermissionError } from "@/lib/server/errors";
import { createOrg, createTeam, createUser } from "../factories";
import { resetDatabase } from "../setup/db";

beforeEach(async () => {
  await resetDatabase();
});

describe("review runbook", () => {
  it("a lead adds, reorders and retires items; new reviews copy the active ones in order", async () => {
    const org = await createOrg();
    const team = await createTeam(org.id);
    const lead = (await loadActor((await createUser(["LEAD"])).id))!;
    const guardian = (await loadActor(
      (await createUser(["GUARDIAN"], { orgId: org.id, teamId: team.id })).id,
    ))!;
    const a = await saveRunbookItem(
      lead,
      runbookItemSchema.parse({ id: "", label: "Data classification" }),
    );
    await saveRunbookItem(lead, runbookItemSchema.parse({ id: "", label: "Secrets management" }));
    const c = await saveRunbookItem(lead, runbookItemSchema.parse({ id: "", label: "Logging" }));
    await changeRunbookItem(lead, { id: c.id, change: "up" });
    await changeRunbookItem(lead, { id: a.id, change: "toggle" });
    await expect(
      saveRunbookItem(lead, runbookItemSchema.parse({ id: "", label: "Logging" })),
    ).rejects.toBeInstanceOf(DomainError);
    await expect(
      saveRunbookItem(guardian, runbookItemSchema.parse({ id: "", label: "Anything" })),
    ).rejects.toBeInstanceOf(PermissionError);
    expect(runbookItemSchema.safeParse({ id: "", label: "x" }).success).toBe(false);
    const review = await requestReview(guardian, { team: team.key, service: "Cards API" });
    const list = await db.reviewChecklistItem.findMany({
      where: { reviewId: review.id },
      orderBy: { position: "asc" },
    });
    expect(list.map((i) => i.label)).toEqual(["Logging", "Secrets management"]);
  });
});
