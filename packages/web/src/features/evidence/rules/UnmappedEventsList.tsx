import type { UnmatchedEvents } from "@opencjm/core";
import { useState } from "react";
import { useI18n } from "../../../i18n/I18nProvider.js";
import { ImportProblemNote } from "../sources/ImportProblemNote.js";
import styles from "./Rules.module.css";

type Item = UnmatchedEvents["items"][number];

/** Events no rule maps yet, most frequent first, each one click away from becoming a touchpoint. */
export function UnmappedEventsList({
  unmapped,
  readOnly,
  onCreate,
}: {
  unmapped: UnmatchedEvents;
  readOnly: boolean;
  onCreate: (item: Item) => Promise<void>;
}) {
  const { t, formatNumber } = useI18n();
  const [busy, setBusy] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);
  if (unmapped.items.length === 0) return <p className={styles.muted}>{t("evidence.unmapped.none")}</p>;
  return (
    <div className={styles.unmapped}>
      <p className={styles.muted}>
        {t("evidence.unmapped.summary", {
          events: unmapped.events,
          customers: unmapped.customers,
          distinct: unmapped.distinct,
        })}
      </p>
      {error !== null && <ImportProblemNote error={error} />}
      <table className={styles.table} data-testid="unmapped-events">
        <thead>
          <tr>
            <th>{t("evidence.unmapped.event")}</th>
            <th>{t("evidence.unmapped.channel")}</th>
            <th>{t("evidence.unmapped.events")}</th>
            <th>{t("evidence.unmapped.customers")}</th>
            {!readOnly && <th />}
          </tr>
        </thead>
        <tbody>
          {unmapped.items.map((item) => {
            const key = `${item.eventName}|${item.channel ?? ""}`;
            return (
              <tr key={key} data-testid="unmapped-event" data-event-name={item.eventName}>
                <td dir="auto">{item.eventName}</td>
                <td dir="auto">{item.channel ?? "—"}</td>
                <td>{formatNumber(item.events)}</td>
                <td>{formatNumber(item.customers)}</td>
                {!readOnly && (
                  <td className={styles.end}>
                    <button
                      type="button"
                      className="btn btn-small"
                      disabled={busy !== null}
                      data-testid="create-touchpoint-from-event"
                      onClick={async () => {
                        setBusy(key);
                        setError(null);
                        try {
                          await onCreate(item);
                        } catch (err) {
                          setError(err);
                        } finally {
                          setBusy(null);
                        }
                      }}
                    >
                      {t("evidence.unmapped.create")}
                    </button>
                  </td>
                )}
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
