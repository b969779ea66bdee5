export type LegendItem = {
  id: string;
  label: string;
  /** A box (bars: fill and outline) or a line (colour and dash). */
  box: boolean;
  fill: string;
  stroke: string;
  dash?: string;
};

/**
 * The chart's key, drawn as HTML so a white belt's outline and a line's dash show as they do in
 * the chart (colours come as inline styles, which the Content-Security-Policy allows).
 */
export function ChartLegend({ items }: { items: LegendItem[] }) {
  return (
    <ul className="mt-1 flex flex-wrap justify-center gap-x-4 gap-y-1 text-xs">
      {items.map((item) => (
        <li key={item.id} className="flex items-center gap-1.5">
          {item.box ? (
            <span
              aria-hidden
              className="inline-block h-3 w-3 shrink-0 rounded-sm border"
              style={{
                background: item.fill,
                borderColor: item.stroke,
                borderStyle: item.dash ? "dashed" : "solid",
              }}
            />
          ) : (
            <svg aria-hidden width="20" height="8" className="shrink-0">
              <line
                x1="0"
                y1="4"
                x2="20"
                y2="4"
                stroke={item.stroke}
                strokeWidth="2"
                strokeDasharray={item.dash}
              />
            </svg>
          )}
          {item.label}
        </li>
      ))}
    </ul>
  );
}
