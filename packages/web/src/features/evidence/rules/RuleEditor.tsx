import type { DataFacets, RuleMatch } from "@opencjm/core";
import { useId, useState } from "react";
import { useI18n } from "../../../i18n/I18nProvider.js";
import { ImportProblemNote } from "../sources/ImportProblemNote.js";
import { EventNamesField } from "./EventNamesField.js";
import { CONDITION_OPERATORS, draftOfRule, ruleOfDraft, type ConditionOperator, type RuleDraft } from "./ruleDraft.js";
import { useRulePreview, type RuleCounter } from "./useRulePreview.js";
import styles from "./Rules.module.css";

/**
 * Edits which events count as a touchpoint: exact event names, a wildcard pattern, a channel and conditions on the
 * events' properties, with live counts of the events and customers it matches as you type.
 */
export function RuleEditor({
  workspaceId,
  facets,
  rule,
  readOnly,
  onSave,
  onDelete,
  countMatches,
}: {
  workspaceId: string;
  facets: DataFacets | null;
  rule?: RuleMatch;
  readOnly?: boolean;
  onSave: (rule: RuleMatch) => Promise<void>;
  onDelete?: () => Promise<void>;
  countMatches?: RuleCounter;
}) {
  const { t, formatNumber } = useI18n();
  const [draft, setDraft] = useState<RuleDraft>(() => draftOfRule(rule));
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const propertiesId = useId();
  const match = ruleOfDraft(draft);
  const { matches } = useRulePreview(workspaceId, match, countMatches);
  const saved = rule !== undefined && JSON.stringify(match) === JSON.stringify(ruleOfDraft(draftOfRule(rule)));
  const names = [...new Set((facets?.eventNames ?? []).map((e) => e.eventName))];
  const setCondition = (i: number, patch: Partial<RuleDraft["conditions"][number]>) =>
    setDraft({ ...draft, conditions: draft.conditions.map((c, j) => (j === i ? { ...c, ...patch } : c)) });
  const run = async (work: () => Promise<void>) => {
    setBusy(true);
    setError(null);
    try {
      await work();
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className={styles.rule} data-testid="rule-editor">
      <EventNamesField
        names={draft.eventNames}
        suggestions={names}
        disabled={readOnly}
        onChange={(eventNames) => setDraft({ ...draft, eventNames })}
      />
      <div className={styles.row}>
        <label className="field">
          {t("evidence.rule.pattern")}
          <input
            className="input"
            dir="ltr"
            value={draft.pattern}
            disabled={readOnly}
            placeholder="checkout_*"
            onChange={(e) => setDraft({ ...draft, pattern: e.target.value })}
            data-testid="rule-pattern"
          />
          <small>{t("evidence.rule.patternHint")}</small>
        </label>
        <label className="field">
          {t("evidence.rule.channel")}
          <select
            className="input"
            value={draft.channel}
            disabled={readOnly}
            onChange={(e) => setDraft({ ...draft, channel: e.target.value })}
            data-testid="rule-channel"
          >
            <option value="">{t("evidence.rule.anyChannel")}</option>
            {(facets?.channels ?? []).map((c) => (
              <option key={c.channel} value={c.channel}>
                {c.channel}
              </option>
            ))}
            {draft.channel && !facets?.channels.some((c) => c.channel === draft.channel) && (
              <option value={draft.channel}>{draft.channel}</option>
            )}
          </select>
        </label>
      </div>
      <fieldset className={styles.conditions}>
        <legend>{t("evidence.rule.conditions")}</legend>
        {draft.conditions.map((c, i) => (
          <div key={i} className={styles.condition} data-testid="rule-condition">
            <input
              className="input"
              dir="auto"
              list={propertiesId}
              value={c.property}
              disabled={readOnly}
              aria-label={t("evidence.rule.property")}
              placeholder={t("evidence.rule.property")}
              onChange={(e) => setCondition(i, { property: e.target.value })}
            />
            <select
              className="input"
              value={c.operator}
              disabled={readOnly}
              aria-label={t("evidence.rule.operator")}
              onChange={(e) => setCondition(i, { operator: e.target.value as ConditionOperator })}
            >
              {CONDITION_OPERATORS.map((op) => (
                <option key={op} value={op}>
                  {t(`evidence.operator.${op}`)}
                </option>
              ))}
            </select>
            {c.operator !== "exists" && (
              <input
                className="input"
                dir="auto"
                value={c.value}
                disabled={readOnly}
                aria-label={t("evidence.rule.value")}
                placeholder={c.operator === "in" ? t("evidence.rule.valuesHint") : t("evidence.rule.value")}
                onChange={(e) => setCondition(i, { value: e.target.value })}
              />
            )}
            {!readOnly && (
              <button
                type="button"
                className="btn btn-ghost btn-small"
                onClick={() => setDraft({ ...draft, conditions: draft.conditions.filter((_, j) => j !== i) })}
              >
                {t("common.action.delete")}
              </button>
            )}
          </div>
        ))}
        {!readOnly && (
          <button
            type="button"
            className="btn btn-small"
            onClick={() =>
              setDraft({ ...draft, conditions: [...draft.conditions, { property: "", operator: "eq", value: "" }] })
            }
            data-testid="add-condition"
          >
            {t("evidence.rule.addCondition")}
          </button>
        )}
        <datalist id={propertiesId}>
          {(facets?.properties ?? []).map((p) => (
            <option key={p.name} value={p.name} />
          ))}
        </datalist>
      </fieldset>
      <p
        className={styles.matches}
        role="status"
        aria-live="polite"
        data-testid="rule-matches"
        data-events={matches?.events}
        data-customers={matches?.customers}
      >
        {!match
          ? t("evidence.rule.needsNames")
          : matches
            ? t("evidence.rule.matches", {
                events: matches.events,
                customers: matches.customers,
                count: matches.events,
                share: formatNumber(matches.totalEvents ? matches.events / matches.totalEvents : 0, {
                  style: "percent",
                  maximumFractionDigits: 1,
                }),
              })
            : t("evidence.rule.counting")}
      </p>
      {matches && matches.examples.length > 0 && (
        <ul className={styles.examples}>
          {matches.examples.slice(0, 6).map((e) => (
            <li key={`${e.eventName}|${e.channel ?? ""}`}>
              <bdi>{e.eventName}</bdi>
              {e.channel && <span className={styles.muted}> · {e.channel}</span>}{" "}
              <span className={styles.muted}>({formatNumber(e.events)})</span>
            </li>
          ))}
        </ul>
      )}
      {error !== null && <ImportProblemNote error={error} />}
      {!readOnly && (
        <div className={styles.actions}>
          {onDelete && (
            <button
              type="button"
              className="btn btn-small btn-danger"
              disabled={busy}
              onClick={() => void run(onDelete)}
            >
              {t("evidence.rule.delete")}
            </button>
          )}
          <button
            type="button"
            className="btn btn-primary btn-small"
            disabled={busy || !match || saved}
            onClick={() => match && void run(() => onSave(match))}
            data-testid="save-rule"
          >
            {saved ? t("common.state.saved") : t("evidence.rule.save")}
          </button>
        </div>
      )}
    </div>
  );
}
