// The audit log page's sentences and before/after, from changes made through the services.
import { beforeEach, describe, expect, it } from "vitest";
import { loadActor } from "@/lib/auth/actor";
import { db } from "@/lib/db/client";
import { listAuditEntries } from "@/lib/server/audit-log/queries";
import { saveTeam } from "@/lib/server/directory/service";
import { decideNomination, nominateGuardian } from "@/lib/server/nominations/service";
import { auditFilterSchema } from "@/lib/url-state/lists";
import { teamSchema } from "@/lib/validations/directory";
import { nominationSchema } from "@/lib/validations/nomination";
import { createOrg, createTeam, createUser } from "../factories";
import { resetDatabase } from "../setup/db";

beforeEach(async () => {
  await resetDatabase();
});

const entries = async (admin: Awaited<ReturnType<typeof loadActor>>, query = {}) =>
  (await listAuditEntries(admin!, auditFilterSchema.parse(query), 1)).entries;

describe("the audit log as sentences", () => {
  it("names the people, team and organisations of a nomination and a team's move", async () => {
    const payments = await createOrg({ name: "Payments" });
    const finance = await createOrg({ name: "Finance" });
    const team = await createTeam(payments.id, { name: "Ledger Core" });
    await db.user.create({
      data: {
        email: "marek@example.test",
        name: "Marek Müller",
        roles: ["BUILDER"],
        orgId: payments.id,
      },
    });
    const lena = await db.user.create({
      data: { email: "lena@example.test", name: "Lena Lead", roles: ["LEAD"] },
    });
    const lead = (await loadActor(lena.id))!;
    const admin = await loadActor((await createUser(["ADMIN"])).id);

    const m = await nominateGuardian(
      lead,
      nominationSchema.parse({
        teamId: team.id,
        email: "marek@example.test",
        reason: "Knows the ledger.",
      }),
    );
    await decideNomination(lead, { membershipId: m.id, decision: "approve", note: null });
    await saveTeam(
      lead,
      team.id,
      teamSchema.parse({
        name: "Ledger Core",
        orgId: String(finance.id),
        profile: "HIGH_RISK",
        pilot: "on",
        joinedOn: "2025-01-01",
        riskBudget: "30",
      }),
    );

    const [approved, nominated] = await entries(admin, { entity: "GuardianMembership" });
    const [moved] = await entries(admin, { entity: "Team" });
    expect(nominated.sentence).toBe("Lena Lead nominated Marek Müller as guardian of Ledger Core");
    expect(approved.sentence).toBe("Lena Lead approved Marek Müller as guardian of Ledger Core");
    expect(approved.changes).toEqual([
      { field: "status", label: "Status", before: "Nominated", after: "Active" },
    ]);
    expect(moved.sentence).toBe("Lena Lead updated team Ledger Core");
    const changed = Object.fromEntries(moved.changes.map((c) => [c.label, [c.before, c.after]]));
    expect(changed).toEqual({
      Organisation: ["Payments", "Finance"],
      Profile: ["None", "High risk"],
      Pilot: ["No", "Yes"],
      "Risk budget (points)": ["20", "30"],
    });
    // The approval's belt (White has no conditions by default) reads as a sentence too.
    const all = (await entries(admin)).map((e) => e.sentence);
    expect(all).toContain("Lena Lead updated team Ledger Core");
    expect(all.every((s) => !s.includes("#"))).toBe(true);
    expect(await entries(admin, { action: "approve" })).toHaveLength(1);
  });
});
