import { useState } from "react";
import { useT } from "../../../i18n/I18nProvider.js";
import { useEvidence } from "../map/EvidenceContext.js";
import { metricsRequest } from "../map/EvidenceProvider.js";
import { DraftMapDialog } from "./DraftMapDialog.js";
import styles from "./Paths.module.css";

/** "Draft a current-state map from this data": opens the draft's preview under the data view's filters. */
export function DraftMapButton() {
  const t = useT();
  const evidence = useEvidence();
  const [open, setOpen] = useState(false);
  if (!evidence) return null;
  return (
    <div className={styles.draft}>
      <button type="button" className="btn btn-primary" onClick={() => setOpen(true)} data-testid="draft-from-data">
        {t("evidence.paths.draft")}
      </button>
      {open && (
        <DraftMapDialog
          workspaceId={evidence.workspaceId}
          mapId={evidence.mapId}
          request={metricsRequest(evidence.filters)}
          // The new map opens with its numbers: the data view is switched on (remembered on this device).
          onCreated={() => evidence.setShown(true)}
          onClose={() => setOpen(false)}
        />
      )}
    </div>
  );
}
