import { useCallback, useEffect, useRef, useState, type ReactNode } from "react";
import { useT } from "../../i18n/I18nProvider.js";
import styles from "./useConfirmDialog.module.css";

/**
 * A confirmation dialog for destructive edits: `confirm(message)` resolves true on "Delete", false on "Cancel" or
 * Escape. Focus starts on Cancel and returns to where it was.
 */
export function useConfirmDialog(): { confirm: (message: string) => Promise<boolean>; dialog: ReactNode } {
  const t = useT();
  const [pending, setPending] = useState<{
    message: string;
    resolve: (ok: boolean) => void;
    returnTo: HTMLElement | null;
  } | null>(null);
  const cancelRef = useRef<HTMLButtonElement>(null);
  const confirm = useCallback(
    (message: string) =>
      new Promise<boolean>((resolve) =>
        setPending({ message, resolve, returnTo: document.activeElement as HTMLElement | null }),
      ),
    [],
  );
  useEffect(() => {
    if (pending) cancelRef.current?.focus();
  }, [pending]);
  const close = (ok: boolean) => {
    pending?.resolve(ok);
    pending?.returnTo?.focus();
    setPending(null);
  };
  const dialog = pending && (
    <div className={styles.backdrop} onPointerDown={(e) => e.target === e.currentTarget && close(false)}>
      <div
        role="alertdialog"
        aria-modal="true"
        aria-describedby="confirm-message"
        className={styles.dialog}
        data-testid="confirm-dialog"
        onKeyDown={(e) => {
          e.stopPropagation();
          if (e.key === "Escape") close(false);
          if (e.key === "Tab") {
            // Two buttons: keep focus inside the dialog.
            e.preventDefault();
            const buttons = [...e.currentTarget.querySelectorAll("button")];
            buttons[(buttons.indexOf(document.activeElement as HTMLButtonElement) + 1) % buttons.length]?.focus();
          }
        }}
      >
        <p id="confirm-message">{pending.message}</p>
        <p className={styles.hint}>{t("editor.confirm.undoHint")}</p>
        <div className={styles.actions}>
          <button ref={cancelRef} type="button" onClick={() => close(false)}>
            {t("common.action.cancel")}
          </button>
          <button type="button" className={styles.danger} onClick={() => close(true)} data-testid="confirm-delete">
            {t("common.action.delete")}
          </button>
        </div>
      </div>
    </div>
  );
  return { confirm, dialog };
}
