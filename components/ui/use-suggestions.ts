"use client";

import { useEffect, useRef } from "react";

/**
 * Fetches suggestions from `source` (with `q` set) after a pause in typing; a newer look-up
 * cancels the one in flight, so answers never arrive out of order. A refused look-up answers
 * `none` (the JSON answer's shape when nothing is found).
 */
export function useSuggestions<A>(
  source: string,
  onAnswer: (q: string, answer: A) => void,
  none: A,
) {
  const timer = useRef<ReturnType<typeof setTimeout>>(undefined);
  const request = useRef<AbortController>(undefined);
  useEffect(
    () => () => {
      clearTimeout(timer.current);
      request.current?.abort();
    },
    [],
  );
  return (q: string, delay: number) => {
    clearTimeout(timer.current);
    timer.current = setTimeout(() => {
      request.current?.abort();
      const controller = (request.current = new AbortController());
      const url = new URL(source, window.location.origin);
      url.searchParams.set("q", q.trim().slice(0, 100));
      fetch(url, { signal: controller.signal })
        .then((r) => (r.ok ? (r.json() as Promise<A>) : none))
        .then((list) => onAnswer(q, list))
        .catch(() => {}); // superseded or offline: the field still works as plain text
    }, delay);
  };
}
