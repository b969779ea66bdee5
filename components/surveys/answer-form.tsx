"use client";

import { startTransition, useActionState } from "react";
import { Button } from "@/components/ui/button";
import { TextArea } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { idle } from "@/lib/server/action-state";
import { answerSurveyAction } from "@/lib/server/surveys/actions";
import { RATING_SCALE } from "@/lib/metrics/surveys";
import { answerField } from "@/lib/surveys/answers";
import { MAX_WRITTEN_ANSWER } from "@/lib/validations/survey";
import type { SurveyQuestionKind } from "@/lib/vocabulary";

type Question = { id: number; kind: SurveyQuestionKind; text: string; options: string[] };

const RATING_WORDS: Record<number, string> = { 1: "very poor", 3: "neutral", 5: "excellent" };

/** One group of radio buttons in a fieldset whose legend is the question. */
function RadioQuestion({
  q,
  n,
  choices,
  error,
}: {
  q: Question;
  n: number;
  choices: { value: string; label: string }[];
  error?: string;
}) {
  const name = answerField(q.id);
  return (
    <fieldset
      aria-describedby={error ? `${name}-error` : undefined}
      aria-invalid={error ? true : undefined}
      className="space-y-2"
    >
      <legend className="text-sm font-medium">
        {n}. {q.text}
      </legend>
      <div className="flex flex-wrap gap-2">
        {choices.map((c) => (
          <label
            key={c.value}
            className="flex cursor-pointer items-center gap-2 rounded-md border border-slate-300 px-3 py-2 text-sm has-[:checked]:border-brand-600 has-[:checked]:bg-brand-50 dark:border-slate-700 dark:has-[:checked]:bg-slate-800"
          >
            <input type="radio" name={name} value={c.value} className="h-4 w-4" />
            {c.label}
          </label>
        ))}
      </div>
      {error ? (
        <p id={`${name}-error`} className="text-sm text-red-700 dark:text-red-400">
          {error}
        </p>
      ) : null}
    </fieldset>
  );
}

/** The answer form: ratings and choices as radio groups, written answers as text areas. */
export function AnswerForm({ surveyId, questions }: { surveyId: number; questions: Question[] }) {
  const [state, action, pending] = useActionState(answerSurveyAction, idle);
  // Sent by hand, not as the form's action: React resets a form after its action runs, and a
  // refused form must keep what was typed (as ActionForm does).
  const submit = (event: React.FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    startTransition(() => action(data));
  };
  const err = (id: number) => state.fieldErrors?.[answerField(id)]?.[0];
  if (state.status === "ok")
    return (
      <p role="status" className="text-sm text-green-700 dark:text-green-400">
        {state.message}
      </p>
    );
  return (
    <form onSubmit={submit} noValidate className="space-y-6" aria-label="Your answers">
      <input type="hidden" name="surveyId" value={surveyId} />
      {questions.map((q, i) =>
        q.kind === "TEXT" ? (
          <TextArea
            key={q.id}
            label={`${i + 1}. ${q.text}`}
            name={answerField(q.id)}
            rows={4}
            maxLength={MAX_WRITTEN_ANSWER}
            hint="Optional. Leads read written answers without your name."
            error={err(q.id)}
          />
        ) : (
          <RadioQuestion
            key={q.id}
            q={q}
            n={i + 1}
            error={err(q.id)}
            choices={
              q.kind === "RATING"
                ? RATING_SCALE.map((r) => ({
                    value: String(r),
                    label: RATING_WORDS[r] ? `${r} (${RATING_WORDS[r]})` : String(r),
                  }))
                : q.options.map((o) => ({ value: o, label: o }))
            }
          />
        ),
      )}
      <div className="flex flex-wrap items-center gap-3">
        <Button type="submit" disabled={pending}>
          {pending ? "Sending…" : "Send answers"}
        </Button>
        <FormMessage state={state} />
      </div>
    </form>
  );
}
