import type { Persona } from "@opencjm/core";
import { Link } from "wouter";
import { useT } from "../../i18n/I18nProvider.js";
import { PersonaAvatar } from "../personas/PersonaAvatar.js";
import styles from "./HomePage.module.css";

/** The workspace's personas as cards: picture, name, role and the one line that sums them up. */
export function PersonaList({
  personas,
  mapCounts,
}: {
  personas: readonly Persona[];
  mapCounts: ReadonlyMap<string, number>;
}) {
  const t = useT();
  return (
    <ul className={styles.personaGrid} data-testid="persona-list">
      {personas.map((p) => (
        <li key={p.id}>
          <Link href={`/personas/${p.id}`} className={styles.personaCard} data-testid="persona-card">
            <PersonaAvatar name={p.name} photoUrl={p.photoUrl} avatarSeed={p.avatarSeed} size={52} />
            <span className={styles.personaText}>
              <strong>
                <bdi>{p.name}</bdi>
              </strong>
              {p.demographics.jobTitle && (
                <span className={styles.muted} dir="auto">
                  {p.demographics.jobTitle}
                </span>
              )}
              {(p.summary || p.quote) && (
                <span className={styles.personaSummary} dir="auto">
                  {p.summary || `“${p.quote}”`}
                </span>
              )}
              <span className={styles.personaMeta}>
                {p.kind === "b2b" && <span className="badge badge-accent">{t("home.b2b")}</span>}
                {p.decisionRole && <span className="badge">{t(`common.decisionRole.${p.decisionRole}`)}</span>}
                <span className="badge">{t("home.onMaps", { count: mapCounts.get(p.id) ?? 0 })}</span>
              </span>
            </span>
          </Link>
        </li>
      ))}
    </ul>
  );
}
