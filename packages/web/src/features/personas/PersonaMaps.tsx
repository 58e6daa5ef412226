import { useQuery } from "@tanstack/react-query";
import { Link } from "wouter";
import { mapListQuery } from "../../api/workspaceQueries.js";
import { useT } from "../../i18n/I18nProvider.js";
import styles from "./PersonaPage.module.css";

/** The maps this persona is on, as links, so a reader of the card can go to the journeys. */
export function PersonaMaps({ workspaceId, personaId }: { workspaceId: string; personaId: string }) {
  const t = useT();
  // A list that cannot be loaded is left out: the card is what the page is for.
  const list = useQuery(mapListQuery(workspaceId));
  const maps = list.isError ? [] : list.data?.filter((m) => m.personaIds.includes(personaId));
  if (!maps) return null;
  return (
    <section className={`${styles.onMaps} no-print`} data-testid="persona-maps">
      <h2>{t("personas.onMaps")}</h2>
      {maps.length === 0 ? (
        <p className="hint">{t("personas.onNoMaps")}</p>
      ) : (
        <ul>
          {maps.map((m) => (
            <li key={m.id}>
              <Link href={`/maps/${m.id}`}>
                <bdi>{m.title}</bdi>
              </Link>{" "}
              <span className="badge">{t(`vocabulary.mapType.${m.type}`)}</span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
