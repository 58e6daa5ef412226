import type { DataFacets, Touchpoint, TouchpointRule } from "@opencjm/core";
import { useState } from "react";
import { useT } from "../../../i18n/I18nProvider.js";
import { createRule, deleteRule, updateRule } from "../api/evidenceApi.js";
import { RuleEditor } from "./RuleEditor.js";
import styles from "./Rules.module.css";
import { Button } from "../../../app/Button.js";

/** The rules that say which events are one touchpoint: each editable with live counts, and a new one to add. */
export function TouchpointRulesPanel({
  workspaceId,
  touchpoint,
  rules,
  facets,
  readOnly,
  onRulesChange,
}: {
  workspaceId: string;
  touchpoint: Touchpoint;
  rules: readonly TouchpointRule[];
  facets: DataFacets | null;
  readOnly: boolean;
  onRulesChange: (rules: TouchpointRule[]) => void;
}) {
  const t = useT();
  const own = rules.filter((r) => r.touchpointId === touchpoint.id);
  const [adding, setAdding] = useState(own.length === 0);
  return (
    <div className={styles.panel} data-testid="touchpoint-rules" data-touchpoint-id={touchpoint.id}>
      <p className={styles.muted}>
        {own.length === 0 ? t("evidence.rules.none") : t("evidence.rules.count", { count: own.length })}
      </p>
      {own.map((rule) => (
        <RuleEditor
          key={rule.id}
          workspaceId={workspaceId}
          facets={facets}
          rule={rule}
          readOnly={readOnly}
          onSave={async (match) => {
            const saved = await updateRule(workspaceId, rule.id, match);
            onRulesChange(rules.map((r) => (r.id === saved.id ? saved : r)));
          }}
          onDelete={async () => {
            await deleteRule(workspaceId, rule.id);
            onRulesChange(rules.filter((r) => r.id !== rule.id));
          }}
        />
      ))}
      {!readOnly &&
        (adding ? (
          <RuleEditor
            workspaceId={workspaceId}
            facets={facets}
            onSave={async (match) => {
              const created = await createRule(workspaceId, { ...match, touchpointId: touchpoint.id });
              onRulesChange([...rules, created]);
              setAdding(false);
            }}
          />
        ) : (
          <Button size="small" onClick={() => setAdding(true)} data-testid="add-rule">
            {t("evidence.rules.add")}
          </Button>
        ))}
    </div>
  );
}
