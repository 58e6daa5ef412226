import { roleAllows } from "@opencjm/core";
import { useState } from "react";
import { useSession } from "../../app/SessionProvider.js";
import { useT } from "../../i18n/I18nProvider.js";
import { HistoryPanel } from "./HistoryPanel.js";

/** The editor header's "History" button, which opens the map's version history beside the map. */
export function HistoryButton({ workspaceId, mapId }: { workspaceId: string; mapId: string }) {
  const t = useT();
  const { roleIn } = useSession();
  const role = roleIn(workspaceId);
  const [open, setOpen] = useState(false);
  return (
    <>
      <button
        type="button"
        className="btn btn-small"
        aria-expanded={open}
        data-testid="history-button"
        onClick={() => setOpen((o) => !o)}
      >
        {t("history.button")}
      </button>
      {open && (
        <HistoryPanel
          workspaceId={workspaceId}
          mapId={mapId}
          canWrite={!!role && roleAllows(role, "write")}
          onClose={() => setOpen(false)}
        />
      )}
    </>
  );
}
