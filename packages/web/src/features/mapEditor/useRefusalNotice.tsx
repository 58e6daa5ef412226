import { useCallback, useEffect, useState, type ReactNode } from "react";
import { Button } from "../../app/Button.js";
import { useT } from "../../i18n/I18nProvider.js";
import type { EditRefusal } from "./editing/MapEditor.js";
import styles from "./useRefusalNotice.module.css";

/** Shows why an edit was refused, translated, with the technical detail; it closes itself after a while or on demand. */
export function useRefusalNotice(): { report: (refusal: EditRefusal) => void; notice: ReactNode } {
  const t = useT();
  const [refusal, setRefusal] = useState<(EditRefusal & { at: number }) | null>(null);
  const report = useCallback((r: EditRefusal) => setRefusal({ ...r, at: Date.now() }), []);
  useEffect(() => {
    if (!refusal) return;
    const timer = setTimeout(() => setRefusal(null), 8000);
    return () => clearTimeout(timer);
  }, [refusal]);
  const notice = refusal && (
    <div className={styles.notice} role="alert" data-testid="edit-refused" data-code={refusal.code}>
      <strong>{t(`editor.refused.${refusal.code}`)}</strong>
      {refusal.detail && (
        <span className={styles.detail} dir="ltr">
          {refusal.detail}
        </span>
      )}
      <Button variant="ghost" size="small" onClick={() => setRefusal(null)} aria-label={t("common.action.close")}>
        ×
      </Button>
    </div>
  );
  return { report, notice };
}
