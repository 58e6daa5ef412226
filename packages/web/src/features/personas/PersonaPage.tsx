import type { Channel, Persona } from "@opencjm/core";
import { useQuery } from "@tanstack/react-query";
import { useCallback, useEffect, useState } from "react";
import { Link, useLocation, useSearch } from "wouter";
import { channelListQuery } from "../../api/workspaceQueries.js";
import { Button, buttonClassName } from "../../app/Button.js";
import { QueryView } from "../../app/QueryView.js";
import { useSession } from "../../app/SessionProvider.js";
import { useErrorMessage } from "../../app/useErrorMessage.js";
import { useT } from "../../i18n/I18nProvider.js";
import { PersonaSegmentSection } from "../evidence/segments/PersonaSegmentSection.js";
import { PersonaCard } from "./PersonaCard.js";
import { draftOf, serverProblems, validateDraft, type FieldProblem, type PersonaDraft } from "./personaDraft.js";
import { PersonaEditor } from "./PersonaEditor.js";
import { PersonaMaps } from "./PersonaMaps.js";
import { personaQuery, usePersonaMutations } from "./personaQueries.js";
import { ProblemList } from "./ProblemList.js";
import styles from "./PersonaPage.module.css";

/** A persona: its card for stakeholders, and (for editors) every field to edit, saved together. */
export default function PersonaPage({ workspaceId, personaId }: { workspaceId: string; personaId: string }) {
  const persona = useQuery(personaQuery(workspaceId, personaId));
  const channels = useQuery(channelListQuery(workspaceId));
  return (
    <QueryView queries={[persona, channels]}>
      {(loaded, channelList) => (
        <PersonaScreen
          key={personaId}
          workspaceId={workspaceId}
          personaId={personaId}
          loaded={loaded}
          channels={channelList}
        />
      )}
    </QueryView>
  );
}

function PersonaScreen({
  workspaceId,
  personaId,
  loaded,
  channels,
}: {
  workspaceId: string;
  personaId: string;
  loaded: Persona;
  channels: Channel[];
}) {
  const t = useT();
  const errorMessage = useErrorMessage();
  const { roleIn } = useSession();
  const [, navigate] = useLocation();
  const search = useSearch();
  const mutations = usePersonaMutations(workspaceId);
  const canWrite = roleIn(workspaceId) === "owner" || roleIn(workspaceId) === "editor";
  // The saved persona and the draft being edited; a refresh of the query in the background never overwrites a draft.
  const [persona, setPersona] = useState<Persona>(loaded);
  const [draft, setDraft] = useState<PersonaDraft>(() => draftOf(loaded));
  const [mode, setMode] = useState<"card" | "edit">(() => (new URLSearchParams(search).get("edit") ? "edit" : "card"));
  const [problems, setProblems] = useState<FieldProblem[]>([]);
  const [status, setStatus] = useState<"idle" | "saving" | "saved">("idle");
  const [saveError, setSaveError] = useState<string | null>(null);

  const dirty = JSON.stringify(draftOf(persona)) !== JSON.stringify(draft);

  const saveMutation = mutations.save;
  const save = useCallback(async () => {
    const found = validateDraft(draft);
    setProblems(found);
    setSaveError(null);
    if (found.length > 0) return;
    setStatus("saving");
    try {
      const saved = await saveMutation.mutateAsync({ personaId, fields: draft });
      setPersona(saved);
      setDraft(draftOf(saved));
      setStatus("saved");
    } catch (err) {
      setProblems(serverProblems(err));
      setSaveError(errorMessage(err));
      setStatus("idle");
    }
  }, [draft, personaId, errorMessage, saveMutation]);

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

  const invalid = (path: string) => problems.some((p) => p.path === path || p.path.startsWith(`${path}.`));

  function photoSaved(photoUrl: string | undefined) {
    const next = { ...persona, photoUrl };
    setPersona(next);
    setDraft({ ...draft, photoUrl });
    mutations.photoChanged(next);
  }

  async function remove() {
    if (!window.confirm(t("common.action.confirmDelete", { name: persona.name }))) return;
    try {
      await mutations.remove.mutateAsync(personaId);
      navigate("/");
    } catch (err) {
      setSaveError(errorMessage(err));
    }
  }

  return (
    <div className={styles.page}>
      <div className={`${styles.toolbar} no-print`}>
        <Link href="/" className={buttonClassName("ghost", "small")}>
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
          <Button size="small" onClick={() => window.print()}>
            {t("personas.print")}
          </Button>
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
            <Button size="small" variant="danger" onClick={remove}>
              {t("personas.delete")}
            </Button>
            <Button
              variant="primary"
              onClick={() => void save()}
              disabled={status === "saving" || !dirty}
              data-testid="save-persona"
            >
              {t("common.action.save")}
            </Button>
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
