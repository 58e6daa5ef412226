import { DECISION_ROLES, URGENCY_LEVELS, type Channel } from "@opencjm/core";
import type { ReactNode } from "react";
import { useT } from "../../i18n/I18nProvider.js";
import { ChannelPicker } from "./ChannelPicker.js";
import { CommitteeEditor } from "./CommitteeEditor.js";
import { CustomFieldsEditor } from "./CustomFieldsEditor.js";
import { ListField } from "./ListField.js";
import { TagsField } from "./TagsField.js";
import { PersonaPhotoField } from "./PersonaPhotoField.js";
import type { PersonaDraft } from "./personaDraft.js";
import styles from "./PersonaPage.module.css";

type Demographic = keyof PersonaDraft["demographics"];
type ListKey = "goals" | "needs" | "concerns" | "frustrations" | "requirements" | "behaviours";

const DEMOGRAPHICS: Array<{ key: Demographic; max: number; long?: boolean }> = [
  { key: "jobTitle", max: 120 },
  { key: "ageRange", max: 40 },
  { key: "gender", max: 60 },
  { key: "region", max: 120 },
  { key: "income", max: 120 },
  { key: "education", max: 120 },
  { key: "familyStatus", max: 120 },
  { key: "industry", max: 120 },
  { key: "companySize", max: 60 },
  { key: "duties", max: 2000, long: true },
];

function Section({ id, title, hint, children }: { id: string; title: string; hint?: string; children: ReactNode }) {
  return (
    <section className={styles.section} aria-labelledby={`persona-${id}`} data-testid={`section-${id}`}>
      <h2 id={`persona-${id}`}>{title}</h2>
      {hint && <p className="hint">{hint}</p>}
      <div className={styles.grid}>{children}</div>
    </section>
  );
}

/**
 * Every field of a persona, grouped the way the method groups them: who they are, demographics, goals and needs,
 * concerns and frustrations, behaviour and channels, decision role and buying committee, and the team's own fields.
 */
export function PersonaEditor(props: {
  workspaceId: string;
  personaId: string;
  draft: PersonaDraft;
  onChange: (draft: PersonaDraft) => void;
  onPhotoSaved: (photoUrl: string | undefined) => void;
  channels: readonly Channel[];
  invalid: (path: string) => boolean;
}) {
  const { draft, onChange, invalid } = props;
  const t = useT();
  const set = <K extends keyof PersonaDraft>(key: K, value: PersonaDraft[K]) => onChange({ ...draft, [key]: value });
  const list = (key: ListKey) => (
    <ListField
      name={key}
      label={t(`personas.field.${key}`)}
      value={draft[key]}
      invalid={invalid(key)}
      onChange={(items) => set(key, items)}
    />
  );
  const text = (key: "name" | "quote", max: number) => (
    <label className="field">
      {t(`personas.field.${key}`)}
      <input
        className="input"
        name={key}
        maxLength={max}
        value={draft[key]}
        dir="auto"
        aria-invalid={invalid(key) || undefined}
        onChange={(e) => set(key, e.target.value)}
      />
    </label>
  );
  return (
    <div className={styles.editor}>
      <Section id="identity" title={t("personas.section.identity")}>
        <PersonaPhotoField
          workspaceId={props.workspaceId}
          personaId={props.personaId}
          draft={draft}
          onChange={onChange}
          onPhotoSaved={props.onPhotoSaved}
        />
        {text("name", 120)}
        <fieldset className={styles.kind}>
          <legend>{t("personas.field.kind")}</legend>
          {(["b2c", "b2b"] as const).map((kind) => (
            <label key={kind}>
              <input
                type="radio"
                name="kind"
                value={kind}
                checked={draft.kind === kind}
                onChange={() => set("kind", kind)}
              />{" "}
              {t(`personas.kind.${kind}`)}
            </label>
          ))}
        </fieldset>
        {text("quote", 500)}
        <label className={`field ${styles.wide}`}>
          {t("personas.field.summary")}
          <textarea
            className="input"
            name="summary"
            maxLength={2000}
            rows={3}
            value={draft.summary}
            dir="auto"
            aria-invalid={invalid("summary") || undefined}
            onChange={(e) => set("summary", e.target.value)}
          />
        </label>
        <TagsField
          label={t("personas.field.tags")}
          hint={t("personas.tagsHint")}
          value={draft.tags}
          invalid={invalid("tags")}
          onChange={(tags) => set("tags", tags)}
        />
      </Section>

      <Section id="demographics" title={t("personas.section.demographics")}>
        {DEMOGRAPHICS.map(({ key, max, long }) => (
          <label key={key} className={`field ${long ? styles.wide : ""}`}>
            {t(`personas.field.demographics.${key}`)}
            {long ? (
              <textarea
                className="input"
                name={key}
                rows={2}
                maxLength={max}
                dir="auto"
                value={draft.demographics[key] ?? ""}
                aria-invalid={invalid(`demographics.${key}`) || undefined}
                onChange={(e) => set("demographics", { ...draft.demographics, [key]: e.target.value || undefined })}
              />
            ) : (
              <input
                className="input"
                name={key}
                maxLength={max}
                dir="auto"
                value={draft.demographics[key] ?? ""}
                aria-invalid={invalid(`demographics.${key}`) || undefined}
                onChange={(e) => set("demographics", { ...draft.demographics, [key]: e.target.value || undefined })}
              />
            )}
          </label>
        ))}
      </Section>

      <Section id="goals" title={t("personas.section.goals")}>
        {list("goals")}
        {list("needs")}
      </Section>

      <Section id="concerns" title={t("personas.section.concerns")}>
        {list("concerns")}
        {list("frustrations")}
        {list("requirements")}
        <label className="field">
          {t("personas.field.urgency")}
          <select
            className="input"
            name="urgency"
            value={draft.urgency ?? ""}
            onChange={(e) => set("urgency", (e.target.value || undefined) as PersonaDraft["urgency"])}
          >
            <option value="">{t("personas.notSet")}</option>
            {URGENCY_LEVELS.map((u) => (
              <option key={u} value={u}>
                {t(`common.level.${u}`)}
              </option>
            ))}
          </select>
        </label>
      </Section>

      <Section id="behaviour" title={t("personas.section.behaviour")}>
        {list("behaviours")}
        <ListField
          name="values"
          label={t("personas.field.psychographics.values")}
          value={draft.psychographics.values}
          invalid={invalid("psychographics.values")}
          onChange={(values) => set("psychographics", { ...draft.psychographics, values })}
        />
        <ListField
          name="interests"
          label={t("personas.field.psychographics.interests")}
          value={draft.psychographics.interests}
          invalid={invalid("psychographics.interests")}
          onChange={(interests) => set("psychographics", { ...draft.psychographics, interests })}
        />
        {(["personality", "attitudes"] as const).map((key) => (
          <label key={key} className="field">
            {t(`personas.field.psychographics.${key}`)}
            <textarea
              className="input"
              name={key}
              rows={2}
              maxLength={2000}
              dir="auto"
              value={draft.psychographics[key] ?? ""}
              onChange={(e) => set("psychographics", { ...draft.psychographics, [key]: e.target.value || undefined })}
            />
          </label>
        ))}
        <div className={styles.wide}>
          <ChannelPicker
            channels={props.channels}
            value={draft.preferredChannels}
            onChange={(ids) => set("preferredChannels", ids as PersonaDraft["preferredChannels"])}
          />
        </div>
      </Section>

      <Section id="decision" title={t("personas.section.decision")} hint={t("personas.decisionHint")}>
        <label className="field">
          {t("personas.field.decisionRole")}
          <select
            className="input"
            name="decisionRole"
            value={draft.decisionRole ?? ""}
            onChange={(e) => set("decisionRole", (e.target.value || undefined) as PersonaDraft["decisionRole"])}
          >
            <option value="">{t("personas.notSet")}</option>
            {DECISION_ROLES.map((r) => (
              <option key={r} value={r}>
                {t(`common.decisionRole.${r}`)}
              </option>
            ))}
          </select>
        </label>
        <div className={styles.wide}>
          <h3 className={styles.subTitle}>{t("personas.field.buyingCommittee")}</h3>
          <CommitteeEditor
            value={draft.buyingCommittee}
            invalid={invalid}
            onChange={(members) => set("buyingCommittee", members)}
          />
        </div>
      </Section>

      <Section id="custom" title={t("personas.section.custom")} hint={t("personas.customHint")}>
        <div className={styles.wide}>
          <CustomFieldsEditor
            value={draft.customFields}
            invalid={invalid}
            onChange={(fields) => set("customFields", fields)}
          />
        </div>
      </Section>
    </div>
  );
}
