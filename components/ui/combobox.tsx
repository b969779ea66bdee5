"use client";

import { useId, useRef, useState } from "react";
import { cn } from "./cn";
import { fieldIds, FieldMessages, inputClass } from "./field";
import { useSuggestions } from "./use-suggestions";

export type ComboboxOption = { value: string; label: string };

/**
 * Choose a record by name from suggestions fetched from `source` (JSON `ComboboxOption[]`, with
 * `q` added) as the person types: the ARIA 1.2 combobox pattern (arrows move, Enter picks,
 * Escape closes). Without JavaScript it is a plain text field.
 *
 * `submit="text"` (the default): the field is the text itself, and an option's `value` is the
 * name or key to put there (its `label` says which record it is); the server resolves the text.
 * `submit="value"`: the text shows an option's `label`, and a hidden field carries its `value`
 * (an id) once the text names a suggested record, else nothing.
 */
export function Combobox({
  label,
  name,
  id,
  source,
  submit = "text",
  defaultValue = "",
  defaultOption = null,
  hint,
  error,
  invalid,
  placeholder,
  required,
  className,
  onResults,
}: {
  label: string;
  name: string;
  id?: string;
  source: string;
  submit?: "text" | "value";
  defaultValue?: string;
  defaultOption?: ComboboxOption | null;
  hint?: string;
  error?: string;
  invalid?: boolean;
  placeholder?: string;
  required?: boolean;
  className?: string;
  /** Each answer, with the text it answers (e.g. to say how many records match). */
  onResults?: (text: string, options: ComboboxOption[], chosen: ComboboxOption | null) => void;
}) {
  const byValue = submit === "value";
  const { fieldId, describedBy } = fieldIds(name, id, error, hint);
  const listId = useId();
  const [text, setText] = useState(byValue ? (defaultOption?.label ?? "") : defaultValue);
  const [options, setOptions] = useState<ComboboxOption[]>([]);
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(-1);
  const [known, setKnown] = useState<ComboboxOption[]>(defaultOption ? [defaultOption] : []);
  const input = useRef<HTMLInputElement>(null);
  const chosen = byValue ? (known.find((o) => o.label === text.trim()) ?? null) : null;
  const lookUp = useSuggestions<ComboboxOption[]>(
    source,
    (q, list) => {
      setOptions(list);
      setActive(-1);
      setOpen(list.length > 0 && document.activeElement === input.current);
      setKnown((seen) => [...list, ...seen].slice(0, 200));
      onResults?.(q, list, byValue ? (list.find((o) => o.label === q.trim()) ?? null) : null);
    },
    [],
  );
  const pick = (option: ComboboxOption) => {
    setText(byValue ? option.label : option.value);
    setOpen(false);
    onResults?.(option.label, options, option);
  };

  function onKeyDown(event: React.KeyboardEvent<HTMLInputElement>) {
    if (event.key === "ArrowDown" || event.key === "ArrowUp") {
      event.preventDefault();
      if (!open) return setOpen(options.length > 0);
      const step = event.key === "ArrowDown" ? 1 : -1;
      setActive((i) => (i + step + options.length) % options.length);
    } else if (event.key === "Enter" && open && active >= 0) {
      event.preventDefault(); // picks the option instead of submitting the form
      pick(options[active]);
    } else if (event.key === "Escape" && open) {
      event.preventDefault();
      setOpen(false);
    }
  }

  const optionId = (i: number) => `${listId}-${i}`;
  const expanded = open && options.length > 0;
  return (
    <div className={cn("relative space-y-1", className)}>
      <label htmlFor={fieldId} className="block text-sm font-medium">
        {label}
      </label>
      <input
        ref={input}
        id={fieldId}
        name={byValue ? undefined : name}
        type="text"
        role="combobox"
        aria-autocomplete="list"
        aria-expanded={expanded}
        aria-controls={listId}
        aria-activedescendant={expanded && active >= 0 ? optionId(active) : undefined}
        aria-invalid={error || invalid ? true : undefined}
        aria-describedby={describedBy}
        autoComplete="off"
        value={text}
        placeholder={placeholder}
        required={required}
        onChange={(e) => {
          setText(e.target.value);
          lookUp(e.target.value, 150);
        }}
        onFocus={() => lookUp(text, 0)}
        onBlur={() => setOpen(false)}
        onKeyDown={onKeyDown}
        className={inputClass}
      />
      {byValue ? <input type="hidden" name={name} value={chosen?.value ?? ""} /> : null}
      <ul
        id={listId}
        role="listbox"
        aria-label="Suggestions" // not the field's label: that names the input alone
        hidden={!expanded}
        className="absolute z-20 mt-1 max-h-64 w-full overflow-auto rounded-md border border-slate-200 bg-white py-1 text-sm shadow-lg dark:border-slate-700 dark:bg-slate-900"
      >
        {options.map((o, i) => (
          <li
            key={o.value}
            id={optionId(i)}
            role="option"
            aria-selected={i === active}
            onMouseDown={(e) => e.preventDefault()} // keeps the focus in the input
            onClick={() => pick(o)}
            className="cursor-pointer px-3 py-1.5 aria-selected:bg-brand-50 dark:aria-selected:bg-slate-800"
          >
            {byValue ? (
              o.label
            ) : (
              <>
                {o.value}{" "}
                <span className="text-xs text-slate-600 dark:text-slate-400">{o.label}</span>
              </>
            )}
          </li>
        ))}
      </ul>
      <FieldMessages fieldId={fieldId} error={error} hint={hint} live={Boolean(onResults)} />
    </div>
  );
}
