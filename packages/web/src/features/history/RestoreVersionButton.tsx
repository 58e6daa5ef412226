import type { MapVersion } from "@opencjm/core";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { Button } from "../../app/Button.js";
import { Dialog } from "../../app/Dialog.js";
import { useErrorMessage } from "../../app/useErrorMessage.js";
import { useI18n } from "../../i18n/I18nProvider.js";
import { historyKey, restoreVersion } from "./historyApi.js";
import { versionLabel } from "./versionLabel.js";
import styles from "./History.module.css";

/**
 * Restores a version after a confirmation that says what happens: the map becomes that version for everyone on it at
 * once, and the map as it was stays in the history to go back to.
 */
export function RestoreVersionButton({
  workspaceId,
  mapId,
  version,
  onRestored,
}: {
  workspaceId: string;
  mapId: string;
  version: MapVersion;
  onRestored?: () => void;
}) {
  const i18n = useI18n();
  const { t } = i18n;
  const errorOf = useErrorMessage();
  const queryClient = useQueryClient();
  const [asking, setAsking] = useState(false);
  const restore = useMutation({
    mutationFn: () => restoreVersion(workspaceId, mapId, version.id),
    onSuccess: async () => {
      setAsking(false);
      await queryClient.invalidateQueries({ queryKey: historyKey(mapId) });
      onRestored?.();
    },
  });
  const label = versionLabel(version, i18n);
  return (
    <>
      <Button size="small" onClick={() => setAsking(true)} data-testid="history-restore">
        {t("history.restore.button")}
      </Button>
      {asking && (
        <Dialog
          title={t("history.restore.title", { version: label })}
          onClose={() => setAsking(false)}
          alert
          testId="history-restore-dialog"
        >
          <p className={styles.hint}>{t("history.restore.explain")}</p>
          {restore.isError && (
            <p className={styles.problem} role="alert">
              {errorOf(restore.error)}
            </p>
          )}
          <div className={styles.dialogActions}>
            <Button data-autofocus onClick={() => setAsking(false)}>
              {t("common.action.cancel")}
            </Button>
            <Button
              variant="primary"
              disabled={restore.isPending}
              onClick={() => restore.mutate()}
              data-testid="history-restore-confirm"
            >
              {t("history.restore.confirm")}
            </Button>
          </div>
        </Dialog>
      )}
    </>
  );
}
