"use client";

import { createContext, startTransition, useContext, useEffect, useRef, useState } from "react";
import { Button } from "./button";
import { cn } from "./cn";
import { ConfirmDialog } from "./dialog";
import { Field, Select, TextArea } from "./field";
import { FormMessage } from "./form-message";
import { idle, type ActionState } from "@/lib/server/action-state";
import { useFormAction } from "./use-form-action";

type Action = (prev: ActionState, form: FormData) => Promise<ActionState>;
export type Confirmation = { title: string; body: string; confirmLabel: string };

const StateContext = createContext<ActionState>(idle);

/** The first error the last answer gave for a field of the surrounding ActionForm. */
export function useFieldError(name: string): string | undefined {
  return useContext(StateContext).fieldErrors?.[name]?.[0];
}

/**
 * A form around a server action whose fields show their own errors (FormField, FormSelect,
 * FormTextArea read them by name). Errors of hidden fields show beside the button. With
 * `confirm`, submitting first asks in a dialog; a function decides from the form's values
 * (null: no question). Values stay in the fields after an error.
 */
export function ActionForm({
  action,
  label,
  submit,
  pendingLabel,
  hidden = {},
  confirm,
  resetOnSuccess,
  variant = "primary",
  className,
  children,
}: {
  action: Action;
  label: string;
  submit: string;
  pendingLabel?: string;
  hidden?: Record<string, string>;
  confirm?: Confirmation | ((data: FormData) => Confirmation | null);
  resetOnSuccess?: boolean;
  variant?: "primary" | "secondary";
  className?: string;
  children?: React.ReactNode;
}) {
  const [state, run, pending] = useFormAction(action);
  const form = useRef<HTMLFormElement>(null);
  const [asking, setAsking] = useState<Confirmation | null>(null);
  const [open, setOpen] = useState(false);

  useEffect(() => {
    if (state.status === "ok" && resetOnSuccess) form.current?.reset();
    if (state.status === "error")
      form.current?.querySelector<HTMLElement>("[aria-invalid=true]")?.focus();
  }, [state, resetOnSuccess]);

  const send = () => {
    if (!form.current) return;
    const data = new FormData(form.current);
    startTransition(() => run(data));
  };
  function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const question =
      typeof confirm === "function"
        ? confirm(new FormData(event.currentTarget))
        : (confirm ?? null);
    if (!question) return send();
    setAsking(question);
    setOpen(true);
  }

  // Field errors show beside their fields; those of hidden fields (tampered posts) beside the button.
  const orphans = Object.entries(state.fieldErrors ?? {})
    .filter(([k]) => k in hidden || k === "form")
    .flatMap(([, m]) => m ?? []);
  return (
    <StateContext.Provider value={state}>
      <form
        ref={form}
        onSubmit={onSubmit}
        aria-label={label}
        className={cn("flex flex-wrap items-start gap-3", className)}
      >
        {Object.entries(hidden).map(([k, v]) => (
          <input key={k} type="hidden" name={k} value={v} />
        ))}
        {children}
        <div className="flex flex-wrap items-center gap-3 self-end">
          <Button type="submit" variant={variant} disabled={pending}>
            {pending ? (pendingLabel ?? "Saving…") : submit}
          </Button>
          <FormMessage state={orphans.length ? { ...state, message: orphans.join(" ") } : state} />
        </div>
        {confirm ? (
          <ConfirmDialog
            open={open}
            onOpenChange={setOpen}
            title={asking?.title}
            body={asking?.body}
            confirmLabel={asking?.confirmLabel}
            onConfirm={send}
          />
        ) : null}
      </form>
    </StateContext.Provider>
  );
}

type FieldProps = React.ComponentProps<typeof Field>;
type SelectProps = React.ComponentProps<typeof Select>;
type TextAreaProps = React.ComponentProps<typeof TextArea>;

export function FormField(props: FieldProps) {
  const error = useFieldError(props.name);
  return <Field {...props} error={props.error ?? error} />;
}

export function FormSelect(props: SelectProps) {
  const error = useFieldError(props.name);
  return <Select {...props} error={props.error ?? error} />;
}

export function FormTextArea(props: TextAreaProps) {
  const error = useFieldError(props.name);
  return <TextArea {...props} error={props.error ?? error} />;
}

/** A labelled checkbox with its error beside it. */
export function FormCheckbox({
  label,
  name,
  id,
  defaultChecked,
}: {
  label: string;
  name: string;
  id: string;
  defaultChecked?: boolean;
}) {
  const error = useFieldError(name);
  return (
    <div className="space-y-1 self-end">
      <label htmlFor={id} className="flex items-center gap-2 text-sm">
        <input
          id={id}
          type="checkbox"
          name={name}
          defaultChecked={defaultChecked}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? `${id}-error` : undefined}
          className="h-4 w-4"
        />{" "}
        {label}
      </label>
      {error ? (
        <p id={`${id}-error`} className="text-sm text-red-700 dark:text-red-400">
          {error}
        </p>
      ) : null}
    </div>
  );
}
