import { blankMap, MAP_TYPES, type MapType, type Persona, type TemplateSummary } from "@opencjm/core";
import { useQueries, useQuery } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { useLocation } from "wouter";
import { personaListQuery } from "../../api/workspaceQueries.js";
import { Button } from "../../app/Button.js";
import { QueryView } from "../../app/QueryView.js";
import { useSession } from "../../app/SessionProvider.js";
import { useErrorMessage } from "../../app/useErrorMessage.js";
import { useI18n } from "../../i18n/I18nProvider.js";
import { PersonaAvatar } from "../personas/PersonaAvatar.js";
import { templateListQuery, templatePreviewQuery, useCreateMap } from "./templateQueries.js";
import { TemplatePreview } from "./TemplatePreview.js";
import styles from "./NewMapPage.module.css";

const BLANK = "blank";

/** The template gallery: pick a template (or a blank map), name it, choose its type and personas, and open it. */
export default function NewMapPage({ workspaceId }: { workspaceId: string }) {
  const { locale } = useI18n();
  const templates = useQuery(templateListQuery(locale));
  const personas = useQuery(personaListQuery(workspaceId));
  return (
    <QueryView queries={[templates, personas]}>
      {(list, people) => <TemplateGallery workspaceId={workspaceId} templates={list} personas={people} />}
    </QueryView>
  );
}

function TemplateGallery({
  workspaceId,
  templates,
  personas,
}: {
  workspaceId: string;
  templates: TemplateSummary[];
  personas: Persona[];
}) {
  const { t, locale } = useI18n();
  const errorMessage = useErrorMessage();
  const { roleIn } = useSession();
  const [, navigate] = useLocation();
  // Previews come one by one; the gallery is usable before they arrive.
  const previews = useQueries({ queries: templates.map((x) => templatePreviewQuery(locale, x.id)) });
  const creating = useCreateMap(workspaceId);
  const busy = creating.isPending || creating.isSuccess;
  const [chosen, setChosen] = useState<string>("");
  const [title, setTitle] = useState("");
  const [type, setType] = useState<MapType>("currentState");
  const [goal, setGoal] = useState("");
  const [personaIds, setPersonaIds] = useState<string[]>([]);
  const [error, setError] = useState<string | null>(null);

  const canWrite = roleIn(workspaceId) === "owner" || roleIn(workspaceId) === "editor";
  const template = templates.find((x) => x.id === chosen);

  function choose(id: string) {
    setChosen(id);
    const picked = templates.find((x) => x.id === id);
    setType(picked?.mapType ?? "currentState");
    setError(null);
  }

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (!chosen) return setError(t("templates.pickOne"));
    setError(null);
    try {
      const name = title.trim() || template?.name || t("templates.untitledMap");
      const created = await creating.mutateAsync({
        request:
          chosen === BLANK
            ? {
                snapshot: blankMap({
                  title: name,
                  type,
                  locale,
                  goal,
                  personaIds,
                  stageName: t("templates.blankStage"),
                  stepName: t("templates.blankStep"),
                }),
              }
            : { templateId: chosen, locale, title: name, goal, personaIds },
        retype: chosen !== BLANK && template && type !== template.mapType ? type : undefined,
      });
      navigate(`/maps/${created.map.id}`);
    } catch (err) {
      setError(errorMessage(err));
    }
  }

  return (
    <div className={styles.page}>
      <header>
        <h1 className={styles.title}>{t("templates.title")}</h1>
        <p className={styles.lead}>{t("templates.lead")}</p>
      </header>
      <div className={styles.layout}>
        <ul
          className={styles.gallery}
          role="radiogroup"
          aria-label={t("templates.galleryLabel")}
          data-testid="template-gallery"
        >
          {templates.map((x, i) => (
            // The list is a radio group: its items are only boxes around the radios.
            <li key={x.id} role="presentation">
              <button
                type="button"
                role="radio"
                aria-checked={chosen === x.id}
                className={styles.card}
                onClick={() => choose(x.id)}
                data-testid="template"
                data-template-id={x.id}
              >
                <TemplatePreview snapshot={previews[i]?.data?.snapshot ?? null} />
                <span className={styles.cardTitle}>{x.name}</span>
                <span className={styles.cardText}>{x.description}</span>
                <span className={styles.cardMeta}>
                  <span className="badge badge-accent">{t(`vocabulary.mapType.${x.mapType}`)}</span>
                  <span className="badge">{t("templates.stageCount", { count: x.stages.length })}</span>
                  <span className="badge">{t("templates.laneCount", { count: x.lanes.length })}</span>
                </span>
              </button>
            </li>
          ))}
          <li role="presentation">
            <button
              type="button"
              role="radio"
              aria-checked={chosen === BLANK}
              className={`${styles.card} ${styles.blank}`}
              onClick={() => choose(BLANK)}
              data-testid="template"
              data-template-id={BLANK}
            >
              <span className={styles.blankIcon} aria-hidden="true">
                +
              </span>
              <span className={styles.cardTitle}>{t("templates.blankTitle")}</span>
              <span className={styles.cardText}>{t("templates.blankText")}</span>
            </button>
          </li>
        </ul>

        <form className={styles.form} onSubmit={submit} noValidate data-testid="new-map-form">
          <h2 className={styles.formTitle}>
            {template ? template.name : chosen === BLANK ? t("templates.blankTitle") : t("templates.pickOne")}
          </h2>
          <label className="field">
            {t("templates.mapTitle")}
            <input
              className="input"
              name="title"
              maxLength={200}
              value={title}
              placeholder={template?.name ?? t("templates.untitledMap")}
              onChange={(e) => setTitle(e.target.value)}
            />
          </label>
          <label className="field">
            {t("templates.mapType")}
            <select className="input" name="type" value={type} onChange={(e) => setType(e.target.value as MapType)}>
              {MAP_TYPES.map((mt) => (
                <option key={mt} value={mt}>
                  {t(`vocabulary.mapType.${mt}`)}
                </option>
              ))}
            </select>
          </label>
          <label className="field">
            {t("templates.goal")}
            <textarea
              className="input"
              name="goal"
              maxLength={2000}
              rows={2}
              value={goal}
              placeholder={t("templates.goalPlaceholder")}
              onChange={(e) => setGoal(e.target.value)}
            />
          </label>
          <fieldset className={styles.personas}>
            <legend>{t("templates.personas")}</legend>
            {personas.length === 0 && <p className="hint">{t("templates.noPersonas")}</p>}
            {personas.map((p) => (
              <label key={p.id} className={styles.personaOption}>
                <input
                  type="checkbox"
                  checked={personaIds.includes(p.id)}
                  onChange={(e) =>
                    setPersonaIds(e.target.checked ? [...personaIds, p.id] : personaIds.filter((id) => id !== p.id))
                  }
                />
                <PersonaAvatar name={p.name} photoUrl={p.photoUrl} avatarSeed={p.avatarSeed} size={24} />
                <bdi>{p.name}</bdi>
              </label>
            ))}
          </fieldset>
          {error && (
            <p role="alert" className="field-error">
              {error}
            </p>
          )}
          {!canWrite && <p className="hint">{t("templates.readOnly")}</p>}
          <Button type="submit" variant="primary" disabled={busy || !canWrite} data-testid="create-map">
            {busy ? t("templates.creating") : t("templates.create")}
          </Button>
        </form>
      </div>
    </div>
  );
}
