import { DECISION_ROLES, type PersonaFields } from "@opencjm/core";
import { useT } from "../../i18n/I18nProvider.js";
import { ListField } from "./ListField.js";
import styles from "./PersonaPage.module.css";

type Member = PersonaFields["buyingCommittee"][number];

/** The B2B buying committee around the persona: each member's name, title, decision role and concerns. */
export function CommitteeEditor({
  value,
  onChange,
  invalid,
}: {
  value: readonly Member[];
  onChange: (members: Member[]) => void;
  invalid: (path: string) => boolean;
}) {
  const t = useT();
  const update = (index: number, patch: Partial<Member>) =>
    onChange(value.map((m, i) => (i === index ? { ...m, ...patch } : m)));
  return (
    <div className={styles.committee} data-testid="buying-committee">
      {value.map((member, i) => (
        // Members have no id of their own; the position is their identity while editing.
        <div key={i} className={styles.member}>
          <label className="field">
            {t("personas.member.name")}
            <input
              className="input"
              maxLength={120}
              value={member.name}
              dir="auto"
              aria-invalid={invalid(`buyingCommittee.${i}.name`) || undefined}
              onChange={(e) => update(i, { name: e.target.value })}
            />
          </label>
          <label className="field">
            {t("personas.member.title")}
            <input
              className="input"
              maxLength={120}
              value={member.title ?? ""}
              dir="auto"
              onChange={(e) => update(i, { title: e.target.value || undefined })}
            />
          </label>
          <label className="field">
            {t("personas.member.role")}
            <select
              className="input"
              value={member.role}
              onChange={(e) => update(i, { role: e.target.value as Member["role"] })}
            >
              {DECISION_ROLES.map((r) => (
                <option key={r} value={r}>
                  {t(`common.decisionRole.${r}`)}
                </option>
              ))}
            </select>
          </label>
          <ListField
            name={`member-${i}-concerns`}
            label={t("personas.member.concerns")}
            value={member.concerns}
            rows={2}
            onChange={(concerns) => update(i, { concerns })}
          />
          <button
            type="button"
            className="btn btn-small btn-danger"
            onClick={() => onChange(value.filter((_, j) => j !== i))}
          >
            {t("personas.removeMember")}
          </button>
        </div>
      ))}
      <button
        type="button"
        className="btn btn-small"
        disabled={value.length >= 30}
        onClick={() => onChange([...value, { name: "", role: "influencer", concerns: [] }])}
      >
        + {t("personas.addMember")}
      </button>
    </div>
  );
}
