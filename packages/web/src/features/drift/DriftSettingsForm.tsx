import type { DriftSettings } from "@opencjm/core";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { Button } from "../../app/Button.js";
import { useErrorMessage } from "../../app/useErrorMessage.js";
import { useT } from "../../i18n/I18nProvider.js";
import { driftKeys, saveDriftSettings } from "./driftApi.js";
import styles from "./Drift.module.css";

/** Fields of the form: shares are shown as points or percent (×100), counts and days as they are. */
const FIELDS: ReadonlyArray<{ key: keyof DriftSettings; scale: number }> = [
  { key: "periodDays", scale: 1 },
  { key: "conversionPoints", scale: 100 },
  { key: "timeChange", scale: 100 },
  { key: "negativePoints", scale: 100 },
  { key: "minSample", scale: 1 },
  { key: "settleDays", scale: 1 },
];

/** The workspace's drift thresholds; editors change them, the server checks each range and names a wrong field. */
export function DriftSettingsForm({
  workspaceId,
  settings,
  readOnly,
}: {
  workspaceId: string;
  settings: DriftSettings;
  readOnly: boolean;
}) {
  const t = useT();
  const errorMessage = useErrorMessage();
  const queryClient = useQueryClient();
  const [values, setValues] = useState(() =>
    Object.fromEntries(FIELDS.map((f) => [f.key, String(Math.round(settings[f.key] * f.scale * 100) / 100)])),
  );
  const save = useMutation({
    mutationFn: () =>
      saveDriftSettings(
        workspaceId,
        Object.fromEntries(FIELDS.map((f) => [f.key, Number(values[f.key]) / f.scale])) as DriftSettings,
      ),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: driftKeys.all(workspaceId) }),
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    save.mutate();
  };
  return (
    <form onSubmit={submit} data-testid="drift-settings">
      <h2>{t("drift.settings.title")}</h2>
      <fieldset disabled={readOnly || save.isPending} className={styles.settings}>
        {FIELDS.map((f) => (
          <label key={f.key}>
            {t(`drift.settings.${f.key}`)}
            <input
              type="number"
              step="any"
              name={f.key}
              value={values[f.key]}
              onChange={(e) => setValues((v) => ({ ...v, [f.key]: e.target.value }))}
            />
          </label>
        ))}
        {!readOnly && (
          <Button type="submit" variant="primary">
            {t("drift.settings.save")}
          </Button>
        )}
      </fieldset>
      {save.isSuccess && <p role="status">{t("drift.settings.saved")}</p>}
      {save.isError && <p role="alert">{errorMessage(save.error)}</p>}
    </form>
  );
}
