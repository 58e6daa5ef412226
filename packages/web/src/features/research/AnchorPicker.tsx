import type { HighlightAnchorInput, HighlightAnchorKind } from "@opencjm/core";
import { useQuery } from "@tanstack/react-query";
import { useMemo, useState } from "react";
import { mapListQuery, touchpointListQuery } from "../../api/workspaceQueries.js";
import { useT } from "../../i18n/I18nProvider.js";
import { ideaListQuery } from "../ideas/ideasQueries.js";
import { mapTargets } from "./mapTargets.js";
import { mapBodyQuery } from "./researchQueries.js";
import styles from "./Research.module.css";

/** A chosen link of a highlight with the words it is shown by. */
export interface PickedAnchor {
  input: HighlightAnchorInput;
  label: string;
}

const KINDS: readonly HighlightAnchorKind[] = ["step", "stage", "touchpoint", "painPoint", "idea"];

/** The wire form of a picked target of one kind. */
function anchorInput(kind: HighlightAnchorKind, mapId: string, id: string): HighlightAnchorInput {
  switch (kind) {
    case "step":
      return { kind, mapId, stepId: id };
    case "stage":
      return { kind, mapId, stageId: id };
    case "touchpoint":
    case "painPoint":
      return { kind, mapId, cardId: id };
    case "idea":
      return { kind, ideaId: id };
  }
}

/** The id an anchor points at, to tell two picks apart. */
const targetIdOf = (a: HighlightAnchorInput) =>
  a.kind === "step" ? a.stepId : a.kind === "stage" ? a.stageId : a.kind === "idea" ? a.ideaId : a.cardId;

/**
 * What a highlight is about: a map (the study's maps first), what of it (step, stage, touchpoint, pain point or one
 * of its ideas) and which one, listed from the map's own content. Picking one adds it to the links; each link can be
 * taken off again.
 */
export function AnchorPicker({
  workspaceId,
  preferredMapIds,
  value,
  onChange,
}: {
  workspaceId: string;
  preferredMapIds: readonly string[];
  value: readonly PickedAnchor[];
  onChange: (next: PickedAnchor[]) => void;
}) {
  const t = useT();
  const maps = useQuery(mapListQuery(workspaceId));
  const sortedMaps = useMemo(
    () =>
      [...(maps.data ?? [])].sort(
        (a, b) => Number(preferredMapIds.includes(b.id)) - Number(preferredMapIds.includes(a.id)),
      ),
    [maps.data, preferredMapIds],
  );
  const [chosenMap, setMapId] = useState("");
  const mapId = chosenMap || sortedMaps[0]?.id || "";
  const [kind, setKind] = useState<HighlightAnchorKind>("step");
  const body = useQuery({ ...mapBodyQuery(workspaceId, mapId), enabled: mapId !== "" && kind !== "idea" });
  const touchpoints = useQuery({ ...touchpointListQuery(workspaceId), enabled: kind === "touchpoint" });
  const ideas = useQuery({ ...ideaListQuery(workspaceId, { mapId }), enabled: mapId !== "" && kind === "idea" });
  const options = useMemo(() => {
    if (kind === "idea") return (ideas.data ?? []).map((i) => ({ id: i.id, label: i.title }));
    if (!body.data) return [];
    const names = new Map((touchpoints.data ?? []).map((tp) => [tp.id as string, tp.name]));
    return mapTargets(body.data, (id) => names.get(id), t("common.state.untitled"))[kind];
  }, [kind, ideas.data, body.data, touchpoints.data, t]);
  const picked = new Set(value.map((a) => targetIdOf(a.input)));
  const pick = (id: string) => {
    const option = options.find((o) => o.id === id);
    if (option) onChange([...value, { input: anchorInput(kind, mapId, id), label: option.label }]);
  };

  return (
    <fieldset data-testid="anchor-picker">
      <legend>{t("research.anchor.title")}</legend>
      {value.length > 0 && (
        <ul className={styles.list}>
          {value.map((a) => (
            <li key={`${a.input.kind}:${targetIdOf(a.input)}`} className={styles.row} data-testid="picked-anchor">
              <span className={styles.tag}>{t(`research.anchor.kind.${a.input.kind}`)}</span>
              <bdi>{a.label}</bdi>
              <button
                type="button"
                className={styles.close}
                aria-label={t("research.anchor.remove", { label: a.label })}
                onClick={() => onChange(value.filter((x) => x !== a))}
              >
                ×
              </button>
            </li>
          ))}
        </ul>
      )}
      <div className={styles.row}>
        <label>
          {t("research.anchor.map")}
          <select value={mapId} onChange={(e) => setMapId(e.target.value)} data-testid="anchor-map">
            {sortedMaps.map((m) => (
              <option key={m.id} value={m.id}>
                {m.title}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t("research.anchor.what")}
          <select
            value={kind}
            onChange={(e) => setKind(e.target.value as HighlightAnchorKind)}
            data-testid="anchor-kind"
          >
            {KINDS.map((k) => (
              <option key={k} value={k}>
                {t(`research.anchor.kind.${k}`)}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t("research.anchor.which")}
          <select value="" onChange={(e) => pick(e.target.value)} data-testid="anchor-target">
            <option value="">{options.length === 0 ? t("research.anchor.none") : t("research.anchor.choose")}</option>
            {options.map((o) => (
              <option key={o.id} value={o.id} disabled={picked.has(o.id)}>
                {o.label}
              </option>
            ))}
          </select>
        </label>
      </div>
    </fieldset>
  );
}
