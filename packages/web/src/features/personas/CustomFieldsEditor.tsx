import { newId, type PersonaFields } from "@opencjm/core";
import { useT } from "../../i18n/I18nProvider.js";
import styles from "./PersonaPage.module.css";

type CustomField = PersonaFields["customFields"][number];

/** Fields a team adds for itself ("Favourite brand", "Loyalty tier"): a label and a value each. */
export function CustomFieldsEditor({
  value,
  onChange,
  invalid,
}: {
  value: readonly CustomField[];
  onChange: (fields: CustomField[]) => void;
  invalid: (path: string) => boolean;
}) {
  const t = useT();
  const update = (index: number, patch: Partial<CustomField>) =>
    onChange(value.map((f, i) => (i === index ? { ...f, ...patch } : f)));
  return (
    <div className={styles.customFields} data-testid="custom-fields">
      {value.map((field, i) => (
        <div key={field.key} className={styles.customRow}>
          <label className="field">
            {t("personas.custom.label")}
            <input
              className="input"
              maxLength={120}
              value={field.label}
              dir="auto"
              aria-invalid={invalid(`customFields.${i}.label`) || undefined}
              onChange={(e) => update(i, { label: e.target.value })}
            />
          </label>
          <label className="field">
            {t("personas.custom.value")}
            <input
              className="input"
              maxLength={2000}
              value={field.value}
              dir="auto"
              aria-invalid={invalid(`customFields.${i}.value`) || undefined}
              onChange={(e) => update(i, { value: e.target.value })}
            />
          </label>
          <button
            type="button"
            className="btn btn-small btn-ghost btn-danger"
            aria-label={t("personas.removeField")}
            onClick={() => onChange(value.filter((_, j) => j !== i))}
          >
            ✕
          </button>
        </div>
      ))}
      {/* The key is an internal, stable name for the field; people only see the label. */}
      <button
        type="button"
        className="btn btn-small"
        disabled={value.length >= 50}
        onClick={() => onChange([...value, { key: newId("f_"), label: "", value: "" }])}
      >
        + {t("personas.addField")}
      </button>
    </div>
  );
}
