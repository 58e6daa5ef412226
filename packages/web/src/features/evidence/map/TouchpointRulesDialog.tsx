import type { Touchpoint } from "@opencjm/core";
import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { Button } from "../../../app/Button.js";
import { Dialog } from "../../../app/Dialog.js";
import { QueryView } from "../../../app/QueryView.js";
import { useT } from "../../../i18n/I18nProvider.js";
import { facetsQuery, ruleListQuery, useEvidenceCache } from "../api/evidenceQueries.js";
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
  const rules = useQuery(ruleListQuery(workspaceId));
  const facets = useQuery(facetsQuery(workspaceId));
  const cache = useEvidenceCache(workspaceId);
  const [changed, setChanged] = useState(false);
  return (
    <Dialog title={t("evidence.rules.dialogTitle", { name: touchpoint.name })} onClose={() => onClose(changed)}>
      <div className={styles.dialogBody} data-testid="touchpoint-rules-dialog">
        <QueryView queries={[rules]}>
          {(ruleList) => (
            <TouchpointRulesPanel
              workspaceId={workspaceId}
              touchpoint={touchpoint}
              rules={ruleList}
              facets={facets.data ?? null}
              readOnly={false}
              onRulesChange={(next) => {
                void cache.rulesChanged(next);
                setChanged(true);
              }}
            />
          )}
        </QueryView>
        <div className={styles.dialogActions}>
          <Button variant="primary" onClick={() => onClose(changed)} data-testid="close-rules">
            {t("common.action.done")}
          </Button>
        </div>
      </div>
    </Dialog>
  );
}
