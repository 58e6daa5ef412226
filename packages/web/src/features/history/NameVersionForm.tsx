import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useId, useState } from "react";
import { Button } from "../../app/Button.js";
import { useErrorMessage } from "../../app/useErrorMessage.js";
import { useT } from "../../i18n/I18nProvider.js";
import { historyKey, nameVersion } from "./historyApi.js";
import styles from "./History.module.css";

/** "Name this version": gives the map as it is now a name everyone can go back to ("Before the workshop"). */
export function NameVersionForm({ workspaceId, mapId }: { workspaceId: string; mapId: string }) {
  const t = useT();
  const errorOf = useErrorMessage();
  const queryClient = useQueryClient();
  const inputId = useId();
  const [name, setName] = useState("");
  const save = useMutation({
    mutationFn: (value: string) => nameVersion(workspaceId, mapId, value),
    onSuccess: () => {
      setName("");
      return queryClient.invalidateQueries({ queryKey: historyKey(mapId) });
    },
  });
  return (
    <form
      className={styles.nameForm}
      onSubmit={(e) => {
        e.preventDefault();
        if (name.trim()) save.mutate(name.trim());
      }}
    >
      <label htmlFor={inputId}>{t("history.name.label")}</label>
      <div className={styles.nameRow}>
        <input
          id={inputId}
          value={name}
          maxLength={120}
          placeholder={t("history.name.placeholder")}
          onChange={(e) => setName(e.target.value)}
          data-testid="history-name-input"
        />
        <Button type="submit" size="small" disabled={!name.trim() || save.isPending} data-testid="history-name-save">
          {t("history.name.save")}
        </Button>
      </div>
      {save.isError && (
        <p className={styles.problem} role="alert">
          {errorOf(save.error)}
        </p>
      )}
    </form>
  );
}
