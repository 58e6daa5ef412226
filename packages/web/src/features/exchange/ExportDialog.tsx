import { EXPORT_FORMATS, type ExportFormat } from "@opencjm/core";
import { useEffect, useState } from "react";
import { Dialog } from "../../app/Dialog.js";
import { useT } from "../../i18n/I18nProvider.js";
import { UI_LOCALES } from "../../i18n/locales.js";
import { ErrorNote } from "./ErrorNote.js";
import {
  DEFAULT_EXPORT_CHOICE,
  downloadExport,
  PAPERS,
  prepareExport,
  PNG_SCALES,
  RESEARCH_FORMATS,
  type ExportChoice,
  type Orientation,
  type Paper,
  type PngScale,
} from "./exchangeApi.js";
import styles from "./Exchange.module.css";

/** Chooses a format (for a PDF its paper and orientation, for a PNG its size) and downloads the export. */
export function ExportDialog({
  workspaceId,
  mapId,
  onClose,
}: {
  workspaceId: string;
  mapId: string;
  onClose: () => void;
}) {
  const t = useT();
  const [choice, setChoice] = useState<ExportChoice>(DEFAULT_EXPORT_CHOICE);
  const [state, setState] = useState<
    { kind: "idle" } | { kind: "working" } | { kind: "done"; name: string } | { kind: "failed"; error: unknown }
  >({ kind: "idle" });
  // As the dialog opens the server gets ready for the export it offers first (the menu asked already; the server draws
  // a view once): the download button comes a few seconds later, and a newcomer's first export no longer pays for
  // starting Chromium and drawing the map the first time.
  useEffect(() => prepareExport(workspaceId, mapId, DEFAULT_EXPORT_CHOICE), [workspaceId, mapId]);
  const paged = choice.format === "pdf";
  // The infographic PDF is one landscape sheet of a chosen paper; its PNG is a picture of that sheet.
  const sheet = choice.format === "infographic";
  const update = (patch: Partial<ExportChoice>) => {
    const next = { ...choice, ...patch };
    setChoice(next);
    setState({ kind: "idle" });
    // Another format or language is drawn ahead too (its layout, its fonts); paper and orientation change too little
    // to be worth keeping the server's browser busy while the user may be about to press Download.
    if (next.format !== choice.format || next.lang !== choice.lang) prepareExport(workspaceId, mapId, next);
  };

  const handleDownload = async () => {
    setState({ kind: "working" });
    try {
      setState({ kind: "done", name: await downloadExport(workspaceId, mapId, choice) });
    } catch (error) {
      setState({ kind: "failed", error });
    }
  };

  return (
    <Dialog title={t("exchange.export.title")} onClose={onClose}>
      <form
        className={styles.form}
        data-testid="export-dialog"
        onSubmit={(e) => {
          e.preventDefault();
          void handleDownload();
        }}
      >
        <label className="field">
          {t("exchange.export.format")}
          <select
            className="input"
            value={choice.format}
            onChange={(e) => update({ format: e.target.value as ExportFormat })}
            data-testid="export-format"
          >
            {EXPORT_FORMATS.map((f) => (
              <option key={f} value={f}>
                {t(`exchange.format.${f}`)}
              </option>
            ))}
          </select>
        </label>
        <label className="field">
          {t("exchange.export.language")}
          <select
            className="input"
            value={choice.lang}
            onChange={(e) => update({ lang: e.target.value })}
            data-testid="export-language"
          >
            <option value="">{t("exchange.export.mapLanguage")}</option>
            {UI_LOCALES.map((l) => (
              <option key={l.code} value={l.code} lang={l.code}>
                {l.label}
              </option>
            ))}
          </select>
        </label>
        {sheet && (
          <label className="field">
            {t("exchange.export.paper")}
            <select
              className="input"
              value={choice.paper === "fit" ? "A4" : choice.paper}
              onChange={(e) => update({ paper: e.target.value as Paper })}
              data-testid="export-paper"
            >
              {PAPERS.filter((p) => p !== "fit").map((p) => (
                <option key={p} value={p}>
                  {t(`exchange.paper.${p}`)}
                </option>
              ))}
            </select>
          </label>
        )}
        {choice.format === "png" && (
          <label className="field">
            {t("exchange.export.scale")}
            <select
              className="input"
              value={choice.scale}
              onChange={(e) => update({ scale: e.target.value as PngScale })}
              data-testid="export-scale"
            >
              {PNG_SCALES.map((s) => (
                <option key={s} value={s}>
                  {t(`exchange.scale.${s || "auto"}`)}
                </option>
              ))}
            </select>
          </label>
        )}
        {paged && (
          <div className={styles.row}>
            <label className="field">
              {t("exchange.export.paper")}
              <select
                className="input"
                value={choice.paper}
                onChange={(e) => update({ paper: e.target.value as Paper })}
                data-testid="export-paper"
              >
                {PAPERS.map((p) => (
                  <option key={p} value={p}>
                    {t(`exchange.paper.${p}`)}
                  </option>
                ))}
              </select>
            </label>
            <label className="field">
              {t("exchange.export.orientation")}
              <select
                className="input"
                value={choice.orientation}
                disabled={choice.paper === "fit"}
                onChange={(e) => update({ orientation: e.target.value as Orientation })}
                data-testid="export-orientation"
              >
                <option value="landscape">{t("exchange.orientation.landscape")}</option>
                <option value="portrait">{t("exchange.orientation.portrait")}</option>
              </select>
            </label>
          </div>
        )}
        {RESEARCH_FORMATS.includes(choice.format) && (
          <label className={styles.check}>
            <input
              type="checkbox"
              checked={choice.research}
              onChange={(e) => update({ research: e.target.checked })}
              data-testid="export-research"
            />
            {t("exchange.export.research")}
          </label>
        )}
        {state.kind === "working" && (
          <p className={styles.status} role="status">
            {t("exchange.export.working")}
          </p>
        )}
        {state.kind === "done" && (
          <p className={styles.status} role="status" data-testid="export-done">
            {t("exchange.export.done", { name: state.name })}
          </p>
        )}
        {state.kind === "failed" && <ErrorNote error={state.error} />}
        <div className={styles.actions}>
          <button type="button" className="btn" onClick={onClose}>
            {t("exchange.close")}
          </button>
          <button
            type="submit"
            className="btn btn-primary"
            disabled={state.kind === "working"}
            data-testid="export-download"
          >
            {t("exchange.export.download")}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
