import { TouchpointFieldsSchema, type Touchpoint } from "@opencjm/core";
import { useId, useState, type FormEvent } from "react";
import { useErrorMessage } from "../../../../app/useErrorMessage.js";
import { Button } from "../../../../app/Button.js";
import { useI18n } from "../../../../i18n/I18nProvider.js";
import type { CellCatalogue } from "../../CellContentProps.js";
import { channelLabel } from "../channel/channelLabel.js";
import { createTouchpoint } from "./touchpointApi.js";
import styles from "./NewTouchpointForm.module.css";

/** Creates a touchpoint in the workspace catalogue: its name, channel and whether it is digital or physical. */
export function NewTouchpointForm({
  workspaceId,
  catalogue,
  initialName,
  onCreated,
  onCancel,
}: {
  workspaceId: string;
  catalogue: CellCatalogue;
  initialName: string;
  onCreated: (touchpoint: Touchpoint) => void;
  onCancel: () => void;
}) {
  const { t, locale } = useI18n();
  const errorMessage = useErrorMessage();
  const errorId = useId();
  const channels = [...catalogue.channels.values()];
  const [name, setName] = useState(initialName);
  const [channelId, setChannelId] = useState<string>(channels[0]?.id ?? "");
  const [medium, setMedium] = useState<"digital" | "physical">(channels[0]?.online === false ? "physical" : "digital");
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit(event: FormEvent) {
    event.preventDefault();
    const fields = TouchpointFieldsSchema.safeParse({ name, channelId, medium });
    if (!fields.success) {
      const field = String(fields.error.issues[0]?.path[0] ?? "");
      setError(
        field === "name"
          ? name.trim() === ""
            ? t("cells.problem.required")
            : t("cells.problem.tooLong", { max: 200, length: name.length })
          : t("cells.touchpoint.pickChannel"),
      );
      return;
    }
    setBusy(true);
    setError(null);
    try {
      onCreated(await createTouchpoint(workspaceId, fields.data));
    } catch (err) {
      setError(errorMessage(err));
    } finally {
      setBusy(false);
    }
  }

  return (
    <form
      className={styles.form}
      aria-label={t("cells.touchpoint.new")}
      onSubmit={submit}
      onKeyDown={(e) => {
        if (e.key === "Escape") {
          e.stopPropagation();
          onCancel();
        }
      }}
    >
      <label className={styles.field}>
        {t("cells.touchpoint.name")}
        <input
          autoFocus
          dir="auto"
          value={name}
          onChange={(e) => setName(e.target.value)}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? errorId : undefined}
        />
      </label>
      <label className={styles.field}>
        {t("cells.touchpoint.channel")}
        <select
          value={channelId}
          onChange={(e) => {
            setChannelId(e.target.value);
            setMedium(catalogue.channels.get(e.target.value)?.online === false ? "physical" : "digital");
          }}
        >
          {channels.map((channel) => (
            <option key={channel.id} value={channel.id}>
              {channelLabel(channel, locale)}
            </option>
          ))}
        </select>
      </label>
      <fieldset className={styles.medium}>
        <legend>{t("cells.touchpoint.medium")}</legend>
        {(["digital", "physical"] as const).map((m) => (
          <label key={m}>
            <input
              type="radio"
              name={`${errorId}-medium`}
              value={m}
              checked={medium === m}
              onChange={() => setMedium(m)}
            />
            {t(`cells.touchpoint.${m}`)}
          </label>
        ))}
      </fieldset>
      {error && (
        <p id={errorId} role="alert" className={styles.error}>
          {error}
        </p>
      )}
      <div className={styles.actions}>
        <Button type="submit" variant="primary" size="small" disabled={busy || channelId === ""}>
          {t("common.action.create")}
        </Button>
        <Button size="small" onClick={onCancel}>
          {t("common.action.cancel")}
        </Button>
      </div>
    </form>
  );
}
