import type { Source as EventSource, SourceKind } from "@opencjm/core";
import { useState, type FormEvent } from "react";
import { useT } from "../../../i18n/I18nProvider.js";
import { createSource } from "../api/evidenceApi.js";
import { ImportProblemNote } from "./ImportProblemNote.js";
import styles from "./DataSources.module.css";

/** Kinds of source; the kind only labels it. */
export const SOURCE_KINDS: readonly SourceKind[] = ["web", "crm", "email", "support", "survey", "other"];

/** Names a new data source and says what kind of system it comes from. */
export function NewSourceForm({
  workspaceId,
  onCreated,
  onCancel,
}: {
  workspaceId: string;
  onCreated: (source: EventSource) => void;
  onCancel: () => void;
}) {
  const t = useT();
  const [name, setName] = useState("");
  const [kind, setKind] = useState<SourceKind>("web");
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!name.trim()) return;
    setBusy(true);
    setError(null);
    try {
      onCreated(await createSource(workspaceId, { name: name.trim(), kind }));
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };
  return (
    <form className={styles.newSource} onSubmit={(e) => void submit(e)} data-testid="new-source-form">
      <label className="field">
        {t("evidence.source.name")}
        <input
          className="input"
          dir="auto"
          value={name}
          maxLength={120}
          required
          autoFocus
          onChange={(e) => setName(e.target.value)}
          data-testid="source-name"
        />
      </label>
      <label className="field">
        {t("evidence.source.kind")}
        <select
          className="input"
          value={kind}
          onChange={(e) => setKind(e.target.value as SourceKind)}
          data-testid="source-kind"
        >
          {SOURCE_KINDS.map((k) => (
            <option key={k} value={k}>
              {t(`evidence.sourceKind.${k}`)}
            </option>
          ))}
        </select>
      </label>
      <div className={styles.actions}>
        <button type="button" className="btn" onClick={onCancel}>
          {t("common.action.cancel")}
        </button>
        <button type="submit" className="btn btn-primary" disabled={busy || !name.trim()} data-testid="create-source">
          {t("common.action.create")}
        </button>
      </div>
      {error !== null && <ImportProblemNote error={error} />}
    </form>
  );
}
