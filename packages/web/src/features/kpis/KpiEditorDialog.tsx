import { KpiMeasureSchema, type Kpi, type KpiAnchor, type KpiMeasure, type KpiSource } from "@opencjm/core";
import { useMutation, useQuery } from "@tanstack/react-query";
import { useId, useState, type FormEvent } from "react";
import { ApiRequestError } from "../../api/apiClient.js";
import { Dialog } from "../../app/Dialog.js";
import { Button } from "../../app/Button.js";
import { useI18n } from "../../i18n/I18nProvider.js";
import { parseLocaleNumber } from "../cells/fields/parseLocaleNumber.js";
import { memberListQuery } from "../members/membersQueries.js";
import { anchorComplete, anchorText, KpiAnchorField, type KpiCardFocus } from "./KpiAnchorField.js";
import { useMapPlaces } from "./kpiPlaces.js";
import { createKpi, updateKpi } from "./kpisApi.js";
import styles from "./Kpis.module.css";

const BETWEEN_STEPS: readonly KpiMeasure[] = ["conversion", "dropOff", "medianTime", "p90Time"];

/** The measures a KPI at this anchor can have: a touchpoint only its reach, the workspace none (entered by hand). */
function measuresFor(anchor: KpiAnchor): readonly KpiMeasure[] {
  if (anchor.kind === "workspace") return [];
  if (anchor.kind === "touchpoint") return ["reach"];
  return KpiMeasureSchema.options;
}

const mapOf = (anchor: KpiAnchor) => (anchor.kind === "workspace" ? null : anchor.mapId);

/**
 * Defines a KPI, or edits one: where it sits (a new one: the workspace, or a stage, step or touchpoint of a map), its
 * name, how it is measured (by hand, or one of the data measures, up to another step for conversions and times), unit,
 * which way is better, target and owner. Saves through the API and tells the server's refusal in words.
 */
export function KpiEditorDialog({
  workspaceId,
  kpi,
  initialAnchor = { kind: "workspace" },
  focus,
  maps,
  steps,
  initialName = "",
  onSaved,
  onClose,
}: {
  workspaceId: string;
  kpi?: Kpi;
  /** Where a new KPI sits until the user chooses otherwise. */
  initialAnchor?: KpiAnchor;
  /** Opened from a KPI card: offers its step, its stage, the map's touchpoints and the workspace. */
  focus?: KpiCardFocus;
  /** Opened from the KPI list: a new KPI's map is chosen among these. */
  maps?: ReadonlyArray<{ id: string; title: string }>;
  /** Steps of the map a conversion may go to (other than the anchor); by default the map's other steps. */
  steps?: ReadonlyArray<{ id: string; name: string }>;
  initialName?: string;
  onSaved: (kpi: Kpi) => void;
  onClose: () => void;
}) {
  const { t, locale, formatNumber } = useI18n();
  const id = useId();
  const [anchor, setAnchor] = useState<KpiAnchor>(kpi?.anchor ?? initialAnchor);
  const [mapId, setMapId] = useState<string | null>(mapOf(kpi?.anchor ?? initialAnchor));
  const places = useMapPlaces(workspaceId, mapId ? [mapId] : []).get(mapId ?? "");
  const members = useQuery(memberListQuery(workspaceId));
  const [name, setName] = useState(kpi?.name ?? initialName);
  const [source, setSource] = useState<"manual" | KpiMeasure>(
    kpi?.source.kind === "data" ? kpi.source.measure : kpi ? "manual" : (measuresFor(anchor)[0] ?? "manual"),
  );
  const [toStepId, setToStepId] = useState(kpi?.source.kind === "data" ? (kpi.source.toStepId ?? "") : "");
  const [unit, setUnit] = useState(kpi?.unit ?? "");
  const [direction, setDirection] = useState<"higher" | "lower">(kpi?.direction ?? "higher");
  const [ownerId, setOwnerId] = useState(kpi?.ownerId ?? "");
  const [target, setTarget] = useState(
    kpi?.target === null || !kpi ? "" : formatNumber(kpi.target, { useGrouping: false }),
  );
  const [problem, setProblem] = useState<"target" | "anchor" | null>(null);
  const measures = measuresFor(anchor);
  // A measure the chosen place cannot have (a touchpoint's conversion) falls back to the first it can, or by hand.
  const measure: "manual" | KpiMeasure =
    source === "manual" || measures.includes(source) ? source : (measures[0] ?? "manual");
  const toSteps = steps ?? (places?.steps ?? []).filter((s) => anchor.kind !== "step" || s.id !== anchor.stepId);
  const save = useMutation({
    mutationFn: (body: { source: KpiSource; target: number | null }) => {
      const fields = { name: name.trim(), unit: unit.trim(), direction, ownerId: ownerId || null, ...body };
      return kpi ? updateKpi(workspaceId, kpi.id, fields) : createKpi(workspaceId, { anchor, ...fields });
    },
    onSuccess: onSaved,
  });

  const handleSubmit = (event: FormEvent) => {
    event.preventDefault();
    const parsed = target.trim() === "" ? null : parseLocaleNumber(target, locale);
    const found = !anchorComplete(anchor) ? "anchor" : target.trim() !== "" && parsed === null ? "target" : null;
    setProblem(found);
    if (found) return;
    const between = toStepId && anchor.kind === "step" && BETWEEN_STEPS.includes(measure as KpiMeasure);
    const dataSource: KpiSource =
      measure === "manual" ? { kind: "manual" } : { kind: "data", measure, ...(between ? { toStepId } : {}) };
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
        {kpi ? (
          <p>
            {t("kpis.anchor.label")}: <bdi>{anchorText(kpi.anchor, places, t)}</bdi>
          </p>
        ) : (
          <KpiAnchorField
            mapId={mapId}
            onMapChange={(next) => {
              setMapId(next);
              setAnchor(next ? { kind: "stage", mapId: next, stageId: "" } : { kind: "workspace" });
            }}
            maps={maps}
            value={anchor}
            onChange={setAnchor}
            places={places}
            focus={focus}
          />
        )}
        {problem === "anchor" && (
          <p role="alert" className={styles.error}>
            {t("kpis.editor.chooseAnchor")}
          </p>
        )}
        <label>
          {t("kpis.editor.source")}
          <select value={measure} onChange={(e) => setSource(e.target.value as "manual" | KpiMeasure)}>
            {measures.map((m) => (
              <option key={m} value={m}>
                {t(`kpis.measure.${m}`)}
              </option>
            ))}
            <option value="manual">{t("kpis.measure.manual")}</option>
          </select>
        </label>
        {anchor.kind === "step" && measure !== "manual" && BETWEEN_STEPS.includes(measure) && (
          <label>
            {t("kpis.editor.toStep")}
            <select value={toStepId} onChange={(e) => setToStepId(e.target.value)}>
              <option value="">{t("kpis.editor.toStepNext")}</option>
              {toSteps.map((s) => (
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
            aria-invalid={problem === "target" || undefined}
            aria-describedby={problem === "target" ? `${id}-target` : undefined}
          />
        </label>
        {problem === "target" && (
          <p id={`${id}-target`} role="alert" className={styles.error}>
            {t("kpis.editor.notNumber")}
          </p>
        )}
        <label>
          {t("kpis.editor.owner")}
          <select value={ownerId} onChange={(e) => setOwnerId(e.target.value)} data-testid="kpi-owner">
            <option value="">{t("kpis.editor.noOwner")}</option>
            {(members.data ?? []).map((m) => (
              <option key={m.userId} value={m.userId}>
                {m.name || m.email}
              </option>
            ))}
            {/* An owner who has left the workspace stays shown until someone else is chosen. */}
            {ownerId && members.data && !members.data.some((m) => m.userId === ownerId) && (
              <option value={ownerId}>{t("kpis.editor.formerMember")}</option>
            )}
          </select>
        </label>
        {error && (
          <p role="alert" className={styles.error}>
            {t("kpis.editor.failed", { message: error })}
          </p>
        )}
        <div className={styles.actions}>
          <Button onClick={onClose}>{t("kpis.editor.cancel")}</Button>
          <Button type="submit" variant="primary" disabled={save.isPending}>
            {save.isPending ? t("kpis.editor.saving") : t("kpis.editor.save")}
          </Button>
        </div>
      </form>
    </Dialog>
  );
}
