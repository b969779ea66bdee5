"use client";

import { ActionForm } from "@/components/ui/action-form";
import {
  closeSurveyAction,
  deleteDraftSurveyAction,
  openSurveyAction,
} from "@/lib/server/surveys/actions";

/** Opens a draft, after a confirmation: its questions are fixed from then on. */
export function OpenSurveyButton({ surveyId, title }: { surveyId: number; title: string }) {
  return (
    <ActionForm
      action={openSurveyAction}
      label={`Open ${title}`}
      submit="Open survey"
      pendingLabel="Opening…"
      hidden={{ surveyId: String(surveyId) }}
      confirm={{
        title: `Open “${title}”?`,
        body: "People it is for can answer it from today. Its questions cannot change once it is open.",
        confirmLabel: "Open survey",
      }}
    />
  );
}

/** Closes an open survey, after a confirmation: no more answers are taken. */
export function CloseSurveyButton({ surveyId, title }: { surveyId: number; title: string }) {
  return (
    <ActionForm
      action={closeSurveyAction}
      label={`Close ${title}`}
      submit="Close survey"
      pendingLabel="Closing…"
      variant="secondary"
      hidden={{ surveyId: String(surveyId) }}
      confirm={{
        title: `Close “${title}”?`,
        body: "No one can answer it after this, and it cannot be reopened. Its results stay.",
        confirmLabel: "Close survey",
      }}
    />
  );
}

/** Deletes a draft, after a confirmation: nobody has seen it, so nothing else is lost. */
export function DeleteDraftButton({ surveyId, title }: { surveyId: number; title: string }) {
  return (
    <ActionForm
      action={deleteDraftSurveyAction}
      label={`Delete ${title}`}
      submit="Delete draft"
      pendingLabel="Deleting…"
      variant="secondary"
      hidden={{ surveyId: String(surveyId) }}
      confirm={{
        title: `Delete the draft “${title}”?`,
        body: "Its questions go with it. Nobody has seen it yet; this cannot be undone.",
        confirmLabel: "Delete draft",
      }}
    />
  );
}
