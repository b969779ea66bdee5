import { ZodError } from "zod";
import { beforeEach, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { loadActor } from "@/lib/auth/session";
import { quarterOf } from "@/lib/period";
import { addUtcDays, isoDay, todayUtc } from "@/lib/period";
import { surveyResultsFor } from "@/lib/server/metrics/surveys";
import { DomainError, FieldError, NotFoundError, PermissionError } from "@/lib/server/errors";
import {
  surveyResultsForLead,
  surveysForLead,
  surveysForPerson,
} from "@/lib/server/surveys/queries";
import {
  answerSurvey,
  closeSurvey,
  deleteDraftSurvey,
  openSurvey,
  saveSurvey,
} from "@/lib/server/surveys/service";
import { surveySchema } from "@/lib/validations/survey";
import { createOrg, createUser } from "../factories";
import { resetDatabase } from "../setup/db";

beforeEach(async () => {
  await resetDatabase();
});

const inThreeWeeks = () => isoDay(addUtcDays(todayUtc(), 21));
const QUESTIONS = [
  { kind: "RATING", text: "How useful is the program?" },
  { kind: "CHOICE", text: "Which format helps most?", options: ["Workshops", "Office hours"] },
  { kind: "TEXT", text: "What should change?" },
];
const form = (v: { title?: string; orgId?: number | null; id?: number } = {}) =>
  surveySchema.parse({
    id: v.id ? String(v.id) : "",
    title: v.title ?? "Pulse survey",
    orgId: v.orgId ? String(v.orgId) : "",
    closesOn: inThreeWeeks(),
    questions: JSON.stringify(QUESTIONS),
  });

async function world() {
  const parent = await createOrg({ name: "Engineering" });
  const child = await createOrg({ name: "Payments", parentId: parent.id });
  const other = await createOrg({ name: "Retail" });
  const actor = async (roles: Parameters<typeof createUser>[0], orgId: number) =>
    (await loadActor((await createUser(roles, { orgId })).id))!;
  return {
    parent,
    child,
    other,
    lead: await actor(["LEAD"], parent.id),
    guardian: await actor(["GUARDIAN"], child.id),
    builder: await actor(["BUILDER"], child.id),
    outsider: await actor(["GUARDIAN"], other.id),
    manager: await actor(["MANAGER"], parent.id),
  };
}

/** An open survey for the parent organisation (its sub-org included). */
async function openedFor(w: Awaited<ReturnType<typeof world>>) {
  const draft = await saveSurvey(w.lead, form({ orgId: w.parent.id }));
  await openSurvey(w.lead, draft.id);
  const qs = await db.surveyQuestion.findMany({
    where: { surveyId: draft.id },
    orderBy: { position: "asc" },
  });
  const answers = (rating: string, choice: string, text = "") => ({
    surveyId: draft.id,
    [`q${qs[0].id}`]: rating,
    [`q${qs[1].id}`]: choice,
    [`q${qs[2].id}`]: text,
  });
  return { id: draft.id, qs, answers };
}

describe("writing and opening a survey", () => {
  it("a lead saves a draft, edits it, opens and closes it; each step is audited", async () => {
    const w = await world();
    const draft = await saveSurvey(w.lead, form());
    expect(draft).toMatchObject({ status: "DRAFT", orgId: null });
    expect(draft.questions.map((q) => [q.position, q.kind, q.options])).toEqual([
      [1, "RATING", []],
      [2, "CHOICE", ["Workshops", "Office hours"]],
      [3, "TEXT", []],
    ]);
    await saveSurvey(w.lead, form({ id: draft.id, title: "Autumn pulse", orgId: w.child.id }));
    await openSurvey(w.lead, draft.id);
    await expect(openSurvey(w.lead, draft.id)).rejects.toThrow("already opened");
    // An open survey's questions are fixed.
    await expect(saveSurvey(w.lead, form({ id: draft.id }))).rejects.toThrow("Only a draft");
    await closeSurvey(w.lead, draft.id);
    await expect(closeSurvey(w.lead, draft.id)).rejects.toThrow("already closed");
    const row = await db.survey.findUniqueOrThrow({ where: { id: draft.id } });
    expect(row).toMatchObject({ title: "Autumn pulse", orgId: w.child.id, status: "CLOSED" });
    // Closed early: it closes today, so its results fall in this quarter.
    expect(isoDay(row.closesOn)).toBe(isoDay(todayUtc()));
    const actions = await db.auditLog.findMany({
      where: { entity: "Survey" },
      orderBy: { id: "asc" },
      select: { action: true },
    });
    expect(actions.map((a) => a.action)).toEqual(["create", "update", "open", "close"]);
  });

  it("refuses a second draft or open survey with the same title (a double-clicked Create)", async () => {
    const w = await world();
    const results = await Promise.allSettled([
      saveSurvey(w.lead, form()),
      saveSurvey(w.lead, form({ title: "PULSE SURVEY" })),
    ]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    const refused = results.find((r) => r.status === "rejected") as PromiseRejectedResult;
    expect(refused.reason).toBeInstanceOf(FieldError);
    expect(await db.survey.count()).toBe(1);
  });

  it("refuses a closing day that has passed, and an unknown organisation, changing nothing", async () => {
    const w = await world();
    const past = { ...form(), closesOn: isoDay(addUtcDays(todayUtc(), -1)) };
    await expect(saveSurvey(w.lead, past)).rejects.toMatchObject({ field: "closesOn" });
    await expect(saveSurvey(w.lead, { ...form(), orgId: 999_999 })).rejects.toMatchObject({
      field: "orgId",
    });
    expect(await db.survey.count()).toBe(0);
    expect(await db.auditLog.count()).toBe(0);
  });

  it("a lead deletes a draft (audited with what it held); an opened survey is closed, never deleted", async () => {
    const w = await world();
    const draft = await saveSurvey(w.lead, form());
    for (const who of [w.guardian, w.manager, w.builder])
      await expect(deleteDraftSurvey(who, draft.id)).rejects.toBeInstanceOf(PermissionError);
    await deleteDraftSurvey(w.lead, draft.id);
    expect(await db.survey.count()).toBe(0);
    expect(await db.surveyQuestion.count()).toBe(0);
    const log = await db.auditLog.findFirstOrThrow({
      where: { entity: "Survey", action: "delete" },
    });
    expect(log).toMatchObject({ entityId: String(draft.id), actorId: w.lead.id });
    await expect(deleteDraftSurvey(w.lead, draft.id)).rejects.toBeInstanceOf(NotFoundError);

    const { id } = await openedFor(w);
    await expect(deleteDraftSurvey(w.lead, id)).rejects.toThrow("Only a draft can be deleted");
    expect(await db.survey.findUniqueOrThrow({ where: { id } })).toMatchObject({ status: "OPEN" });
  });

  it("only leads and admins write, open, close and read results", async () => {
    const w = await world();
    const { id } = await openedFor(w);
    for (const who of [w.guardian, w.manager, w.builder]) {
      await expect(saveSurvey(who, form({ title: "Mine" }))).rejects.toBeInstanceOf(
        PermissionError,
      );
      await expect(closeSurvey(who, id)).rejects.toBeInstanceOf(PermissionError);
      await expect(surveyResultsForLead(who, id, 1)).rejects.toBeInstanceOf(PermissionError);
      await expect(surveysForLead(who, 1)).rejects.toBeInstanceOf(PermissionError);
    }
    await expect(openSurvey(w.lead, 999_999)).rejects.toBeInstanceOf(NotFoundError);
  });
});

describe("answering", () => {
  it("people in scope answer once; a second submit writes nothing", async () => {
    const w = await world();
    const s = await openedFor(w);
    await answerSurvey(w.guardian, s.answers("4", "Workshops", "More office hours"));
    const again = await Promise.allSettled([
      answerSurvey(w.guardian, s.answers("1", "Office hours")),
      answerSurvey(w.guardian, s.answers("2", "Office hours")),
    ]);
    for (const r of again) {
      expect(r.status).toBe("rejected");
      expect((r as PromiseRejectedResult).reason.message).toMatch(/already answered/);
    }
    expect(await db.surveyResponse.count()).toBe(1);
    expect(await db.surveyAnswer.count()).toBe(3);
    // The audit log says who answered, not what.
    const entry = await db.auditLog.findFirstOrThrow({ where: { entity: "SurveyResponse" } });
    expect(entry.after).toEqual({ surveyId: s.id, userId: w.guardian.id, answers: 3 });
  });

  it("someone outside the survey's organisation cannot see or answer it", async () => {
    const w = await world();
    const s = await openedFor(w);
    await expect(answerSurvey(w.outsider, s.answers("5", "Workshops"))).rejects.toBeInstanceOf(
      NotFoundError,
    );
    expect((await surveysForPerson(w.outsider, 1)).total).toBe(0);
    expect((await surveysForPerson(w.guardian, 1)).surveys.map((x) => x.id)).toEqual([s.id]);
    expect(await db.surveyResponse.count()).toBe(0);
  });

  it("a draft is invisible and a closed survey refuses answers", async () => {
    const w = await world();
    const draft = await saveSurvey(w.lead, form({ title: "Draft" }));
    await expect(answerSurvey(w.guardian, { surveyId: draft.id })).rejects.toBeInstanceOf(
      NotFoundError,
    );
    const s = await openedFor(w);
    await closeSurvey(w.lead, s.id);
    await expect(answerSurvey(w.guardian, s.answers("5", "Workshops"))).rejects.toThrow(
      "This survey is closed.",
    );
    expect(await db.surveyResponse.count()).toBe(0);
  });

  it("missing ratings and unknown options are refused on their fields, changing nothing", async () => {
    const w = await world();
    const s = await openedFor(w);
    const error = await answerSurvey(w.builder, s.answers("", "Hackathons")).catch((e) => e);
    expect(error).toBeInstanceOf(ZodError);
    expect((error as ZodError).issues.map((i) => i.path[0])).toEqual([
      `q${s.qs[0].id}`,
      `q${s.qs[1].id}`,
    ]);
    expect(await db.surveyResponse.count()).toBe(0);
  });

  it("the person's list marks what they answered", async () => {
    const w = await world();
    const s = await openedFor(w);
    expect((await surveysForPerson(w.builder, 1)).surveys[0].answeredAt).toBeNull();
    await answerSurvey(w.builder, s.answers("3", "Office hours"));
    expect((await surveysForPerson(w.builder, 1)).surveys[0].answeredAt).toBeInstanceOf(Date);
    await closeSurvey(w.lead, s.id);
    // Closed: still listed for those who answered it, gone for those who did not.
    expect((await surveysForPerson(w.builder, 1)).total).toBe(1);
    expect((await surveysForPerson(w.guardian, 1)).total).toBe(0);
  });
});

describe("results", () => {
  it("counts, means and choices for the lead, with the written answers; the dashboard agrees", async () => {
    const w = await world();
    const s = await openedFor(w);
    await answerSurvey(w.guardian, s.answers("5", "Workshops", "Keep the workshops"));
    await answerSurvey(w.builder, s.answers("2", "Workshops"));
    await answerSurvey(w.manager, s.answers("4", "Office hours", "Shorter sessions"));
    const { result, written, writtenTotal } = await surveyResultsForLead(w.lead, s.id, 1);
    expect(result.respondents).toBe(3);
    const [rating, choice, text] = result.questions;
    expect(rating).toMatchObject({ kind: "RATING", responses: 3, mean: 11 / 3 });
    expect(choice).toMatchObject({
      kind: "CHOICE",
      responses: 3,
      distribution: [
        { option: "Workshops", count: 2 },
        { option: "Office hours", count: 1 },
      ],
    });
    expect(text).toMatchObject({ kind: "TEXT", responses: 2 });
    expect(writtenTotal).toBe(2);
    expect(written.map((x) => x.text).sort()).toEqual(["Keep the workshops", "Shorter sessions"]);
    // Written answers carry no name.
    expect(Object.keys(written[0]).sort()).toEqual(["id", "questionId", "response", "text"]);

    // Closed today, the survey feeds the feedback view of this quarter, by scope.
    await closeSurvey(w.lead, s.id);
    const q = quarterOf(todayUtc());
    const all = await surveyResultsFor({ orgIds: null, teamId: null }, q, q);
    expect(all.map((r) => [r.title, r.respondents])).toEqual([["Pulse survey", 3]]);
    expect(all[0].questions[1]).toEqual(choice);
    const child = await surveyResultsFor({ orgIds: [w.child.id], teamId: null }, q, q);
    expect(child[0].respondents).toBe(2);
  });

  it("a draft never reaches the feedback view", async () => {
    const w = await world();
    await saveSurvey(w.lead, form());
    const q = quarterOf(todayUtc());
    expect(await surveyResultsFor({ orgIds: null, teamId: null }, q, q)).toEqual([]);
  });

  it("an open survey without answers reads as no answers yet", async () => {
    const w = await world();
    const s = await openedFor(w);
    const { result } = await surveyResultsForLead(w.lead, s.id, 1);
    expect(result.respondents).toBe(0);
    expect(result.questions[0]).toMatchObject({ responses: 0, mean: null });
  });

  it("a DomainError, not a crash, for opening a draft whose closing day has passed", async () => {
    const w = await world();
    const draft = await saveSurvey(w.lead, form());
    await db.survey.update({
      where: { id: draft.id },
      data: { closesOn: addUtcDays(todayUtc(), -2) },
    });
    await expect(openSurvey(w.lead, draft.id)).rejects.toBeInstanceOf(DomainError);
    expect((await db.survey.findUniqueOrThrow({ where: { id: draft.id } })).status).toBe("DRAFT");
  });
});
