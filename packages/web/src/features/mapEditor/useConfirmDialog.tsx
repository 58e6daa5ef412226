import { useCallback, useState, type ReactNode } from "react";
import { Button } from "../../app/Button.js";
import { Dialog } from "../../app/Dialog.js";
import { useT } from "../../i18n/I18nProvider.js";
import styles from "./useConfirmDialog.module.css";

/**
 * A confirmation dialog for destructive edits: `confirm(message)` resolves true on "Delete", false on "Cancel",
 * Escape or a click beside it. Focus starts on Cancel and returns to where it was.
 */
export function useConfirmDialog(): { confirm: (message: string) => Promise<boolean>; dialog: ReactNode } {
  const t = useT();
  const [pending, setPending] = useState<{ message: string; resolve: (ok: boolean) => void } | null>(null);
  const confirm = useCallback(
    (message: string) => new Promise<boolean>((resolve) => setPending({ message, resolve })),
    [],
  );
  const close = (ok: boolean) => {
    pending?.resolve(ok);
    setPending(null);
  };
  const dialog = pending && (
    <Dialog title={pending.message} onClose={() => close(false)} alert testId="confirm-dialog">
      <p className={styles.hint}>{t("editor.confirm.undoHint")}</p>
      <div className={styles.actions}>
        <Button data-autofocus onClick={() => close(false)}>
          {t("common.action.cancel")}
        </Button>
        <Button variant="danger" onClick={() => close(true)} data-testid="confirm-delete">
          {t("common.action.delete")}
        </Button>
      </div>
    </Dialog>
  );
  return { confirm, dialog };
}
