import type { Touchpoint } from "@opencjm/core";
import { useCallback, useState, type ReactNode } from "react";
import { useEvidence } from "./EvidenceContext.js";
import { EvidenceProvider } from "./EvidenceProvider.js";
import { TouchpointRulesDialog } from "./TouchpointRulesDialog.js";

function RulesDialogHost({ touchpoint, onClose }: { touchpoint: Touchpoint; onClose: () => void }) {
  const evidence = useEvidence();
  if (!evidence) return null;
  return (
    <TouchpointRulesDialog
      workspaceId={evidence.workspaceId}
      touchpoint={touchpoint}
      onClose={(changed) => {
        onClose();
        if (changed) evidence.refresh();
      }}
    />
  );
}

/**
 * The map editor's customer-data layer: provides the data view to the grid and hosts the dialog that links a
 * touchpoint of the map to events (for those who may edit; the numbers follow as soon as it closes).
 */
export function MapEvidence({
  workspaceId,
  mapId,
  touchpoints,
  canEdit,
  children,
}: {
  workspaceId: string;
  mapId: string;
  touchpoints: ReadonlyMap<string, Touchpoint>;
  canEdit: boolean;
  children: ReactNode;
}) {
  const [linking, setLinking] = useState<Touchpoint | null>(null);
  const open = useCallback((touchpointId: string) => setLinking(touchpoints.get(touchpointId) ?? null), [touchpoints]);
  return (
    <EvidenceProvider
      key={mapId}
      workspaceId={workspaceId}
      mapId={mapId}
      openTouchpointRules={canEdit ? open : undefined}
    >
      {children}
      {linking && <RulesDialogHost touchpoint={linking} onClose={() => setLinking(null)} />}
    </EvidenceProvider>
  );
}
