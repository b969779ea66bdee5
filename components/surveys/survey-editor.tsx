"use client";

import { startTransition, useActionState, useState } from "react";
import { Button } from "@/components/ui/button";
import { Field, Select, TextArea } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { idle } from "@/lib/server/action-state";
import { saveSurveyAction } from "@/lib/server/surveys/actions";
import { MAX_QUESTIONS } from "@/lib/validations/survey";
import { SURVEY_QUESTION_KIND, type SurveyQuestionKind } from "@/lib/vocabulary";

type Draft = { key: number; kind: SurveyQuestionKind; text: string; options: string };
type EditorSurvey = {
  id: number | null;
  title: string;
  orgId: number | null;
  closesOn: string;
  questions: { kind: SurveyQuestionKind; text: string; options: string[] }[];
};

let nextKey = 1;
const draft = (q?: EditorSurvey["questions"][number]): Draft => ({
  key: nextKey++,
  kind: q?.kind ?? "RATING",
  text: q?.text ?? "",
  options: q?.options.join("\n") ?? "",
});

/**
 * The survey editor: title, who it is for, closing day and the questions (rating 1–5, single
 * choice with one option a line, or a written answer). The questions travel as JSON and are
 * validated on the server like any other field; errors show beside the question they concern.
 */
export function SurveyEditor({
  survey,
  orgs,
}: {
  survey: EditorSurvey;
  orgs: { value: string; label: string }[];
}) {
  const [state, action, pending] = useActionState(saveSurveyAction, idle);
  // Sent by hand, not as the form's action: React resets a form after its action runs, and a
  // refused form must keep what was typed (as ActionForm does).
  const submit = (event: React.FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    startTransition(() => action(data));
  };
  const [questions, setQuestions] = useState<Draft[]>(() =>
    survey.questions.length ? survey.questions.map(draft) : [draft()],
  );
  const err = (k: string) => state.fieldErrors?.[k]?.[0];
  const update = (key: number, change: Partial<Draft>) =>
    setQuestions((qs) => qs.map((q) => (q.key === key ? { ...q, ...change } : q)));
  const move = (i: number, by: number) =>
    setQuestions((qs) => {
      const next = [...qs];
      [next[i], next[i + by]] = [next[i + by], next[i]];
      return next;
    });
  const payload = JSON.stringify(
    questions.map((q) => ({
      kind: q.kind,
      text: q.text,
      options:
        q.kind === "CHOICE"
          ? q.options
              .split("\n")
              .map((o) => o.trim())
              .filter(Boolean)
          : [],
    })),
  );
  return (
    <form onSubmit={submit} noValidate className="space-y-4" aria-label="Survey">
      {survey.id !== null ? <input type="hidden" name="id" value={survey.id} /> : null}
      <input type="hidden" name="questions" value={payload} />
      <div className="grid gap-3 md:grid-cols-3">
        <Field
          label="Title"
          name="title"
          required
          defaultValue={survey.title}
          error={err("title")}
          className="md:col-span-3"
        />
        <Select
          label="Who answers"
          name="orgId"
          defaultValue={survey.orgId === null ? "" : String(survey.orgId)}
          options={[{ value: "", label: "Everyone in the program" }, ...orgs]}
          hint="People of this organisation and its sub-organisations."
          error={err("orgId")}
          className="md:col-span-2"
        />
        <Field
          label="Closes on"
          name="closesOn"
          type="date"
          required
          defaultValue={survey.closesOn}
          hint="Answers are taken until the end of this day, or until you close it."
          error={err("closesOn")}
        />
      </div>
      <ol className="space-y-3">
        {questions.map((q, i) => {
          const base = `questions.${i}`;
          return (
            <li key={q.key}>
              <fieldset className="rounded-md border border-slate-200 p-3 dark:border-slate-700">
                <legend className="px-1 text-sm font-medium">Question {i + 1}</legend>
                <div className="grid gap-3 md:grid-cols-3">
                  <Select
                    id={`q${q.key}-kind`}
                    label="Kind"
                    name={`kind-${q.key}`}
                    value={q.kind}
                    onChange={(e) => update(q.key, { kind: e.target.value as SurveyQuestionKind })}
                    options={SURVEY_QUESTION_KIND.options}
                    error={err(`${base}.kind`)}
                  />
                  <Field
                    id={`q${q.key}-text`}
                    label="Question"
                    name={`text-${q.key}`}
                    value={q.text}
                    onChange={(e) => update(q.key, { text: e.target.value })}
                    error={err(`${base}.text`)}
                    className="md:col-span-2"
                  />
                  {q.kind === "CHOICE" ? (
                    <TextArea
                      id={`q${q.key}-options`}
                      label="Options, one a line"
                      name={`options-${q.key}`}
                      rows={3}
                      value={q.options}
                      onChange={(e) => update(q.key, { options: e.target.value })}
                      error={err(`${base}.options`)}
                      className="md:col-span-3"
                    />
                  ) : null}
                </div>
                <div className="mt-2 flex flex-wrap gap-2">
                  <Button
                    type="button"
                    variant="ghost"
                    disabled={i === 0}
                    onClick={() => move(i, -1)}
                    aria-label={`Move question ${i + 1} up`}
                  >
                    Move up
                  </Button>
                  <Button
                    type="button"
                    variant="ghost"
                    disabled={i === questions.length - 1}
                    onClick={() => move(i, 1)}
                    aria-label={`Move question ${i + 1} down`}
                  >
                    Move down
                  </Button>
                  <Button
                    type="button"
                    variant="ghost"
                    disabled={questions.length === 1}
                    onClick={() => setQuestions((qs) => qs.filter((x) => x.key !== q.key))}
                    aria-label={`Remove question ${i + 1}`}
                  >
                    Remove
                  </Button>
                </div>
              </fieldset>
            </li>
          );
        })}
      </ol>
      {err("questions") ? (
        <p className="text-sm text-red-700 dark:text-red-400">{err("questions")}</p>
      ) : null}
      <div className="flex flex-wrap items-center gap-3">
        <Button
          type="button"
          variant="secondary"
          disabled={questions.length >= MAX_QUESTIONS}
          onClick={() => setQuestions((qs) => [...qs, draft()])}
        >
          Add a question
        </Button>
        <Button type="submit" disabled={pending}>
          {pending ? "Saving…" : survey.id === null ? "Create draft" : "Save draft"}
        </Button>
        <FormMessage state={state} />
      </div>
    </form>
  );
}
