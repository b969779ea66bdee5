"use client";

import { useRef, useState } from "react";
import { Button } from "@/components/ui/button";
import { Combobox } from "@/components/ui/combobox";

type State = { status: "idle" | "working" | "error" | "done"; message?: string };
type View = { mode: "preview" | "commit"; committed: boolean; problems: unknown[] };
type Answer = { error?: string; issues?: { path: (string | number)[]; message: string }[] };

const signature = (f: File | undefined, team: string) =>
  f ? `${f.name}:${f.size}:${f.lastModified}:${team}` : "";

/**
 * Upload one file, preview what it would change, then commit (the file is sent again: the
 * server keeps no upload between requests). Changing the file or the team discards the preview.
 * `children` renders the answer (a client component per kind of import).
 */
export function FileImportForm<V extends View>({
  endpoint,
  fileLabel,
  accept,
  hint,
  maxBytes,
  teamSource,
  committedMessage,
  result,
}: {
  endpoint: string;
  fileLabel: string;
  accept: string;
  hint: string;
  maxBytes: number;
  /** A team field (for imports into a team), suggesting the teams of this list. */
  teamSource?: string;
  committedMessage: (view: V) => string;
  result: (view: V) => React.ReactNode;
}) {
  const form = useRef<HTMLFormElement>(null);
  const [state, setState] = useState<State>({ status: "idle" });
  const [view, setView] = useState<V | null>(null);
  const [teamError, setTeamError] = useState<string>();
  const [previewed, setPreviewed] = useState("");
  const [selected, setSelected] = useState("");

  const current = () => {
    const data = new FormData(form.current!);
    const file = data.get("file");
    return { data, file: file instanceof File && file.size > 0 ? file : undefined };
  };
  // A changed file or team discards the preview (a team picked from the list is checked at commit).
  const reset = () => {
    const { data, file } = current();
    const now = signature(file, String(data.get("team") ?? ""));
    if (now === selected) return;
    setSelected(now);
    setView(null);
    setState({ status: "idle" });
  };

  async function send(mode: "preview" | "commit") {
    const { data, file } = current();
    if (mode === "commit" && signature(file, String(data.get("team") ?? "")) !== previewed) {
      setView(null);
      return setState({
        status: "error",
        message: "The file or the team changed since the preview: preview again.",
      });
    }
    if (!file)
      return setState({ status: "error", message: `Choose the ${fileLabel.toLowerCase()} first.` });
    if (file.size > maxBytes)
      return setState({
        status: "error",
        message: `${file.name} is ${(file.size / 1048576).toFixed(1)} MB; a file can be at most ${maxBytes / 1048576} MB.`,
      });
    data.set("mode", mode);
    setTeamError(undefined);
    setState({
      status: "working",
      message: mode === "commit" ? "Importing…" : "Reading the file…",
    });
    try {
      const response = await fetch(endpoint, { method: "POST", body: data });
      const json = (await response.json().catch(() => null)) as (V & Answer) | null;
      if (!response.ok || !json) {
        const team = json?.issues?.find((i) => i.path[0] === "team")?.message;
        setTeamError(team);
        return setState({
          status: "error",
          message:
            team ??
            json?.error ??
            "Something went wrong and nothing was imported. Please try again.",
        });
      }
      setView(json);
      const sent = signature(file, String(data.get("team") ?? ""));
      setSelected(sent);
      setPreviewed(mode === "preview" ? sent : "");
      if (mode === "preview")
        setState(
          json.problems.length
            ? {
                status: "error",
                message: "The file has problems (listed below): it cannot be imported as it is.",
              }
            : { status: "done", message: "Preview ready: check it, then commit." },
        );
      else setState({ status: "done", message: committedMessage(json) });
    } catch {
      setState({
        status: "error",
        message: "The upload did not reach the server. Check your connection and try again.",
      });
    }
  }

  const ready = view?.mode === "preview" && view.problems.length === 0 && previewed === selected;
  return (
    <div className="space-y-4">
      <form
        ref={form}
        aria-label={`Import a ${fileLabel.toLowerCase()}`}
        className="space-y-3"
        onChange={reset}
        onSubmit={(e) => {
          e.preventDefault();
          void send("preview");
        }}
      >
        {teamSource ? (
          <Combobox
            label="Team"
            name="team"
            id="import-team"
            source={teamSource}
            required
            hint="Type to search; name or key"
            error={teamError}
            className="w-64"
          />
        ) : null}
        <div className="space-y-1">
          <label htmlFor="import-file" className="block text-sm font-medium">
            {fileLabel}
          </label>
          <input
            id="import-file"
            name="file"
            type="file"
            accept={accept}
            aria-describedby="import-file-hint"
            className="block w-full text-sm file:mr-3 file:rounded-md file:border file:border-slate-300 file:bg-white file:px-3 file:py-1.5 file:text-sm dark:file:border-slate-700 dark:file:bg-slate-900 dark:file:text-slate-100"
          />
          <p id="import-file-hint" className="text-xs text-slate-600 dark:text-slate-400">
            {hint} Up to {maxBytes / 1048576} MB.
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
        </div>
        <p
          role={state.status === "error" ? "alert" : "status"}
          aria-live="polite"
          className={
            state.status === "error"
              ? "text-sm text-red-700 dark:text-red-400"
              : "text-sm text-green-700 dark:text-green-400"
          }
        >
          {state.message ?? ""}
        </p>
      </form>
      {view ? result(view) : null}
    </div>
  );
}
