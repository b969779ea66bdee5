import { DEMO_ACCOUNTS } from "./demo-accounts";
import { addUtcDays, startOfUtcDay } from "@/lib/period";
import { personNames } from "./names";
import { DAY, Random } from "./random";
import type {
  MembershipRow,
  OrgRow,
  ScaleConfig,
  StatusChangeRow,
  TeamRow,
  UserRow,
} from "./types";

const TOP_ORGS = [
  "Payments",
  "Retail",
  "Cloud Platform",
  "Devices",
  "Marketplace",
  "Identity",
  "Data",
  "Media",
  "Logistics",
  "Ads",
  "Health",
  "Travel",
  "Finance",
  "Gaming",
  "Mobility",
];
const SUB = [
  "Core",
  "Growth",
  "Infrastructure",
  "Experience",
  "Integrations",
  "Operations",
  "Analytics",
  "Mobile",
];
const TEAM_WORDS = [
  "Ledger",
  "Checkout",
  "Gateway",
  "Search",
  "Catalog",
  "Billing",
  "Auth",
  "Notifications",
  "Pricing",
  "Orders",
  "Inventory",
  "Reporting",
  "Fraud",
  "Onboarding",
  "Sync",
  "Storage",
  "Edge",
  "Mesh",
  "Insights",
  "Wallet",
  "Loyalty",
  "Shipping",
  "Returns",
  "Support",
];
export type Structure = {
  orgs: OrgRow[];
  teams: TeamRow[];
  users: UserRow[];
  memberships: MembershipRow[];
  statusChanges: StatusChangeRow[];
  engineers: number[];
  leadId: number;
  demoGuardianId: number;
  start: Date;
};

const slug = (s: string) =>
  s
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-|-$/g, "");

export function generateStructure(rand: Random, cfg: ScaleConfig, today: Date): Structure {
  const start = startOfUtcDay(addUtcDays(today, -Math.round(cfg.years * 365)));
  const orgs: OrgRow[] = [];
  for (let t = 0; t < cfg.topOrgs; t++) {
    const top = {
      id: orgs.length + 1,
      key: slug(TOP_ORGS[t % TOP_ORGS.length]) + (t >= TOP_ORGS.length ? `-${t}` : ""),
      name: TOP_ORGS[t % TOP_ORGS.length] + (t >= TOP_ORGS.length ? ` ${t}` : ""),
      parentId: null,
      leaderId: null,
    };
    orgs.push(top);
    for (let s = 0; s < cfg.subOrgsPerTop; s++) {
      const name = `${top.name} ${SUB[s % SUB.length]}${s >= SUB.length ? ` ${s}` : ""}`;
      orgs.push({ id: orgs.length + 1, key: slug(name), name, parentId: top.id, leaderId: null });
    }
  }
  const leafOrgs = orgs.filter((o) => o.parentId !== null);
  const teams: TeamRow[] = [];
  for (let i = 0; i < cfg.teams; i++) {
    const org = leafOrgs[i % leafOrgs.length];
    const pilot = i < Math.max(3, Math.round(cfg.teams * 0.08));
    const joinedOn = pilot
      ? start
      : startOfUtcDay(addUtcDays(start, rand.int(0, Math.round(cfg.years * 365 * 0.8))));
    const name = `${TEAM_WORDS[i % TEAM_WORDS.length]} ${org.name.split(" ").pop()}${i >= TEAM_WORDS.length ? ` ${Math.floor(i / TEAM_WORDS.length) + 1}` : ""}`;
    const profile = rand.weighted<string>([
      ["QUICK_WINS", 2],
      ["HIGH_IMPACT", 3],
      ["HIGH_RISK", 2],
      ["NONE", 3],
    ]);
    teams.push({
      id: i + 1,
      key: `${slug(name)}-${i + 1}`,
      name,
      orgId: org.id,
      profile,
      pilot,
      joinedOn,
      riskBudget: profile === "HIGH_RISK" ? 30 : 20,
    });
  }

  // Demo accounts first (ids 1–7), then leaders, security engineers and builders.
  const users: UserRow[] = [];
  const add = (u: Omit<UserRow, "id" | "passwordHash"> & { passwordHash?: string | null }) => {
    const row = { ...u, id: users.length + 1, passwordHash: u.passwordHash ?? null };
    users.push(row);
    return row;
  };
  const firstTeamOrg1 = teams.find((t) => orgs[t.orgId - 1].parentId === 1)!;
  const demo = (k: keyof typeof DEMO_ACCOUNTS, orgId: number | null, teamId: number | null) =>
    add({
      ...DEMO_ACCOUNTS[k],
      roles: [...DEMO_ACCOUNTS[k].roles],
      orgId,
      teamId,
      passwordHash: "DEMO",
    });
  demo("admin", null, null);
  const lead = demo("lead", null, null);
  const engineer = demo("engineer", null, null);
  const demoGuardian = demo("guardian", firstTeamOrg1.orgId, firstTeamOrg1.id);
  const manager = demo("manager", 1, null);
  demo("builder", firstTeamOrg1.orgId, firstTeamOrg1.id);
  const leader2 = demo("leader2", 1 + cfg.subOrgsPerTop + 1, null);
  orgs[0].leaderId = manager.id;
  orgs[cfg.subOrgsPerTop + 1].leaderId = leader2.id;
  const name = personNames(rand);
  for (const org of orgs.filter((o) => o.leaderId === null)) {
    const leader = add({
      email: `leader.${org.key}@example.com`,
      name: name(),
      roles: ["MANAGER"],
      orgId: org.id,
      teamId: null,
    });
    org.leaderId = leader.id;
  }
  const engineers = [engineer.id];
  const engineerCount = Math.max(4, Math.round(cfg.people / 250));
  for (let i = 1; i < engineerCount; i++)
    engineers.push(
      add({
        email: `appsec${i}@example.com`,
        name: name(),
        roles: ["SECURITY_ENGINEER"],
        orgId: null,
        teamId: null,
      }).id,
    );
  while (users.length < cfg.people) {
    const team = teams[users.length % teams.length];
    add({
      email: `person${users.length + 1}@example.com`,
      name: name(),
      roles: ["BUILDER"],
      orgId: team.orgId,
      teamId: team.id,
    });
  }

  const { memberships, statusChanges } = simulateMemberships(rand, cfg, teams, users, today, {
    demoGuardianId: demoGuardian.id,
    demoTeamId: firstTeamOrg1.id,
    leadId: lead.id,
  });
  return {
    orgs,
    teams,
    users,
    memberships,
    statusChanges,
    engineers,
    leadId: lead.id,
    demoGuardianId: demoGuardian.id,
    start,
  };
}

function simulateMemberships(
  rand: Random,
  cfg: ScaleConfig,
  teams: TeamRow[],
  users: UserRow[],
  today: Date,
  demo: { demoGuardianId: number; demoTeamId: number; leadId: number },
) {
  const memberships: MembershipRow[] = [];
  const statusChanges: StatusChangeRow[] = [];
  const byTeam = new Map<number, UserRow[]>();
  for (const u of users) {
    if (!u.teamId || !u.roles.includes("BUILDER") || u.id <= 7) continue;
    const list = byTeam.get(u.teamId);
    if (list) list.push(u);
    else byTeam.set(u.teamId, [u]);
  }
  const record = (m: Omit<MembershipRow, "id">) => {
    const row = { ...m, id: memberships.length + 1 };
    memberships.push(row);
    const change = (from: string | null, to: string, at: Date, by: number | null) =>
      statusChanges.push({
        id: statusChanges.length + 1,
        membershipId: row.id,
        fromStatus: from,
        toStatus: to,
        changedById: by,
        at,
      });
    change(null, "NOMINATED", row.nominatedOn, row.nominatedById);
    if (row.activeOn) change("NOMINATED", "ACTIVE", row.activeOn, demo.leadId);
    if (row.declinedOn) change("NOMINATED", "DECLINED", row.declinedOn, demo.leadId);
    if (row.leftOn) change("ACTIVE", "ALUMNI", row.leftOn, row.userId);
    return row;
  };
  const span = (today.getTime() - teams[0].joinedOn.getTime()) / DAY;
  const demoActive = startOfUtcDay(addUtcDays(today, -400));
  record({
    userId: demo.demoGuardianId,
    teamId: demo.demoTeamId,
    status: "ACTIVE",
    reason: "Already the team's go-to person for security questions.",
    nominatedById: null,
    approvedById: demo.leadId,
    nominatedOn: addUtcDays(demoActive, -10),
    activeOn: demoActive,
    leftOn: null,
    declinedOn: null,
  });
  for (const team of teams) {
    const people = byTeam.get(team.id) ?? [];
    if (people.length === 0 || !rand.chance(team.pilot ? 1 : cfg.guardianTeamsShare)) continue;
    const guardians = team.id === demo.demoTeamId ? 1 : rand.weighted(cfg.guardianWeights);
    for (let g = 0; g < guardians; g++) {
      const person = people[g % people.length];
      const sinceJoin = (today.getTime() - team.joinedOn.getTime()) / DAY;
      // Teams adopt the program over time: nominations land at any point after joining.
      const nominatedOn = startOfUtcDay(
        addUtcDays(
          team.joinedOn,
          rand.int(0, Math.max(1, Math.round(Math.min(sinceJoin, span) * 0.9))),
        ),
      );
      const ageDays = (today.getTime() - nominatedOn.getTime()) / DAY;
      const nominator = people[(g + 1) % people.length]?.id ?? null;
      if (ageDays < 20 && rand.chance(0.7)) {
        record({
          userId: person.id,
          teamId: team.id,
          status: "NOMINATED",
          reason: "Volunteered after the last security review.",
          nominatedById: nominator,
          approvedById: null,
          nominatedOn,
          activeOn: null,
          leftOn: null,
          declinedOn: null,
        });
        continue;
      }
      if (rand.chance(0.06)) {
        record({
          userId: person.id,
          teamId: team.id,
          status: "DECLINED",
          reason: "Keen, but new to the team.",
          nominatedById: nominator,
          approvedById: demo.leadId,
          nominatedOn,
          activeOn: null,
          leftOn: null,
          // Decided by today at the latest: no date of the data lies in the future.
          declinedOn: startOfUtcDay(
            new Date(Math.min(addUtcDays(nominatedOn, rand.int(2, 15)).getTime(), today.getTime())),
          ),
        });
        continue;
      }
      const activeOn = startOfUtcDay(addUtcDays(nominatedOn, rand.int(3, 20)));
      if (activeOn > today) continue;
      const tenure = rand.lognormal(700, 0.6);
      const leftOn =
        activeOn.getTime() + tenure * DAY < today.getTime()
          ? startOfUtcDay(addUtcDays(activeOn, Math.round(tenure)))
          : null;
      record({
        userId: person.id,
        teamId: team.id,
        status: leftOn ? "ALUMNI" : "ACTIVE",
        reason: "Cares about secure design and helps teammates.",
        nominatedById: nominator,
        approvedById: demo.leadId,
        nominatedOn,
        activeOn,
        leftOn,
        declinedOn: null,
      });
      if (!person.roles.includes("GUARDIAN")) person.roles.push("GUARDIAN");
    }
  }
  return { memberships, statusChanges };
}
