import type { DataFacets, Touchpoint, TouchpointRule } from "@opencjm/core";
import { useEffect, useState } from "react";
import { Dialog } from "../../../app/Dialog.js";
import { ErrorScreen } from "../../../app/ErrorScreen.js";
import { useT } from "../../../i18n/I18nProvider.js";
import { fetchFacets, fetchRules } from "../api/evidenceApi.js";
import { TouchpointRulesPanel } from "../rules/TouchpointRulesPanel.js";
import styles from "./Evidence.module.css";

/** From a touchpoint on the map: the rules that say which events are it, edited with live counts. */
export function TouchpointRulesDialog({
  workspaceId,
  touchpoint,
  onClose,
}: {
  workspaceId: string;
  touchpoint: Touchpoint;
  onClose: (changed: boolean) => void;
}) {
  const t = useT();
  const [rules, setRules] = useState<TouchpointRule[] | null>(null);
  const [facets, setFacets] = useState<DataFacets | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [changed, setChanged] = useState(false);
  useEffect(() => {
    const abort = new AbortController();
    Promise.all([fetchRules(workspaceId, abort.signal), fetchFacets(workspaceId, abort.signal)]).then(
      ([r, f]) => {
        setRules(r);
        setFacets(f);
      },
      (err: unknown) => !abort.signal.aborted && setError(err),
    );
    return () => abort.abort();
  }, [workspaceId]);
  return (
    <Dialog title={t("evidence.rules.dialogTitle", { name: touchpoint.name })} onClose={() => onClose(changed)}>
      <div className={styles.dialogBody} data-testid="touchpoint-rules-dialog">
        {error !== null ? (
          <ErrorScreen error={error} />
        ) : rules ? (
          <TouchpointRulesPanel
            workspaceId={workspaceId}
            touchpoint={touchpoint}
            rules={rules}
            facets={facets}
            readOnly={false}
            onRulesChange={(next) => {
              setRules(next);
              setChanged(true);
            }}
          />
        ) : (
          <p className={styles.muted}>{t("common.state.loading")}</p>
        )}
        <div className={styles.dialogActions}>
          <button type="button" className="btn btn-primary" onClick={() => onClose(changed)} data-testid="close-rules">
            {t("common.action.done")}
          </button>
        </div>
      </div>
    </Dialog>
  );
}
