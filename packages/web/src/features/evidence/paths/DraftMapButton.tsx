import { useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useLocation } from "wouter";
import { useErrorMessage } from "../../../app/useErrorMessage.js";
import { useT } from "../../../i18n/I18nProvider.js";
import { draftMapFromData } from "../api/evidenceApi.js";
import { useEvidence } from "../map/EvidenceContext.js";
import { metricsRequest } from "../map/EvidenceProvider.js";
import styles from "./Paths.module.css";

/** "Draft a current-state map from this data": creates a new map from the most common paths and opens it. */
export function DraftMapButton() {
  const t = useT();
  const errorMessage = useErrorMessage();
  const evidence = useEvidence();
  const [, navigate] = useLocation();
  const queryClient = useQueryClient();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  if (!evidence) return null;
  const draft = async () => {
    setBusy(true);
    setError(null);
    try {
      const created = await draftMapFromData(evidence.workspaceId, evidence.mapId, metricsRequest(evidence.filters));
      await queryClient.invalidateQueries({ queryKey: ["workspace", evidence.workspaceId] });
      navigate(`/maps/${created.map.id}`);
    } catch (err) {
      setError(err);
      setBusy(false);
    }
  };
  return (
    <div className={styles.draft}>
      <button
        type="button"
        className="btn btn-primary"
        disabled={busy}
        onClick={() => void draft()}
        data-testid="draft-from-data"
      >
        {busy ? t("evidence.paths.drafting") : t("evidence.paths.draft")}
      </button>
      {error !== null && (
        <p role="alert" className={styles.error}>
          {errorMessage(error)}
        </p>
      )}
    </div>
  );
}
