"use client";

import { useEffect, useRef, useState } from "react";
import { cn } from "./cn";

/**
 * A box that scrolls sideways when its content is wider (a table on a phone), so the page itself
 * never does. While it overflows it is a labelled region in the tab order, so a keyboard user can
 * focus it and scroll with the arrow keys; otherwise it is a plain box. It is `relative` so that
 * absolutely placed content (an sr-only header text) is clipped by it too, not by the page.
 */
export function ScrollRegion({
  label,
  className,
  children,
}: {
  label: string;
  className?: string;
  children: React.ReactNode;
}) {
  const ref = useRef<HTMLDivElement>(null);
  const [overflows, setOverflows] = useState(false);
  useEffect(() => {
    const box = ref.current;
    if (!box) return;
    const measure = () => setOverflows(box.scrollWidth > box.clientWidth + 1);
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(box);
    if (box.firstElementChild) observer.observe(box.firstElementChild);
    return () => observer.disconnect();
  }, []);
  return (
    <div
      ref={ref}
      role={overflows ? "region" : undefined}
      aria-label={overflows ? label : undefined}
      tabIndex={overflows ? 0 : undefined}
      className={cn("relative max-w-full overflow-x-auto", className)}
    >
      {children}
    </div>
  );
}
