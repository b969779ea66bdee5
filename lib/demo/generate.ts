import { DEFAULT_BELT_RULES } from "@/lib/belts/default-rules";
import { simulateActivities } from "./activity";
import { simulateAgreements } from "./agreed-time";
import { simulateGrowth } from "./growth";
import { addUtcDays, startOfUtcDay } from "@/lib/period";
import { DAY, Random } from "./random";
import { generateStructure } from "./structure";
import { SCALES, type Dataset, type Scale, type UserRow } from "./types";
import { GuardianIndex, RUNBOOK, simulateReviews, simulateThreatModels } from "./work";

/** A whole believable program, simulated from a seed: same (seed, scale, today), same data. */
export function generateDataset({
  seed,
  scale,
  today,
}: {
  seed: number;
  scale: Scale;
  today: Date;
}): Dataset {
  const cfg = SCALES[scale];
  const day = startOfUtcDay(today);
  const rand = new Random(seed);
  const s = generateStructure(rand, cfg, day);
  const members = new Map<number, UserRow[]>();
  for (const u of s.users) {
    if (!u.teamId) continue;
    const list = members.get(u.teamId);
    if (list) list.push(u);
    else members.set(u.teamId, [u]);
  }
  const guardians = new GuardianIndex(s.memberships);
  const work = simulateReviews(rand, cfg, s.teams, members, guardians, s.engineers, day);
  const tm = simulateThreatModels(rand, s.teams, guardians, s.engineers, day);
  const activities = simulateActivities(
    rand,
    cfg,
    s.memberships,
    s.users,
    work.reviews,
    work.participants,
    s.start,
    day,
  );
  const growth = simulateGrowth(rand, {
    memberships: s.memberships,
    guardians,
    reviews: work.reviews,
    participants: work.participants,
    models: tm.models,
    authors: tm.authors,
    activities,
    engineers: s.engineers,
    today: day,
    demoGuardianId: s.demoGuardianId,
  });
  const active = [
    ...new Set(s.memberships.filter((m) => m.status === "ACTIVE").map((m) => m.userId)),
  ];
  const surveyDay = startOfUtcDay(addUtcDays(day, -60));
  const firstActive = (userId: number) =>
    guardians.memberships(userId).reduce((min, m) => (m.activeOn! < min ? m.activeOn! : min), day);
  return {
    program: {
      name: "Security Guardians",
      vision:
        "To nourish security ownership that consistently delights our customers with security-by-design throughout the development lifecycle.",
      mission:
        "Train, develop and empower builder teams to make security decisions about the software they create, so security reviews are faster and findings are caught earlier.",
    },
    goals: [
      {
        title: "Train three new guardians each quarter",
        metric: "NEW_GUARDIANS",
        target: 3,
        period: "QUARTER",
        higherIsBetter: true,
      },
      {
        title: "Cut review time by 25% when a guardian is involved",
        metric: "REVIEW_CYCLE_REDUCTION_PCT",
        target: 25,
        period: "QUARTER",
        higherIsBetter: true,
      },
      {
        title: "Guardians spend about 3.5 hours a month on security",
        metric: "HOURS_PER_GUARDIAN_MONTH",
        target: 3.5,
        period: "QUARTER",
        higherIsBetter: true,
      },
      {
        title: "Every team has a guardian (60% this year)",
        metric: "TEAM_COVERAGE_PCT",
        target: 60,
        period: "YEAR",
        higherIsBetter: true,
      },
      {
        title: "80% of guardians finish required training",
        metric: "TRAINING_COMPLETION_PCT",
        target: 80,
        period: "QUARTER",
        higherIsBetter: true,
      },
    ],
    orgs: s.orgs,
    teams: s.teams,
    users: s.users,
    memberships: s.memberships,
    statusChanges: s.statusChanges,
    runbook: RUNBOOK,
    ...work,
    threatModels: tm.models,
    authors: tm.authors,
    threats: tm.threats,
    activities,
    courses: growth.courses,
    completions: growth.completions,
    beltRules: Object.entries(DEFAULT_BELT_RULES).map(([belt, conditions]) => ({
      belt,
      conditions,
    })),
    beltAwards: growth.awards,
    mentorships: growth.mentorships,
    timeAgreements: simulateAgreements(seed, {
      memberships: s.memberships,
      users: s.users,
      orgs: s.orgs,
      activities,
      today: day,
      demoGuardianId: s.demoGuardianId,
    }),
    feedback: growth.feedback,
    survey: {
      title: `Annual guardian survey ${surveyDay.getUTCFullYear()}`,
      opensOn: surveyDay,
      closesOn: addUtcDays(surveyDay, 21),
      questions: [
        {
          position: 1,
          text: "The program helps me make security decisions in my team.",
          kind: "RATING",
        },
        { position: 2, text: "I have enough time for guardian work.", kind: "RATING" },
        { position: 3, text: "What should the program do differently?", kind: "TEXT" },
      ],
    },
    surveyResponses: active
      .filter(() => rand.chance(0.6))
      .map((userId) => ({
        userId,
        submittedAt: addUtcDays(surveyDay, rand.int(0, 20)),
        answers: [
          {
            position: 1,
            rating: rand.weighted([
              [5, 3],
              [4, 4],
              [3, 2],
              [2, 1],
            ]),
            text: null,
          },
          {
            position: 2,
            rating: rand.weighted([
              [5, 1],
              [4, 3],
              [3, 3],
              [2, 2],
            ]),
            text: null,
          },
          {
            position: 3,
            rating: null,
            text: rand.pick([
              "More deep-dive sessions.",
              "Recognition from managers.",
              "Office hours with AppSec.",
            ]),
          },
        ],
      })),
    // Recognition of current guardians, given while they were guardians.
    recognitions: active
      .filter(() => rand.chance(0.2))
      .map((userId) => {
        const since = Math.max(
          1,
          Math.min(300, Math.floor((day.getTime() - firstActive(userId).getTime()) / DAY)),
        );
        return {
          recipientId: userId,
          giverId: s.leadId,
          kind: rand.chance(0.3) ? "AWARD" : "KUDOS",
          title: rand.pick([
            "Threat model of the quarter",
            "Fastest review prep",
            "Security champion of the month",
            "Thanks for the deep dive",
          ]),
          reason: "Made a real difference to the team's security.",
          createdAt: addUtcDays(day, -rand.int(1, since)),
        };
      }),
  };
}
