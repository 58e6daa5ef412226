import type { SegmentRule } from "@opencjm/core";
import { useQuery } from "@tanstack/react-query";
import { useId } from "react";
import { useT } from "../../../i18n/I18nProvider.js";
import { facetsQuery } from "../api/evidenceQueries.js";
import { SegmentSizeNote } from "./SegmentSizeNote.js";
import styles from "./Segments.module.css";

type Condition = SegmentRule["conditions"][number];
type Operator = Condition["operator"];

/** Segment operators in the order a picker offers them. */
export const SEGMENT_OPERATORS: readonly Operator[] = [
  "eq",
  "neq",
  "in",
  "contains",
  "gt",
  "gte",
  "lt",
  "lte",
  "exists",
];

/** A condition's value as the form shows it: lists comma-separated. */
function valueText(c: Condition): string {
  return Array.isArray(c.value) ? c.value.join(", ") : c.value === undefined ? "" : String(c.value);
}

/** The value a condition takes from typed text: a list for `in`, a number for comparisons when it is one. */
export function conditionValue(operator: Operator, text: string): Condition["value"] {
  if (operator === "exists") return undefined;
  if (operator === "in")
    return text
      .split(",")
      .map((v) => v.trim())
      .filter(Boolean);
  const n = Number(text.trim());
  if (
    (operator === "gt" || operator === "gte" || operator === "lt" || operator === "lte") &&
    text.trim() !== "" &&
    Number.isFinite(n)
  )
    return n;
  return text;
}

/**
 * Links a persona to the real customers it stands for: conditions over imported customer attributes (suggested from
 * the data, with their common values), all or any of them, and the segment's live size and share.
 */
export function SegmentEditor({
  workspaceId,
  segment,
  onChange,
}: {
  workspaceId: string;
  segment: SegmentRule | undefined;
  onChange: (segment: SegmentRule | undefined) => void;
}) {
  const t = useT();
  const id = useId();
  // The attributes and their common values only suggest; without them the conditions are typed by hand.
  const facets = useQuery(facetsQuery(workspaceId)).data;
  const rule: SegmentRule = segment ?? { match: "all", conditions: [] };
  const setCondition = (i: number, c: Condition) =>
    onChange({ ...rule, conditions: rule.conditions.map((x, j) => (j === i ? c : x)) });
  return (
    <div className={styles.editor} data-testid="segment-editor">
      <p className={styles.muted}>{t("evidence.segment.intro")}</p>
      {segment && (
        <label className={styles.match}>
          {t("evidence.segment.match")}
          <select
            className="input"
            value={rule.match}
            onChange={(e) => onChange({ ...rule, match: e.target.value as SegmentRule["match"] })}
          >
            <option value="all">{t("evidence.segment.matchAll")}</option>
            <option value="any">{t("evidence.segment.matchAny")}</option>
          </select>
        </label>
      )}
      {rule.conditions.map((c, i) => {
        const values = facets?.attributes.find((a) => a.name === c.attribute)?.values ?? [];
        return (
          <div key={i} className={styles.condition} data-testid="segment-condition">
            <input
              className="input"
              dir="auto"
              list={`${id}-attributes`}
              value={c.attribute}
              aria-label={t("evidence.segment.attribute")}
              placeholder={t("evidence.segment.attribute")}
              onChange={(e) => setCondition(i, { ...c, attribute: e.target.value })}
              data-testid="segment-attribute"
            />
            <select
              className="input"
              value={c.operator}
              aria-label={t("evidence.rule.operator")}
              onChange={(e) =>
                setCondition(i, {
                  ...c,
                  operator: e.target.value as Operator,
                  value: conditionValue(e.target.value as Operator, valueText(c)),
                })
              }
              data-testid="segment-operator"
            >
              {SEGMENT_OPERATORS.map((op) => (
                <option key={op} value={op}>
                  {t(`evidence.operator.${op}`)}
                </option>
              ))}
            </select>
            {c.operator !== "exists" && (
              <input
                className="input"
                dir="auto"
                list={`${id}-values-${i}`}
                value={valueText(c)}
                aria-label={t("evidence.rule.value")}
                placeholder={c.operator === "in" ? t("evidence.rule.valuesHint") : t("evidence.rule.value")}
                onChange={(e) => setCondition(i, { ...c, value: conditionValue(c.operator, e.target.value) })}
                data-testid="segment-value"
              />
            )}
            <datalist id={`${id}-values-${i}`}>
              {values.map((v) => (
                <option key={v.value} value={v.value} />
              ))}
            </datalist>
            <button
              type="button"
              className="btn btn-ghost btn-small"
              onClick={() =>
                onChange(
                  rule.conditions.length === 1
                    ? undefined
                    : { ...rule, conditions: rule.conditions.filter((_, j) => j !== i) },
                )
              }
            >
              {t("common.action.delete")}
            </button>
          </div>
        );
      })}
      <datalist id={`${id}-attributes`}>
        {(facets?.attributes ?? []).map((a) => (
          <option key={a.name} value={a.name} />
        ))}
      </datalist>
      <button
        type="button"
        className="btn btn-small"
        onClick={() =>
          onChange({
            ...rule,
            conditions: [
              ...rule.conditions,
              { attribute: facets?.attributes[0]?.name ?? "", operator: "eq", value: "" },
            ],
          })
        }
        data-testid="add-segment-condition"
      >
        {t("evidence.segment.addCondition")}
      </button>
      {facets && facets.attributes.length === 0 && <p className={styles.muted}>{t("evidence.segment.noAttributes")}</p>}
      <SegmentSizeNote
        workspaceId={workspaceId}
        segment={segment && segment.conditions.every((c) => c.attribute.trim()) ? segment : undefined}
      />
    </div>
  );
}
