import { ActionForm } from "@/components/ui/action-form";
import { Card, CardTitle } from "@/components/ui/card";
import { SeverityBadge } from "@/components/work/severity-badge";
import { MITIGATION_STATUS, STRIDE_CATEGORY } from "@/lib/vocabulary";
import { saveThreatAction } from "@/lib/server/threat-models/actions";
import { isUndocumented } from "@/lib/threat-models/rules";
import { ThreatFields, type ThreatDefaults } from "./threat-fields";

type Threat = ThreatDefaults & { id: number; key: string };

/** The model's threats; while it is editable, each opens an edit form and a new one can be added. */
export function ThreatsCard({
  threatModelId,
  threats,
  editable,
}: {
  threatModelId: number;
  threats: Threat[];
  editable: boolean;
}) {
  const tm = { threatModelId: String(threatModelId) };
  return (
    <Card>
      <CardTitle>Threats</CardTitle>
      <ul className="mt-2 divide-y divide-slate-100 text-sm dark:divide-slate-800">
        {threats.map((th) => (
          <li key={th.id} className="py-2">
            <p>
              <span className="font-mono text-xs">{th.key}</span> <strong>{th.title}</strong> ·{" "}
              {STRIDE_CATEGORY.label(th.category)} · <SeverityBadge severity={th.severity} /> ·
              mitigation {MITIGATION_STATUS.label(th.mitigationStatus).toLowerCase()}
              {isUndocumented(th) ? (
                <span className="ml-2 rounded bg-red-100 px-1.5 text-xs font-medium text-red-800 dark:bg-red-900 dark:text-red-100">
                  undocumented
                </span>
              ) : null}
            </p>
            {th.mitigation ? (
              <p className="text-slate-600 dark:text-slate-400">{th.mitigation}</p>
            ) : null}
            {editable ? (
              <details className="mt-1">
                <summary className="cursor-pointer text-brand-600 dark:text-brand-100">
                  Edit {th.key}
                </summary>
                <ActionForm
                  action={saveThreatAction}
                  label={`Edit ${th.key}`}
                  submit="Save threat"
                  className="mt-2"
                  hidden={{ ...tm, threatId: String(th.id) }}
                >
                  <ThreatFields prefix={`threat-${th.id}`} threat={th} />
                </ActionForm>
              </details>
            ) : null}
          </li>
        ))}
        {threats.length === 0 ? <li className="py-2">No threats yet</li> : null}
      </ul>
      {editable ? (
        <ActionForm
          action={saveThreatAction}
          label="Add a threat"
          submit="Add threat"
          className="mt-3"
          hidden={{ ...tm, threatId: "" }}
          resetOnSuccess
        >
          <ThreatFields prefix="threat-new" />
        </ActionForm>
      ) : null}
    </Card>
  );
}
