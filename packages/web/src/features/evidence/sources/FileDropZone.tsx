import { useRef, useState, type DragEvent } from "react";
import { useI18n } from "../../../i18n/I18nProvider.js";
import { formatBytes } from "./formatBytes.js";
import styles from "./DataSources.module.css";

/** File types the importer reads. */
const ACCEPT = ".csv,.tsv,.txt,.xlsx,.json,.ndjson,.jsonl,.parquet,.xes,.gz,.zip";

/** A drop target for one file, with a button for the file picker; shows the chosen file's name and size. */
export function FileDropZone({
  file,
  onFile,
  disabled,
}: {
  file: File | null;
  onFile: (file: File) => void;
  disabled?: boolean;
}) {
  const i18n = useI18n();
  const { t } = i18n;
  const input = useRef<HTMLInputElement>(null);
  const [over, setOver] = useState(false);
  const onDrop = (e: DragEvent<HTMLDivElement>) => {
    e.preventDefault();
    setOver(false);
    const dropped = e.dataTransfer.files[0];
    if (dropped && !disabled) onFile(dropped);
  };
  return (
    <div
      className={styles.drop}
      data-over={over || undefined}
      data-testid="file-drop"
      onDragOver={(e) => {
        if (disabled) return;
        e.preventDefault();
        setOver(true);
      }}
      onDragLeave={() => setOver(false)}
      onDrop={onDrop}
    >
      <p className={styles.dropText}>
        {file ? <bdi>{`${file.name} · ${formatBytes(file.size, i18n)}`}</bdi> : t("evidence.upload.drop")}
      </p>
      <button type="button" className="btn btn-small" disabled={disabled} onClick={() => input.current?.click()}>
        {file ? t("evidence.upload.other") : t("evidence.upload.choose")}
      </button>
      <input
        ref={input}
        type="file"
        accept={ACCEPT}
        hidden
        data-testid="file-input"
        onChange={(e) => {
          const chosen = e.target.files?.[0];
          e.target.value = "";
          if (chosen) onFile(chosen);
        }}
      />
    </div>
  );
}
