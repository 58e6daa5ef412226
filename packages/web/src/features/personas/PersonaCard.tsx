import type { Channel } from "@opencjm/core";
import type { ReactNode } from "react";
import { useI18n } from "../../i18n/I18nProvider.js";
import { channelLabel } from "./channelLabel.js";
import { PersonaAvatar } from "./PersonaAvatar.js";
import type { PersonaDraft } from "./personaDraft.js";
import styles from "./PersonaCard.module.css";

function Block({ title, items, testId }: { title: string; items: readonly string[]; testId?: string }) {
  if (items.length === 0) return null;
  return (
    <section className={styles.block} data-testid={testId}>
      <h3>{title}</h3>
      <ul>
        {items.map((item, i) => (
          <li key={i} dir="auto">
            {item}
          </li>
        ))}
      </ul>
    </section>
  );
}

function Facts({ rows }: { rows: Array<[string, ReactNode]> }) {
  const shown = rows.filter(([, v]) => v !== undefined && v !== "" && v !== null);
  if (shown.length === 0) return null;
  return (
    <dl className={styles.facts}>
      {shown.map(([label, value]) => (
        <div key={label}>
          <dt>{label}</dt>
          <dd dir="auto">{value}</dd>
        </div>
      ))}
    </dl>
  );
}

/** The persona on one page for stakeholders: picture, quote, who they are, what they want and fear, how they decide. */
export function PersonaCard({ persona, channels }: { persona: PersonaDraft; channels: readonly Channel[] }) {
  const { t, locale } = useI18n();
  const d = persona.demographics;
  const channelNames = persona.preferredChannels.map((id) => {
    const channel = channels.find((c) => c.id === id);
    return channel ? channelLabel(channel, locale) : id;
  });
  const subtitle = [d.jobTitle, d.ageRange, d.region].filter(Boolean).join(" · ");
  return (
    <article className={styles.card} data-testid="persona-card-view">
      <header className={styles.head}>
        <PersonaAvatar name={persona.name} photoUrl={persona.photoUrl} avatarSeed={persona.avatarSeed} size={112} />
        <div className={styles.identity}>
          <h2 className={styles.name}>
            <bdi>{persona.name}</bdi>
          </h2>
          {subtitle && (
            <p className={styles.subtitle} dir="auto">
              {subtitle}
            </p>
          )}
          <p className={styles.badges}>
            <span className="badge badge-accent">{t(`personas.kind.${persona.kind}`)}</span>
            {persona.decisionRole && <span className="badge">{t(`common.decisionRole.${persona.decisionRole}`)}</span>}
            {persona.urgency && (
              <span className="badge badge-warning">
                {t("personas.urgencyBadge", { level: t(`common.level.${persona.urgency}`) })}
              </span>
            )}
            {persona.tags.map((tag) => (
              <span key={tag} className="badge" dir="auto">
                #{tag}
              </span>
            ))}
          </p>
        </div>
      </header>
      {persona.quote && (
        <blockquote className={styles.quote} dir="auto">
          {persona.quote}
        </blockquote>
      )}
      {persona.summary && (
        <p className={styles.summary} dir="auto">
          {persona.summary}
        </p>
      )}
      <div className={styles.columns}>
        <Block title={t("personas.field.goals")} items={persona.goals} testId="card-goals" />
        <Block title={t("personas.field.needs")} items={persona.needs} />
        <Block title={t("personas.field.concerns")} items={persona.concerns} />
        <Block title={t("personas.field.frustrations")} items={persona.frustrations} />
        <Block title={t("personas.field.requirements")} items={persona.requirements} />
        <Block title={t("personas.field.behaviours")} items={persona.behaviours} />
        <Block title={t("personas.field.psychographics.values")} items={persona.psychographics.values} />
        <Block title={t("personas.field.psychographics.interests")} items={persona.psychographics.interests} />
        {channelNames.length > 0 && (
          <section className={styles.block}>
            <h3>{t("personas.field.preferredChannels")}</h3>
            <p className={styles.chips}>
              {channelNames.map((name) => (
                <span key={name} className="badge">
                  {name}
                </span>
              ))}
            </p>
          </section>
        )}
      </div>
      <Facts
        rows={[
          ...(["gender", "income", "education", "familyStatus", "industry", "companySize", "duties"] as const).map(
            (k): [string, ReactNode] => [t(`personas.field.demographics.${k}`), d[k]],
          ),
          [t("personas.field.psychographics.personality"), persona.psychographics.personality],
          [t("personas.field.psychographics.attitudes"), persona.psychographics.attitudes],
          ...persona.customFields.map((f): [string, ReactNode] => [f.label, f.value]),
        ]}
      />
      {persona.buyingCommittee.length > 0 && (
        <section className={styles.block}>
          <h3>{t("personas.field.buyingCommittee")}</h3>
          <ul className={styles.committee}>
            {persona.buyingCommittee.map((m, i) => (
              <li key={i}>
                <strong dir="auto">{m.name}</strong>
                {m.title && <span dir="auto"> · {m.title}</span>}{" "}
                <span className="badge">{t(`common.decisionRole.${m.role}`)}</span>
                {m.concerns.length > 0 && (
                  <span className={styles.memberConcerns} dir="auto">
                    {m.concerns.join(" · ")}
                  </span>
                )}
              </li>
            ))}
          </ul>
        </section>
      )}
    </article>
  );
}
