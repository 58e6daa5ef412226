import { MAP_TYPES, type MapSnapshot, type MapType, type Persona, type TemplateSummary } from "@opencjm/core";
import { useEffect, useState, type FormEvent } from "react";
import { useLocation } from "wouter";
import { ErrorScreen } from "../../app/ErrorScreen.js";
import { LoadingScreen } from "../../app/LoadingScreen.js";
import { useSession } from "../../app/SessionProvider.js";
import { useErrorMessage } from "../../app/useErrorMessage.js";
import { useI18n } from "../../i18n/I18nProvider.js";
import { fetchPersonas } from "../home/homeApi.js";
import { PersonaAvatar } from "../personas/PersonaAvatar.js";
import { blankMap } from "./blankMap.js";
import { createMap, fetchTemplatePreview, fetchTemplates, updateMapSettings } from "./templateApi.js";
import { TemplatePreview } from "./TemplatePreview.js";
import styles from "./NewMapPage.module.css";

const BLANK = "blank";

/** The template gallery: pick a template (or a blank map), name it, choose its type and personas, and open it. */
export default function NewMapPage({ workspaceId }: { workspaceId: string }) {
  const { t, locale } = useI18n();
  const errorMessage = useErrorMessage();
  const { roleIn } = useSession();
  const [, navigate] = useLocation();
  const [templates, setTemplates] = useState<TemplateSummary[] | null>(null);
  const [previews, setPreviews] = useState<Record<string, MapSnapshot>>({});
  const [personas, setPersonas] = useState<Persona[]>([]);
  const [loadError, setLoadError] = useState<unknown>(null);
  const [chosen, setChosen] = useState<string>("");
  const [title, setTitle] = useState("");
  const [type, setType] = useState<MapType>("currentState");
  const [goal, setGoal] = useState("");
  const [personaIds, setPersonaIds] = useState<string[]>([]);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    const abort = new AbortController();
    Promise.all([fetchTemplates(locale, abort.signal), fetchPersonas(workspaceId, abort.signal)]).then(
      ([list, people]) => {
        setTemplates(list);
        setPersonas(people);
        // Previews come one by one; the gallery is usable before they arrive.
        for (const template of list) {
          fetchTemplatePreview(template.id, locale, abort.signal).then(
            ({ snapshot }) => setPreviews((p) => ({ ...p, [template.id]: snapshot })),
            () => undefined,
          );
        }
      },
      (err: unknown) => !abort.signal.aborted && setLoadError(err),
    );
    return () => abort.abort();
  }, [locale, workspaceId]);

  if (loadError) return <ErrorScreen error={loadError} />;
  if (!templates) return <LoadingScreen />;
  const canWrite = roleIn(workspaceId) === "owner" || roleIn(workspaceId) === "editor";
  const template = templates.find((x) => x.id === chosen);

  function choose(id: string) {
    setChosen(id);
    const picked = templates?.find((x) => x.id === id);
    setType(picked?.mapType ?? "currentState");
    setError(null);
  }

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (!chosen) return setError(t("templates.pickOne"));
    setBusy(true);
    setError(null);
    try {
      const name = title.trim() || template?.name || t("templates.untitledMap");
      const created =
        chosen === BLANK
          ? await createMap(workspaceId, {
              snapshot: blankMap({
                title: name,
                type,
                locale,
                goal,
                personaIds,
                stageName: t("templates.blankStage"),
                stepName: t("templates.blankStep"),
              }),
            })
          : await createMap(workspaceId, { templateId: chosen, locale, title: name, goal, personaIds });
      if (chosen !== BLANK && template && type !== template.mapType)
        await updateMapSettings(workspaceId, created.map.id, { type });
      navigate(`/maps/${created.map.id}`);
    } catch (err) {
      setError(errorMessage(err));
      setBusy(false);
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
          {templates.map((x) => (
            <li key={x.id}>
              <button
                type="button"
                role="radio"
                aria-checked={chosen === x.id}
                className={styles.card}
                onClick={() => choose(x.id)}
                data-testid="template"
                data-template-id={x.id}
              >
                <TemplatePreview snapshot={previews[x.id] ?? null} />
                <span className={styles.cardTitle}>{x.name}</span>
                <span className={styles.cardText}>{x.description}</span>
                <span className={styles.cardMeta}>
                  <span className="badge badge-accent">{t(`common.mapType.${x.mapType}`)}</span>
                  <span className="badge">{t("templates.stageCount", { count: x.stages.length })}</span>
                  <span className="badge">{t("templates.laneCount", { count: x.lanes.length })}</span>
                </span>
              </button>
            </li>
          ))}
          <li>
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
                  {t(`common.mapType.${mt}`)}
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
          <button type="submit" className="btn btn-primary" disabled={busy || !canWrite} data-testid="create-map">
            {busy ? t("templates.creating") : t("templates.create")}
          </button>
        </form>
      </div>
    </div>
  );
}
