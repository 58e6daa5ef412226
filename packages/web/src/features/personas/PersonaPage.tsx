import type { Channel, Persona } from "@opencjm/core";
import { useCallback, useEffect, useState } from "react";
import { Link, useLocation, useSearch } from "wouter";
import { ErrorScreen } from "../../app/ErrorScreen.js";
import { LoadingScreen } from "../../app/LoadingScreen.js";
import { useSession } from "../../app/SessionProvider.js";
import { useErrorMessage } from "../../app/useErrorMessage.js";
import { useT } from "../../i18n/I18nProvider.js";
import { PersonaSegmentSection } from "../evidence/segments/PersonaSegmentSection.js";
import { deletePersona, fetchChannels, fetchPersona, savePersona } from "./personaApi.js";
import { PersonaCard } from "./PersonaCard.js";
import { draftOf, serverProblems, validateDraft, type FieldProblem, type PersonaDraft } from "./personaDraft.js";
import { PersonaEditor } from "./PersonaEditor.js";
import { PersonaMaps } from "./PersonaMaps.js";
import { ProblemList } from "./ProblemList.js";
import styles from "./PersonaPage.module.css";

/** A persona: its card for stakeholders, and (for editors) every field to edit, saved together. */
export default function PersonaPage({ workspaceId, personaId }: { workspaceId: string; personaId: string }) {
  const t = useT();
  const errorMessage = useErrorMessage();
  const { roleIn } = useSession();
  const [, navigate] = useLocation();
  const search = useSearch();
  const canWrite = roleIn(workspaceId) === "owner" || roleIn(workspaceId) === "editor";
  const [persona, setPersona] = useState<Persona | null>(null);
  const [draft, setDraft] = useState<PersonaDraft | null>(null);
  const [channels, setChannels] = useState<Channel[]>([]);
  const [loadError, setLoadError] = useState<unknown>(null);
  const [mode, setMode] = useState<"card" | "edit">(() => (new URLSearchParams(search).get("edit") ? "edit" : "card"));
  const [problems, setProblems] = useState<FieldProblem[]>([]);
  const [status, setStatus] = useState<"idle" | "saving" | "saved">("idle");
  const [saveError, setSaveError] = useState<string | null>(null);

  useEffect(() => {
    const abort = new AbortController();
    Promise.all([fetchPersona(workspaceId, personaId, abort.signal), fetchChannels(workspaceId, abort.signal)]).then(
      ([p, c]) => {
        setPersona(p);
        setDraft(draftOf(p));
        setChannels(c);
      },
      (err: unknown) => !abort.signal.aborted && setLoadError(err),
    );
    return () => abort.abort();
  }, [workspaceId, personaId]);

  const dirty = !!persona && !!draft && JSON.stringify(draftOf(persona)) !== JSON.stringify(draft);

  const save = useCallback(async () => {
    if (!draft) return;
    const found = validateDraft(draft);
    setProblems(found);
    setSaveError(null);
    if (found.length > 0) return;
    setStatus("saving");
    try {
      const saved = await savePersona(workspaceId, personaId, draft);
      setPersona(saved);
      setDraft(draftOf(saved));
      setStatus("saved");
    } catch (err) {
      setProblems(serverProblems(err));
      setSaveError(errorMessage(err));
      setStatus("idle");
    }
  }, [draft, workspaceId, personaId, errorMessage]);

  // Leaving the page (closing the tab, reloading) with unsaved edits asks first.
  useEffect(() => {
    if (!dirty) return;
    const onLeave = (e: BeforeUnloadEvent) => e.preventDefault();
    window.addEventListener("beforeunload", onLeave);
    return () => window.removeEventListener("beforeunload", onLeave);
  }, [dirty]);

  useEffect(() => {
    if (mode !== "edit") return;
    const onKey = (e: KeyboardEvent) => {
      if ((e.ctrlKey || e.metaKey) && e.key.toLowerCase() === "s") {
        e.preventDefault();
        void save();
      }
    };
    document.addEventListener("keydown", onKey);
    return () => document.removeEventListener("keydown", onKey);
  }, [mode, save]);

  if (loadError) return <ErrorScreen error={loadError} />;
  if (!persona || !draft) return <LoadingScreen />;
  const invalid = (path: string) => problems.some((p) => p.path === path || p.path.startsWith(`${path}.`));

  function photoSaved(photoUrl: string | undefined) {
    setPersona({ ...persona!, photoUrl });
    setDraft({ ...draft!, photoUrl });
  }

  async function remove() {
    if (!window.confirm(t("common.action.confirmDelete", { name: persona!.name }))) return;
    try {
      await deletePersona(workspaceId, personaId);
      navigate("/");
    } catch (err) {
      setSaveError(errorMessage(err));
    }
  }

  return (
    <div className={styles.page}>
      <div className={`${styles.toolbar} no-print`}>
        <Link href="/" className="btn btn-ghost btn-small">
          {t("personas.back")}
        </Link>
        <div className={styles.tabs} role="tablist" aria-label={t("personas.view")}>
          <button
            type="button"
            role="tab"
            aria-selected={mode === "card"}
            onClick={() => setMode("card")}
            data-testid="tab-card"
          >
            {t("personas.cardView")}
          </button>
          {canWrite && (
            <button
              type="button"
              role="tab"
              aria-selected={mode === "edit"}
              onClick={() => setMode("edit")}
              data-testid="tab-edit"
            >
              {t("personas.editView")}
            </button>
          )}
        </div>
        <span className={styles.spacer} />
        {mode === "card" && (
          <button type="button" className="btn btn-small" onClick={() => window.print()}>
            {t("personas.print")}
          </button>
        )}
        {mode === "edit" && (
          <>
            <span className={styles.saveState} role="status" data-testid="save-state">
              {status === "saving"
                ? t("common.state.saving")
                : dirty
                  ? t("personas.unsaved")
                  : status === "saved"
                    ? t("common.state.saved")
                    : ""}
            </span>
            <button type="button" className="btn btn-small btn-danger" onClick={remove}>
              {t("personas.delete")}
            </button>
            <button
              type="button"
              className="btn btn-primary"
              onClick={() => void save()}
              disabled={status === "saving" || !dirty}
              data-testid="save-persona"
            >
              {t("common.action.save")}
            </button>
          </>
        )}
      </div>
      {saveError && (
        <p role="alert" className={styles.alert}>
          {saveError}
        </p>
      )}
      {mode === "edit" && problems.length > 0 && <ProblemList problems={problems} />}
      {mode === "card" || !canWrite ? (
        <>
          <PersonaCard persona={dirty ? draft : draftOf(persona)} channels={channels} />
          <PersonaMaps workspaceId={workspaceId} personaId={personaId} />
        </>
      ) : (
        <PersonaEditor
          workspaceId={workspaceId}
          personaId={personaId}
          draft={draft}
          onChange={setDraft}
          onPhotoSaved={photoSaved}
          channels={channels}
          invalid={invalid}
        />
      )}
      {mode === "card" || !canWrite ? (
        <PersonaSegmentSection workspaceId={workspaceId} segment={persona.segment} />
      ) : (
        <PersonaSegmentSection
          workspaceId={workspaceId}
          segment={draft.segment}
          onChange={(segment) => setDraft({ ...draft, segment })}
        />
      )}
    </div>
  );
}
