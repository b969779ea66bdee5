"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { formAction } from "@/lib/server/form-action";
import { surveyAnswerSchema, surveyIdSchema, surveySchema } from "@/lib/validations/survey";
import { answerSurvey, closeSurvey, deleteDraftSurvey, openSurvey, saveSurvey } from "./service";

export const saveSurveyAction = formAction(
  { name: "saveSurvey", permission: "survey.manage", schema: surveySchema },
  async (actor, input) => {
    const survey = await saveSurvey(actor, input);
    revalidatePath("/surveys");
    if (input.id === null) redirect(`/surveys/${survey.id}/edit`);
    return { status: "ok", message: "Draft saved." };
  },
);

export const openSurveyAction = formAction(
  { name: "openSurvey", permission: "survey.manage", schema: surveyIdSchema },
  async (actor, input) => {
    await openSurvey(actor, input.surveyId);
    revalidatePath("/surveys");
    redirect(`/surveys/${input.surveyId}/results`);
  },
);

export const closeSurveyAction = formAction(
  { name: "closeSurvey", permission: "survey.manage", schema: surveyIdSchema },
  async (actor, input) => {
    await closeSurvey(actor, input.surveyId);
    revalidatePath("/surveys");
    revalidatePath(`/surveys/${input.surveyId}/results`);
    return { status: "ok", message: "Survey closed: it takes no more answers." };
  },
);

export const deleteDraftSurveyAction = formAction(
  { name: "deleteDraftSurvey", permission: "survey.manage", schema: surveyIdSchema },
  async (actor, input) => {
    await deleteDraftSurvey(actor, input.surveyId);
    revalidatePath("/surveys");
    redirect("/surveys");
  },
);

export const answerSurveyAction = formAction(
  { name: "answerSurvey", permission: "survey.answer", schema: surveyAnswerSchema },
  async (actor, input) => {
    await answerSurvey(actor, input);
    revalidatePath("/surveys");
    revalidatePath(`/surveys/${input.surveyId}`);
    return { status: "ok", message: "Thank you: your answers are saved." };
  },
);
