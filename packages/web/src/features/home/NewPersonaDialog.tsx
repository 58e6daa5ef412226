import { useState, type FormEvent } from "react";
import { useLocation } from "wouter";
import { Dialog } from "../../app/Dialog.js";
import { useErrorMessage } from "../../app/useErrorMessage.js";
import { useT } from "../../i18n/I18nProvider.js";
import { Button } from "../../app/Button.js";
import { usePersonaMutations } from "../personas/personaQueries.js";

/** Names a new persona (and says whether it is a consumer or a business buyer), creates it and opens its editor. */
export function NewPersonaDialog({ workspaceId, onClose }: { workspaceId: string; onClose: () => void }) {
  const t = useT();
  const errorMessage = useErrorMessage();
  const [, navigate] = useLocation();
  const [name, setName] = useState("");
  const [kind, setKind] = useState<"b2c" | "b2b">("b2c");
  const [error, setError] = useState<string | null>(null);
  const { create } = usePersonaMutations(workspaceId);
  const busy = create.isPending || create.isSuccess;

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (!name.trim()) return setError(t("home.personaNameRequired"));
    setError(null);
    try {
      // A random seed gives each new persona its own generated avatar until a photo is uploaded.
      const persona = await create.mutateAsync({
        name: name.trim(),
        kind,
        avatarSeed: Math.random().toString(36).slice(2, 10),
      });
      navigate(`/personas/${persona.id}?edit=1`);
    } catch (err) {
      setError(errorMessage(err));
    }
  }

  return (
    <Dialog title={t("home.newPersona")} onClose={onClose}>
      <form
        onSubmit={submit}
        noValidate
        style={{ display: "flex", flexDirection: "column", gap: "var(--space-4)" }}
        data-testid="new-persona-form"
      >
        <label className="field">
          {t("personas.field.name")}
          <input
            className="input"
            name="personaName"
            maxLength={120}
            value={name}
            dir="auto"
            placeholder={t("home.personaNamePlaceholder")}
            aria-invalid={error ? true : undefined}
            onChange={(e) => setName(e.target.value)}
          />
        </label>
        <fieldset
          style={{ border: 0, padding: 0, margin: 0, display: "flex", gap: "var(--space-4)", flexWrap: "wrap" }}
        >
          <legend className="visually-hidden">{t("personas.field.kind")}</legend>
          {(["b2c", "b2b"] as const).map((k) => (
            <label key={k}>
              <input type="radio" name="personaKind" checked={kind === k} onChange={() => setKind(k)} />{" "}
              {t(`personas.kind.${k}`)}
            </label>
          ))}
        </fieldset>
        {error && (
          <p role="alert" className="field-error">
            {error}
          </p>
        )}
        <div style={{ display: "flex", gap: "var(--space-2)", justifyContent: "flex-end" }}>
          <Button onClick={onClose}>{t("common.action.cancel")}</Button>
          <Button type="submit" variant="primary" disabled={busy}>
            {t("common.action.create")}
          </Button>
        </div>
      </form>
    </Dialog>
  );
}
