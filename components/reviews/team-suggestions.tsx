"use client";

import { useEffect, useState } from "react";
import type { TeamChoice } from "@/lib/server/teams/lookup";

/**
 * The suggestions of every team field that names this datalist (`<input list={id}>`), fetched
 * from /api/teams as the person types, so thousands of teams are never sent with the page.
 */
export function TeamSuggestions({ id, source }: { id: string; source: "review" | "threat-model" }) {
  const [choices, setChoices] = useState<TeamChoice[]>([]);
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    let controller: AbortController | undefined;
    const load = (q: string) => {
      controller?.abort();
      controller = new AbortController();
      fetch(`/api/teams?for=${source}&q=${encodeURIComponent(q.slice(0, 100))}`, {
        signal: controller.signal,
      })
        .then((r) => (r.ok ? r.json() : []))
        .then((list: TeamChoice[]) => setChoices(list))
        .catch(() => {}); // an aborted or failed look-up leaves the field usable: the server resolves what is typed
    };
    const onInput = (e: Event) => {
      const target = e.target as HTMLInputElement;
      if (target.getAttribute("list") !== id) return;
      clearTimeout(timer);
      timer = setTimeout(() => load(target.value), e.type === "focusin" ? 0 : 150);
    };
    document.addEventListener("input", onInput);
    document.addEventListener("focusin", onInput);
    return () => {
      clearTimeout(timer);
      controller?.abort();
      document.removeEventListener("input", onInput);
      document.removeEventListener("focusin", onInput);
    };
  }, [id, source]);
  return (
    <datalist id={id}>
      {choices.map((c) => (
        <option key={c.value} value={c.value}>
          {c.label}
        </option>
      ))}
    </datalist>
  );
}
