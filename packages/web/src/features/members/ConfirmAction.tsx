import { useState } from "react";
import { Button } from "../../app/Button.js";
import { Dialog } from "../../app/Dialog.js";
import { useT } from "../../i18n/I18nProvider.js";
import styles from "./Members.module.css";

/** A dialog that asks before a change to who belongs to a workspace; the confirm button waits for the change. */
export function ConfirmAction({
  title,
  message,
  confirmLabel,
  onConfirm,
  onClose,
}: {
  title: string;
  message: string;
  confirmLabel: string;
  onConfirm: () => Promise<void>;
  onClose: () => void;
}) {
  const t = useT();
  const [busy, setBusy] = useState(false);
  const handleConfirm = async () => {
    setBusy(true);
    try {
      await onConfirm();
    } finally {
      setBusy(false);
    }
  };
  return (
    <Dialog title={title} onClose={onClose}>
      <p className={styles.message}>{message}</p>
      <div className={styles.actions}>
        <Button onClick={onClose}>{t("common.action.cancel")}</Button>
        <Button variant="primary" disabled={busy} onClick={() => void handleConfirm()} data-testid="confirm-action">
          {confirmLabel}
        </Button>
      </div>
    </Dialog>
  );
}
