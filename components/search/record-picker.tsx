"use client";

import { X } from "lucide-react";
import { useEffect, useId, useRef, useState } from "react";
import { useFieldError } from "@/components/ui/action-form";
import { cn } from "@/components/ui/cn";
import { fieldIds, FieldMessages, inputClass } from "@/components/ui/field";
import { useSuggestions } from "@/components/ui/use-suggestions";
import {
  MIN_QUERY_LENGTH,
  SEARCH_TYPE_LABELS,
  type SearchHit,
  type SearchType,
} from "@/lib/search/query";

export type PickedRecord = Pick<SearchHit, "id" | "key" | "title" | "detail">;
type Answer = { hits: SearchHit[]; total: number };
const NONE: Answer = { hits: [], total: 0 };

type PickerProps = {
  type: SearchType;
  label: string;
  name: string;
  id?: string;
  /** What the form sends for a chosen record: its id, or its key (a person's email). */
  submit?: "id" | "key";
  /**
   * Several records, shown as removable chips, sent as one value separated by commas (a form
   * field holds one value: lib/server/failure.ts `formFields`).
   */
  multiple?: boolean;
  defaultValue?: PickedRecord[];
  /** Only people who can still take part (not deactivated). */
  activeOnly?: boolean;
  hint?: string;
  error?: string;
  required?: boolean;
  placeholder?: string;
  className?: string;
};

/**
 * Choose people, teams, reviews or threat models by name, email or key: the ARIA 1.2 combobox
 * pattern (arrows move through the suggestions, Enter picks, Escape closes) over the server's
 * search (GET /api/search, within what the person may see), with each suggestion's team and
 * email or state to tell namesakes apart. The chosen records show as chips with a remove
 * button. Until something is chosen the typed text itself is sent, so the field works without
 * JavaScript and the server checks the value exactly as it checks a typed one.
 */
export function RecordPicker({
  type,
  label,
  name,
  id,
  submit = "id",
  multiple = false,
  defaultValue = [],
  activeOnly,
  hint,
  error,
  required,
  placeholder,
  className,
}: PickerProps) {
  const { fieldId, describedBy } = fieldIds(name, id, error, hint);
  const listId = useId();
  const input = useRef<HTMLInputElement>(null);
  const chips = useRef<HTMLUListElement>(null);
  const [chosen, setChosen] = useState<PickedRecord[]>(defaultValue);
  const [text, setText] = useState("");
  const [found, setFound] = useState<Answer>(NONE);
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(-1);
  const [note, setNote] = useState("");
  const noun = SEARCH_TYPE_LABELS[type].toLowerCase();
  const source = `/api/search?type=${type}${activeOnly ? "&active=1" : ""}`;
  const options = found.hits.filter((h) => !chosen.some((c) => c.id === h.id));
  const lookUp = useSuggestions<Answer>(
    source,
    (_q, answer) => {
      setFound(answer);
      setActive(-1);
      setOpen(document.activeElement === input.current);
      setNote(
        answer.total === 0
          ? `No ${noun} match.`
          : `${answer.total} ${noun} found${answer.total > answer.hits.length ? `, the first ${answer.hits.length} shown` : ""}. Use the arrow keys to choose.`,
      );
    },
    NONE,
  );

  // The form's reset (after a successful save) empties the picker as it empties other fields.
  useEffect(() => {
    const form = input.current?.form;
    const reset = () => {
      setChosen(defaultValue);
      setText("");
      setFound(NONE);
    };
    form?.addEventListener("reset", reset);
    return () => form?.removeEventListener("reset", reset);
  }, [defaultValue]);

  const search = (value: string, delay: number) => {
    if (value.trim().length >= MIN_QUERY_LENGTH) return lookUp(value, delay);
    setFound(NONE);
    setOpen(false);
  };
  function pick(hit: SearchHit) {
    setChosen((c) => (multiple ? [...c, hit] : [hit]));
    setText("");
    setOpen(false);
    setNote(`${hit.title} chosen.`);
    // One record: the text field gives way to the chip, whose remove button takes the focus.
    if (!multiple) {
      setFound(NONE);
      requestAnimationFrame(() => chips.current?.querySelector("button")?.focus());
    }
  }
  function remove(record: PickedRecord) {
    setChosen((c) => c.filter((r) => r.id !== record.id));
    setNote(`${record.title} removed.`);
    // After the render that shows the text field again (a single choice hides it).
    requestAnimationFrame(() => input.current?.focus());
  }

  function onKeyDown(event: React.KeyboardEvent<HTMLInputElement>) {
    const n = options.length;
    if (event.key === "ArrowDown" || event.key === "ArrowUp") {
      event.preventDefault();
      if (!open) return setOpen(n > 0);
      setActive((i) => (i + (event.key === "ArrowDown" ? 1 : -1) + n) % n);
    } else if (event.key === "Enter" && open && active >= 0 && options[active]) {
      event.preventDefault(); // picks the suggestion instead of submitting the form
      pick(options[active]);
    } else if (event.key === "Escape" && open) {
      event.preventDefault();
      setOpen(false);
    } else if (event.key === "Backspace" && multiple && text === "" && chosen.length > 0) {
      remove(chosen[chosen.length - 1]);
    }
  }

  const optionId = (i: number) => `${listId}-${i}`;
  const expanded = open && options.length > 0;
  const full = !multiple && chosen.length > 0;
  return (
    <div className={cn("relative space-y-1", className)}>
      <label htmlFor={fieldId} className="block text-sm font-medium">
        {label}
      </label>
      {chosen.length > 0 ? (
        <ul ref={chips} aria-label={`Chosen ${noun}`} className="flex flex-wrap gap-1">
          {chosen.map((c) => (
            <li
              key={c.id}
              className="flex max-w-full items-center gap-1 rounded-md border border-slate-300 bg-slate-50 py-0.5 pl-2 pr-0.5 text-sm dark:border-slate-600 dark:bg-slate-800"
            >
              <span className="min-w-0">
                <span className="font-medium">{c.title}</span>{" "}
                <span className="text-xs text-slate-600 dark:text-slate-300">{c.detail}</span>
              </span>
              <button
                type="button"
                onClick={() => remove(c)}
                aria-label={`Remove ${c.title}`}
                className="rounded p-1 hover:bg-slate-200 focus-visible:outline-2 focus-visible:outline-brand-600 dark:hover:bg-slate-700"
              >
                <X aria-hidden className="h-3.5 w-3.5" />
              </button>
            </li>
          ))}
        </ul>
      ) : null}
      {chosen.length > 0 ? (
        <input
          type="hidden"
          name={name}
          value={chosen.map((c) => (submit === "id" ? c.id : c.key)).join(", ")}
        />
      ) : null}
      <input
        ref={input}
        id={fieldId}
        // Nothing chosen yet: the typed text is the value (and the field's value without JavaScript).
        name={chosen.length === 0 ? name : undefined}
        type="text"
        role="combobox"
        hidden={full}
        aria-autocomplete="list"
        aria-expanded={expanded}
        aria-controls={listId}
        aria-activedescendant={expanded && active >= 0 ? optionId(active) : undefined}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy}
        aria-required={required && chosen.length === 0 ? true : undefined}
        autoComplete="off"
        value={text}
        placeholder={placeholder ?? `Type a name${type === "person" ? " or email" : " or key"}`}
        onChange={(e) => {
          setText(e.target.value);
          search(e.target.value, 200);
        }}
        onFocus={() => search(text, 0)}
        onBlur={() => setOpen(false)}
        onKeyDown={onKeyDown}
        className={inputClass}
      />
      <div
        hidden={!expanded}
        className="absolute z-20 mt-1 w-full min-w-64 rounded-md border border-slate-200 bg-white py-1 text-sm shadow-lg dark:border-slate-700 dark:bg-slate-900"
      >
        <ul
          id={listId}
          role="listbox"
          aria-label="Suggestions" // not the field's label: that names the input alone
          className="max-h-72 overflow-auto"
        >
          {options.map((o, i) => (
            <li
              key={o.id}
              id={optionId(i)}
              role="option"
              aria-selected={i === active}
              onMouseDown={(e) => e.preventDefault()} // keeps the focus in the input
              onClick={() => pick(o)}
              className="cursor-pointer px-3 py-1.5 aria-selected:bg-brand-50 dark:aria-selected:bg-slate-800"
            >
              <span className="block font-medium">{o.title}</span>
              <span className="block text-xs text-slate-600 dark:text-slate-300">{o.detail}</span>
            </li>
          ))}
        </ul>
        {found.total > found.hits.length ? (
          <p className="border-t border-slate-100 px-3 pt-1 text-xs text-slate-600 dark:border-slate-800 dark:text-slate-300">
            {found.total - found.hits.length} more: type more of the name to narrow
          </p>
        ) : null}
      </div>
      <p className="sr-only" aria-live="polite">
        {note}
      </p>
      <FieldMessages fieldId={fieldId} error={error} hint={hint} />
    </div>
  );
}

/** A picker inside an ActionForm: its error comes from the form's last answer. */
export function FormRecordPicker(props: PickerProps) {
  const error = useFieldError(props.name);
  return <RecordPicker {...props} error={props.error ?? error} />;
}
