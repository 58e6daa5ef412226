import { KpiMeasureSchema, type Kpi, type KpiAnchor, type KpiMeasure, type KpiSource } from "@opencjm/core";
import { useMutation } from "@tanstack/react-query";
import { useId, useState, type FormEvent } from "react";
import { ApiRequestError } from "../../api/apiClient.js";
import { Dialog } from "../../app/Dialog.js";
import { useI18n } from "../../i18n/I18nProvider.js";
import { parseLocaleNumber } from "../cells/fields/parseLocaleNumber.js";
import { createKpi, updateKpi } from "./kpisApi.js";
import styles from "./Kpis.module.css";

const BETWEEN_STEPS: readonly KpiMeasure[] = ["conversion", "dropOff", "medianTime", "p90Time"];

/** The measures a KPI at this anchor can have: a touchpoint only its reach, the workspace none (entered by hand). */
function measuresFor(anchor: KpiAnchor): readonly KpiMeasure[] {
  if (anchor.kind === "workspace") return [];
  if (anchor.kind === "touchpoint") return ["reach"];
  return KpiMeasureSchema.options;
}

/**
 * Defines a KPI at an anchor, or edits one: name, how it is measured (by hand, or one of the data measures, up to
 * another step for conversions and times), unit, which way is better and the target. Saves through the API and tells
 * the server's refusal in words.
 */
export function KpiEditorDialog({
  workspaceId,
  anchor,
  kpi,
  steps,
  initialName = "",
  onSaved,
  onClose,
}: {
  workspaceId: string;
  anchor: KpiAnchor;
  kpi?: Kpi;
  /** Steps of the map a conversion may go to (other than the anchor). */
  steps: ReadonlyArray<{ id: string; name: string }>;
  initialName?: string;
  onSaved: (kpi: Kpi) => void;
  onClose: () => void;
}) {
  const { t, locale, formatNumber } = useI18n();
  const id = useId();
  const [name, setName] = useState(kpi?.name ?? initialName);
  const [source, setSource] = useState<"manual" | KpiMeasure>(
    kpi?.source.kind === "data" ? kpi.source.measure : kpi ? "manual" : (measuresFor(anchor)[0] ?? "manual"),
  );
  const [toStepId, setToStepId] = useState(kpi?.source.kind === "data" ? (kpi.source.toStepId ?? "") : "");
  const [unit, setUnit] = useState(kpi?.unit ?? "");
  const [direction, setDirection] = useState<"higher" | "lower">(kpi?.direction ?? "higher");
  const [target, setTarget] = useState(
    kpi?.target === null || !kpi ? "" : formatNumber(kpi.target, { useGrouping: false }),
  );
  const [targetProblem, setTargetProblem] = useState(false);
  const save = useMutation({
    mutationFn: (body: { source: KpiSource; target: number | null }) => {
      const fields = { name: name.trim(), unit: unit.trim(), direction, ...body };
      return kpi ? updateKpi(workspaceId, kpi.id, fields) : createKpi(workspaceId, { anchor, ...fields });
    },
    onSuccess: onSaved,
  });

  const handleSubmit = (event: FormEvent) => {
    event.preventDefault();
    const parsed = target.trim() === "" ? null : parseLocaleNumber(target, locale);
    setTargetProblem(target.trim() !== "" && parsed === null);
    if (target.trim() !== "" && parsed === null) return;
    const dataSource: KpiSource =
      source === "manual"
        ? { kind: "manual" }
        : { kind: "data", measure: source, ...(toStepId && BETWEEN_STEPS.includes(source) ? { toStepId } : {}) };
    save.mutate({ source: dataSource, target: parsed });
  };
  const error = save.error instanceof ApiRequestError ? save.error.message : save.error ? String(save.error) : null;

  return (
    <Dialog title={kpi ? t("kpis.editor.titleEdit") : t("kpis.editor.titleNew")} onClose={onClose} testId="kpi-editor">
      <form className={styles.form} onSubmit={handleSubmit}>
        <label>
          {t("kpis.editor.name")}
          <input value={name} onChange={(e) => setName(e.target.value)} required maxLength={200} data-autofocus />
        </label>
        <label>
          {t("kpis.editor.source")}
          <select value={source} onChange={(e) => setSource(e.target.value as "manual" | KpiMeasure)}>
            {measuresFor(anchor).map((m) => (
              <option key={m} value={m}>
                {t(`kpis.measure.${m}`)}
              </option>
            ))}
            <option value="manual">{t("kpis.measure.manual")}</option>
          </select>
        </label>
        {anchor.kind === "step" && source !== "manual" && BETWEEN_STEPS.includes(source) && (
          <label>
            {t("kpis.editor.toStep")}
            <select value={toStepId} onChange={(e) => setToStepId(e.target.value)}>
              <option value="">{t("kpis.editor.toStepNext")}</option>
              {steps.map((s) => (
                <option key={s.id} value={s.id}>
                  {s.name}
                </option>
              ))}
            </select>
          </label>
        )}
        <label>
          {t("kpis.editor.unit")}
          <input value={unit} onChange={(e) => setUnit(e.target.value)} maxLength={30} />
        </label>
        <fieldset>
          <legend>{t("kpis.editor.direction")}</legend>
          {(["higher", "lower"] as const).map((d) => (
            <label key={d}>
              <input type="radio" name={`${id}-direction`} checked={direction === d} onChange={() => setDirection(d)} />
              {t(`kpis.editor.${d}`)}
            </label>
          ))}
        </fieldset>
        <label>
          {t("kpis.editor.target")}
          <input
            value={target}
            onChange={(e) => setTarget(e.target.value)}
            inputMode="decimal"
            aria-invalid={targetProblem || undefined}
            aria-describedby={targetProblem ? `${id}-target` : undefined}
          />
        </label>
        {targetProblem && (
          <p id={`${id}-target`} role="alert" className={styles.error}>
            {t("kpis.editor.notNumber")}
          </p>
        )}
        {error && (
          <p role="alert" className={styles.error}>
            {t("kpis.editor.failed", { message: error })}
          </p>
        )}
        <div className={styles.actions}>
          <button type="button" onClick={onClose}>
            {t("kpis.editor.cancel")}
          </button>
          <button type="submit" disabled={save.isPending}>
            {save.isPending ? t("kpis.editor.saving") : t("kpis.editor.save")}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
