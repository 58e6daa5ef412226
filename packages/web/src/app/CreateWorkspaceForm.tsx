import { useState, type FormEvent } from "react";
import { useLocation } from "wouter";
import { useI18n } from "../i18n/I18nProvider.js";
import { useSession } from "./SessionProvider.js";
import { useErrorMessage } from "./useErrorMessage.js";
import { createWorkspace } from "./workspaceApi.js";

/** Names and creates a workspace in the user's language, then opens it. */
export function CreateWorkspaceForm({ initialName = "", onCancel }: { initialName?: string; onCancel?: () => void }) {
  const { t, locale } = useI18n();
  const errorMessage = useErrorMessage();
  const { refresh } = useSession();
  const [, navigate] = useLocation();
  const [name, setName] = useState(initialName);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (!name.trim()) return setError(t("shell.workspaceNameRequired"));
    setBusy(true);
    setError(null);
    try {
      const workspace = await createWorkspace({ name: name.trim(), locale });
      await refresh();
      onCancel?.();
      navigate(`~/w/${workspace.id}`);
    } catch (err) {
      setError(errorMessage(err));
    } finally {
      setBusy(false);
    }
  }

  return (
    <form onSubmit={submit} style={{ display: "flex", flexDirection: "column", gap: "var(--space-4)" }}>
      <label className="field">
        {t("shell.workspaceName")}
        <input
          className="input"
          name="workspaceName"
          required
          maxLength={120}
          value={name}
          onChange={(e) => setName(e.target.value)}
          aria-invalid={error ? true : undefined}
        />
        <small>{t("shell.workspaceNameHint")}</small>
      </label>
      {error && (
        <p role="alert" className="field-error">
          {error}
        </p>
      )}
      <div style={{ display: "flex", gap: "var(--space-2)", justifyContent: "flex-end" }}>
        {onCancel && (
          <button type="button" className="btn" onClick={onCancel}>
            {t("common.action.cancel")}
          </button>
        )}
        <button type="submit" className="btn btn-primary" disabled={busy}>
          {t("shell.createWorkspace")}
        </button>
      </div>
    </form>
  );
}
