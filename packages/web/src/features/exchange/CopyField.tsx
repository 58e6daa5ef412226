import { useState } from "react";
import { useT } from "../../i18n/I18nProvider.js";
import styles from "./Exchange.module.css";

/** A read-only text (a link, an embed snippet) with a button that copies it. */
export function CopyField({
  label,
  value,
  multiline = false,
  testId,
}: {
  label: string;
  value: string;
  multiline?: boolean;
  testId: string;
}) {
  const t = useT();
  const [copied, setCopied] = useState(false);
  const handleCopy = async () => {
    try {
      await navigator.clipboard.writeText(value);
      setCopied(true);
    } catch {
      // No clipboard permission (or not a secure context): the text stays selectable for copying by hand.
      setCopied(false);
    }
  };
  return (
    <label className="field">
      {label}
      <span className={styles.copyRow}>
        {multiline ? (
          <textarea
            className={`input ${styles.code}`}
            readOnly
            rows={3}
            value={value}
            data-testid={testId}
            onFocus={(e) => e.currentTarget.select()}
          />
        ) : (
          <input
            className={`input ${styles.code}`}
            readOnly
            value={value}
            data-testid={testId}
            onFocus={(e) => e.currentTarget.select()}
          />
        )}
        <button type="button" className="btn" onClick={() => void handleCopy()}>
          {copied ? t("exchange.share.copied") : t("exchange.share.copy")}
        </button>
      </span>
    </label>
  );
}
