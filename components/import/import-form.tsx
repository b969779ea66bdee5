"use client";

import { useRef, useState } from "react";
import { Button } from "@/components/ui/button";
import type { ImportView } from "@/lib/transfer/types";
import { ImportResult } from "./import-result";

type State = { status: "idle" | "working" | "error" | "done"; message?: string };

const signature = (files: FileList | null) =>
  [...(files ?? [])].map((f) => `${f.name}:${f.size}:${f.lastModified}`).join("|");

/**
 * Upload, preview, then commit. Committing sends the same files again (the server keeps no
 * upload between requests); changing the selection discards the preview.
 */
export function ImportForm({ maxBytes }: { maxBytes: number }) {
  const input = useRef<HTMLInputElement>(null);
  const [state, setState] = useState<State>({ status: "idle" });
  const [view, setView] = useState<ImportView | null>(null);
  const [previewed, setPreviewed] = useState<string | null>(null);
  const [selected, setSelected] = useState("");

  async function send(mode: "preview" | "commit") {
    const files = input.current?.files ?? null;
    if (!files || files.length === 0)
      return setState({ status: "error", message: "Choose one or more CSV files first." });
    const total = [...files].reduce((sum, f) => sum + f.size, 0);
    if (total > maxBytes) {
      return setState({
        status: "error",
        message: `The files add up to ${(total / 1048576).toFixed(1)} MB; an upload can be at most ${maxBytes / 1048576} MB. Import them in several parts.`,
      });
    }
    const body = new FormData();
    body.set("mode", mode);
    for (const f of files) body.append("files", f);
    setState({
      status: "working",
      message: mode === "commit" ? "Importing…" : "Checking the files…",
    });
    try {
      const response = await fetch("/api/transfer/import", { method: "POST", body });
      const json = await response.json().catch(() => null);
      if (!response.ok || !json)
        return setState({
          status: "error",
          message:
            json?.error ?? "Something went wrong and nothing was imported. Please try again.",
        });
      const result = json as ImportView;
      setView(result);
      setPreviewed(mode === "preview" ? signature(files) : null);
      if (mode === "preview") setState({ status: "idle" });
      else if (result.committed) setState({ status: "done", message: "Import committed." });
      else if (result.errorCount > 0)
        setState({ status: "error", message: "The files have errors: nothing was imported." });
      else
        setState({
          status: "done",
          message: "Nothing to change: the database already holds these rows.",
        });
    } catch {
      setState({
        status: "error",
        message: "The upload did not reach the server. Check your connection and try again.",
      });
    }
  }

  const ready =
    view !== null && view.mode === "preview" && view.errorCount === 0 && previewed === selected;
  return (
    <div className="space-y-4">
      <form
        aria-label="Import files"
        className="space-y-3"
        onSubmit={(e) => {
          e.preventDefault();
          void send("preview");
        }}
      >
        <div className="space-y-1">
          <label htmlFor="import-files" className="block text-sm font-medium">
            CSV files
          </label>
          <input
            ref={input}
            id="import-files"
            name="files"
            type="file"
            multiple
            accept=".csv,text/csv"
            aria-describedby="import-files-hint"
            className="block w-full text-sm file:mr-3 file:rounded-md file:border file:border-slate-300 file:bg-white file:px-3 file:py-1.5 file:text-sm dark:file:border-slate-700 dark:file:bg-slate-900 dark:file:text-slate-100"
            onChange={(e) => {
              setSelected(signature(e.currentTarget.files));
              setView(null);
              setPreviewed(null);
              setState({ status: "idle" });
            }}
          />
          <p id="import-files-hint" className="text-xs text-slate-600 dark:text-slate-400">
            One or more of the 13 files, named as below (e.g. reviews.csv), UTF-8, up to{" "}
            {maxBytes / 1048576} MB in all.
          </p>
        </div>
        <div className="flex flex-wrap items-center gap-3">
          <Button type="submit" variant="secondary" disabled={state.status === "working"}>
            Preview import
          </Button>
          <Button
            type="button"
            disabled={!ready || state.status === "working"}
            onClick={() => void send("commit")}
          >
            Commit import
          </Button>
          {state.message ? (
            <p
              role={state.status === "error" ? "alert" : "status"}
              className={
                state.status === "error"
                  ? "text-sm text-red-700 dark:text-red-400"
                  : "text-sm text-green-700 dark:text-green-400"
              }
            >
              {state.message}
            </p>
          ) : null}
        </div>
      </form>
      {view ? <ImportResult view={view} /> : null}
    </div>
  );
}
