import type { FilePreview } from "@opencjm/core";
import { useI18n } from "../../../i18n/I18nProvider.js";
import styles from "./DataSources.module.css";

const DELIMITERS: Record<string, string> = { ",": "comma", ";": "semicolon", "\t": "tab", "|": "pipe" };

/** What was detected in a file (format, encoding, delimiter) and its header with the first rows, as text. */
export function FilePreviewTable({ preview }: { preview: FilePreview }) {
  const { t, formatNumber } = useI18n();
  return (
    <div className={styles.preview} data-testid="file-preview">
      <dl className={styles.detected}>
        <div>
          <dt>{t("evidence.preview.format")}</dt>
          <dd data-testid="preview-format">{preview.format.toUpperCase()}</dd>
        </div>
        {preview.encoding && (
          <div>
            <dt>{t("evidence.preview.encoding")}</dt>
            <dd data-testid="preview-encoding" data-encoding={preview.encoding}>
              <bdi>{preview.encoding.toUpperCase()}</bdi>
              {preview.encodingConfidence !== undefined && preview.encodingConfidence < 1 && (
                <span className={styles.muted}>
                  {" "}
                  {t("evidence.preview.confidence", {
                    percent: formatNumber(preview.encodingConfidence, { style: "percent" }),
                  })}
                </span>
              )}
            </dd>
          </div>
        )}
        {preview.delimiter !== undefined && (
          <div>
            <dt>{t("evidence.preview.delimiter")}</dt>
            <dd data-testid="preview-delimiter">
              {t(`evidence.preview.delimiter.${DELIMITERS[preview.delimiter] ?? "other"}`)}
            </dd>
          </div>
        )}
        <div>
          <dt>{t("evidence.preview.columns")}</dt>
          <dd>{formatNumber(preview.header.length)}</dd>
        </div>
      </dl>
      <div className={styles.tableScroll}>
        <table className={styles.table}>
          <thead>
            <tr>
              {preview.header.map((h, i) => (
                <th key={i} dir="auto">
                  {h}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {preview.rows.slice(0, 8).map((row, r) => (
              <tr key={r}>
                {preview.header.map((_, c) => (
                  <td key={c} dir="auto">
                    {row[c] ?? ""}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}
