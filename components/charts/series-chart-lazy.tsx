"use client";

import dynamic from "next/dynamic";
import { Skeleton } from "@/components/ui/skeleton";

// Charts draw in the browser only: the server sends the numbers (and the table), not the SVG.
export const SeriesChart = dynamic(() => import("./series-chart").then((m) => m.SeriesChart), {
  ssr: false,
  loading: () => <Skeleton className="h-72 w-full" />,
});

export const SimpleBarChart = dynamic(() => import("./bar-chart").then((m) => m.SimpleBarChart), {
  ssr: false,
  loading: () => <Skeleton className="h-48 w-full" />,
});
