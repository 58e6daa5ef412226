import { useRef, useState } from "react";
import { api } from "../../api/apiClient.js";
import { useErrorMessage } from "../../app/useErrorMessage.js";
import { useT } from "../../i18n/I18nProvider.js";
import { personaPhotoPath } from "./personaApi.js";
import { PersonaAvatar } from "./PersonaAvatar.js";
import type { PersonaDraft } from "./personaDraft.js";
import { MAX_PHOTO_FILE_BYTES, PHOTO_TYPES, resizeToSquareJpeg } from "./resizeImage.js";
import styles from "./PersonaPage.module.css";

/** The persona's picture: upload a photo (cropped and resized in the browser), or use a generated avatar. */
export function PersonaPhotoField({
  workspaceId,
  personaId,
  draft,
  onChange,
  onPhotoSaved,
}: {
  workspaceId: string;
  personaId: string;
  draft: PersonaDraft;
  onChange: (draft: PersonaDraft) => void;
  onPhotoSaved: (photoUrl: string | undefined) => void;
}) {
  const t = useT();
  const errorMessage = useErrorMessage();
  const input = useRef<HTMLInputElement>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const photoPath = personaPhotoPath(workspaceId, personaId);

  async function upload(file: File) {
    setError(null);
    if (!(PHOTO_TYPES as readonly string[]).includes(file.type)) return setError(t("personas.photoWrongType"));
    if (file.size > MAX_PHOTO_FILE_BYTES) return setError(t("personas.photoTooLarge"));
    setBusy(true);
    try {
      // The photo is stored at once (it is not part of the form's save); the page updates both copies.
      const saved = await api.upload<{ photoUrl?: string }>(photoPath, await resizeToSquareJpeg(file));
      onPhotoSaved(saved.photoUrl);
    } catch (err) {
      setError(err instanceof Error && !("status" in err) ? t("personas.photoUnreadable") : errorMessage(err));
    } finally {
      setBusy(false);
      if (input.current) input.current.value = "";
    }
  }

  async function removePhoto() {
    setBusy(true);
    setError(null);
    try {
      await api.delete(photoPath);
      onPhotoSaved(undefined);
    } catch (err) {
      setError(errorMessage(err));
    } finally {
      setBusy(false);
    }
  }

  return (
    <div className={styles.photo}>
      <PersonaAvatar name={draft.name} photoUrl={draft.photoUrl} avatarSeed={draft.avatarSeed} size={96} />
      <div className={styles.photoActions}>
        <input
          ref={input}
          type="file"
          accept={PHOTO_TYPES.join(",")}
          className="visually-hidden"
          data-testid="photo-input"
          onChange={(e) => e.target.files?.[0] && void upload(e.target.files[0])}
          tabIndex={-1}
          aria-hidden="true"
        />
        <button type="button" className="btn btn-small" disabled={busy} onClick={() => input.current?.click()}>
          {busy ? t("personas.uploading") : t("personas.uploadPhoto")}
        </button>
        {draft.photoUrl ? (
          <button
            type="button"
            className="btn btn-small btn-ghost"
            onClick={() => void removePhoto()}
            disabled={busy}
            data-testid="use-avatar"
          >
            {t("personas.useAvatar")}
          </button>
        ) : (
          <button
            type="button"
            className="btn btn-small btn-ghost"
            onClick={() => onChange({ ...draft, avatarSeed: Math.random().toString(36).slice(2, 10) })}
            data-testid="new-avatar"
          >
            {t("personas.newAvatar")}
          </button>
        )}
        {error && (
          <span role="alert" className="field-error">
            {error}
          </span>
        )}
      </div>
    </div>
  );
}
