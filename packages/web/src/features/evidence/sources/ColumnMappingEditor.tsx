import { useId } from "react";
import { useT } from "../../../i18n/I18nProvider.js";
import { ROLE_KEYS, TIMESTAMP_FORMATS, type MappingDraft, type RoleKey } from "./mappingDraft.js";
import styles from "./DataSources.module.css";

/** The role of each column of the file (with sample values), how timestamps are read, and defaults for every row. */
export function ColumnMappingEditor({
  draft,
  samples,
  onChange,
}: {
  draft: MappingDraft;
  samples: readonly string[][];
  onChange: (draft: MappingDraft) => void;
}) {
  const t = useT();
  const id = useId();
  const setColumn = (i: number, patch: Partial<MappingDraft["columns"][number]>) =>
    onChange({ ...draft, columns: draft.columns.map((c, j) => (j === i ? { ...c, ...patch } : c)) });
  const hasEvent = draft.columns.some((c) => c.role === "event");
  const hasChannel = draft.columns.some((c) => c.role === "channel");
  const customFormat = !(TIMESTAMP_FORMATS as readonly string[]).includes(draft.timestampFormat);
  return (
    <div className={styles.mapping} data-testid="column-mapping">
      <table className={styles.table}>
        <thead>
          <tr>
            <th>{t("evidence.mapping.column")}</th>
            <th>{t("evidence.mapping.sample")}</th>
            <th>{t("evidence.mapping.role")}</th>
            <th>{t("evidence.mapping.name")}</th>
          </tr>
        </thead>
        <tbody>
          {draft.columns.map((c, i) => {
            const named = c.role === "property" || c.role === "attribute";
            return (
              <tr key={c.column} data-testid="mapping-row" data-column={c.column}>
                <th scope="row" dir="auto" id={`${id}-col-${i}`}>
                  {c.column}
                </th>
                <td dir="auto" className={styles.sample}>
                  {samples
                    .map((r) => r[i] ?? "")
                    .filter((v) => v !== "")
                    .slice(0, 2)
                    .join(" · ")}
                </td>
                <td>
                  <select
                    className="input"
                    aria-labelledby={`${id}-col-${i}`}
                    value={c.role}
                    onChange={(e) => setColumn(i, { role: e.target.value as RoleKey })}
                    data-testid="mapping-role"
                  >
                    {ROLE_KEYS.map((k) => (
                      <option key={k} value={k}>
                        {t(`evidence.role.${k.replace(":", ".")}`)}
                      </option>
                    ))}
                  </select>
                </td>
                <td>
                  {named && (
                    <input
                      className="input"
                      value={c.name}
                      placeholder={c.column}
                      aria-label={t("evidence.mapping.nameOf", { column: c.column })}
                      onChange={(e) => setColumn(i, { name: e.target.value })}
                    />
                  )}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      <div className={styles.formRow}>
        <label className="field">
          {t("evidence.mapping.timestampFormat")}
          <select
            className="input"
            value={customFormat ? "custom" : draft.timestampFormat}
            onChange={(e) =>
              onChange({
                ...draft,
                timestampFormat: e.target.value === "custom" ? "%Y-%m-%d %H:%M:%S" : e.target.value,
              })
            }
            data-testid="timestamp-format"
          >
            {TIMESTAMP_FORMATS.map((f) => (
              <option key={f} value={f}>
                {t(`evidence.mapping.format.${f}`)}
              </option>
            ))}
            <option value="custom">{t("evidence.mapping.format.custom")}</option>
          </select>
        </label>
        {customFormat && (
          <label className="field">
            {t("evidence.mapping.pattern")}
            <input
              className="input"
              dir="ltr"
              value={draft.timestampFormat}
              onChange={(e) => onChange({ ...draft, timestampFormat: e.target.value })}
            />
          </label>
        )}
        <label className="field">
          {t("evidence.mapping.timeZone")}
          <input
            className="input"
            dir="ltr"
            value={draft.timeZone}
            placeholder="UTC"
            onChange={(e) => onChange({ ...draft, timeZone: e.target.value })}
            data-testid="time-zone"
          />
          <small>{t("evidence.mapping.timeZoneHint")}</small>
        </label>
        <label className="field">
          {t("evidence.mapping.duplicatesLabel")}
          <select
            className="input"
            value={draft.duplicates}
            onChange={(e) => onChange({ ...draft, duplicates: e.target.value as MappingDraft["duplicates"] })}
            data-testid="duplicates"
          >
            {(["error", "skip", "keep"] as const).map((d) => (
              <option key={d} value={d}>
                {t(`evidence.mapping.duplicates.${d}`)}
              </option>
            ))}
          </select>
        </label>
      </div>
      <div className={styles.formRow}>
        {!hasEvent && (
          <label className="field">
            {t("evidence.mapping.eventName")}
            <input
              className="input"
              dir="auto"
              value={draft.eventName}
              onChange={(e) => onChange({ ...draft, eventName: e.target.value })}
              data-testid="default-event"
            />
          </label>
        )}
        {!hasChannel && (
          <label className="field">
            {t("evidence.mapping.channel")}
            <input
              className="input"
              dir="auto"
              value={draft.channel}
              onChange={(e) => onChange({ ...draft, channel: e.target.value })}
              data-testid="default-channel"
            />
          </label>
        )}
      </div>
    </div>
  );
}
