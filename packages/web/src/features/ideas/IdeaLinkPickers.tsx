import type { IdeaLink, IdeaStepInput } from "@opencjm/core";
import { useI18n } from "../../i18n/I18nProvider.js";
import { stepKey, type IdeaLinkChoices } from "./ideaLinkChoices.js";
import { LinkPicker } from "./LinkPicker.js";
import styles from "./LinkPicker.module.css";

/** The steps, touchpoints and KPIs an idea is linked to, as the dialog edits them. */
export interface IdeaLinkSelection {
  steps: IdeaStepInput[];
  touchpointIds: string[];
  kpiIds: string[];
}

/**
 * The idea dialog's three pickers: the steps it changes, the touchpoints it changes and the KPIs it should move,
 * each from the map's own. Links made earlier on another map (or to something since removed) stay as chips with
 * the name the idea knows them by.
 */
export function IdeaLinkPickers({
  choices,
  value,
  knownSteps = [],
  disabled,
  onChange,
}: {
  choices: IdeaLinkChoices;
  value: IdeaLinkSelection;
  /** The idea's stored step links, for the names of steps not on this map. */
  knownSteps?: readonly IdeaLink[];
  disabled: boolean;
  onChange: (next: IdeaLinkSelection) => void;
}) {
  const { t } = useI18n();
  const stepLabels = new Map(
    knownSteps
      .filter((l) => l.stepId !== null)
      .map((l) => [stepKey(l.mapId, l.stepId!), l.missing ? t("ideas.links.missing", { label: l.label }) : l.label]),
  );
  const stepsByKey = new Map(value.steps.map((s) => [stepKey(s.mapId, s.stepId), s]));
  const unknown = t("ideas.pick.unknown");
  return (
    <div className={styles.pickers}>
      <LinkPicker
        label={t("ideas.pick.steps")}
        choices={choices.steps}
        selected={[...stepsByKey.keys()]}
        labelOf={(key) => stepLabels.get(key) ?? unknown}
        disabled={disabled}
        onChange={(keys) =>
          onChange({
            ...value,
            steps: keys.map((key) => {
              const known = stepsByKey.get(key);
              if (known) return known;
              const slash = key.indexOf("/");
              return { mapId: key.slice(0, slash), stepId: key.slice(slash + 1) };
            }),
          })
        }
      />
      <LinkPicker
        label={t("ideas.pick.touchpoints")}
        choices={choices.touchpoints}
        selected={value.touchpointIds}
        labelOf={(id) => choices.touchpointNames.get(id) ?? unknown}
        disabled={disabled}
        onChange={(touchpointIds) => onChange({ ...value, touchpointIds })}
      />
      <LinkPicker
        label={t("ideas.pick.kpis")}
        choices={choices.kpis}
        selected={value.kpiIds}
        labelOf={(id) => choices.kpiNames.get(id) ?? unknown}
        disabled={disabled}
        onChange={(kpiIds) => onChange({ ...value, kpiIds })}
      />
    </div>
  );
}
