import { useQuery } from "@tanstack/react-query";
import { useMemo, type ReactNode } from "react";
import { mapDriftQuery } from "./driftApi.js";
import { StepDriftContext, type StepDriftFlags } from "./StepDriftContext.js";

/**
 * Measures the open map's drift once in the background (it runs the engine over two periods, so it waits for
 * nothing on screen) and gives each step header its flags; a map without data or flags shows no marker.
 */
export function StepDriftProvider({
  workspaceId,
  mapId,
  children,
}: {
  workspaceId: string;
  mapId: string;
  children: ReactNode;
}) {
  const drift = useQuery(mapDriftQuery(workspaceId, mapId));
  const value = useMemo<StepDriftFlags | null>(() => {
    if (!drift.data) return null;
    const flagged = new Map(
      drift.data.steps.flatMap((s) => {
        const measures = s.measures.filter((m) => m.flagged);
        return measures.length ? [[s.stepId, { ...s, measures }] as const] : [];
      }),
    );
    return { flagged, periodDays: drift.data.settings.periodDays, digestHref: "/drift" };
  }, [drift.data]);
  return <StepDriftContext.Provider value={value}>{children}</StepDriftContext.Provider>;
}
