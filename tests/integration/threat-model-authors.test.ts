// Co-authors chosen when a threat model is created obey the same rule as authors added later:
// people of the team's organisation or security engineers; anyone else refuses the whole model.
import { beforeEach, describe, expect, it } from "vitest";
import { loadActor } from "@/lib/auth/actor";
import { db } from "@/lib/db/client";
import { FieldError } from "@/lib/server/errors";
import { createThreatModel } from "@/lib/server/threat-models/service";
import { threatModelSchema } from "@/lib/validations/threat-model";
import { createOrg, createTeam, createUser } from "../factories";
import { resetDatabase } from "../setup/db";

beforeEach(async () => {
  await resetDatabase();
});

async function world() {
  const orgA = await createOrg();
  const orgB = await createOrg();
  const team = await createTeam(orgA.id);
  const guardian = await createUser(["GUARDIAN"], { orgId: orgA.id, teamId: team.id });
  const colleague = await createUser(["BUILDER"], { orgId: orgA.id });
  const engineer = await createUser(["SECURITY_ENGINEER"]);
  const stranger = await createUser(["BUILDER"], { orgId: orgB.id });
  return { team, guardian, colleague, engineer, stranger };
}

const form = (fields: Record<string, string>) => threatModelSchema.parse(fields);

describe("threat-model co-authors", () => {
  it("reads the picker's comma-separated emails; each co-author is recorded once, with the creator", async () => {
    const w = await world();
    const input = form({
      team: w.team.key,
      system: "Card vault",
      authors: ` ${w.colleague.email.toUpperCase()}, ${w.engineer.email},${w.colleague.email}, ${w.guardian.email}`,
    });
    expect(input.authors).toEqual([w.colleague.email, w.engineer.email, w.guardian.email]);
    const tm = await createThreatModel((await loadActor(w.guardian.id))!, input);
    const authors = await db.threatModelAuthor.findMany({ where: { threatModelId: tm.id } });
    expect(authors.map((a) => a.userId).sort()).toEqual(
      [w.guardian.id, w.colleague.id, w.engineer.id].sort(),
    );
    // Without the field: the creator alone, as before.
    const alone = await createThreatModel(
      (await loadActor(w.guardian.id))!,
      form({ team: w.team.key, system: "Payouts" }),
    );
    expect(await db.threatModelAuthor.count({ where: { threatModelId: alone.id } })).toBe(1);
  });

  it("refuses another organisation's person beside the field and creates nothing; bad emails fail validation", async () => {
    const w = await world();
    const guardian = (await loadActor(w.guardian.id))!;
    const refused = createThreatModel(
      guardian,
      form({ team: w.team.key, system: "Card vault", authors: w.stranger.email }),
    );
    await expect(refused).rejects.toBeInstanceOf(FieldError);
    await expect(refused).rejects.toMatchObject({ field: "authors" });
    expect(await db.threatModel.count()).toBe(0);
    expect(
      threatModelSchema.safeParse({
        team: w.team.key,
        system: "Card vault",
        authors: "not-an-email",
      }).success,
    ).toBe(false);
    const many = Array.from({ length: 11 }, (_, i) => `p${i}@example.test`).join(",");
    expect(
      threatModelSchema.safeParse({ team: w.team.key, system: "Card vault", authors: many })
        .success,
    ).toBe(false);
  });
});
