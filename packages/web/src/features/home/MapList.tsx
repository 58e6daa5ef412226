import type { MapListItem, Persona } from "@opencjm/core";
import { buttonClassName } from "../../app/Button.js";
import { Link } from "wouter";
import { Menu, MenuLink } from "../../app/Menu.js";
import { useI18n } from "../../i18n/I18nProvider.js";
import { CompareWithMenu } from "../compare/CompareWithMenu.js";
import { CreateFutureStateMenuItem } from "../compare/CreateFutureStateButton.js";
import { PersonaAvatar } from "../personas/PersonaAvatar.js";
import styles from "./HomePage.module.css";

const STATUS_BADGE: Record<MapListItem["status"], string> = {
  draft: "badge",
  published: "badge badge-success",
  archived: "badge badge-warning",
};

/** The maps as a table: title and goal, type, personas, status, size, last edited, and actions per map. */
export function MapList({
  workspaceId,
  maps,
  allMaps,
  personas,
  now,
}: {
  workspaceId: string;
  maps: readonly MapListItem[];
  allMaps: readonly MapListItem[];
  personas: ReadonlyMap<string, Persona>;
  now: number;
}) {
  const { t, formatRelative, formatDate } = useI18n();
  return (
    // The table scrolls inside its own box when a narrow window cannot hold its columns; the page never scrolls sideways.
    <div className={styles.tableScroll}>
      <table className={styles.table} data-testid="map-list">
        <thead>
          <tr>
            <th scope="col">{t("home.colTitle")}</th>
            <th scope="col">{t("home.colType")}</th>
            <th scope="col">{t("home.colPersonas")}</th>
            <th scope="col">{t("home.colStatus")}</th>
            <th scope="col">{t("home.colSize")}</th>
            <th scope="col">{t("home.colEdited")}</th>
            <th scope="col">
              <span className="visually-hidden">{t("home.colActions")}</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {maps.map((m) => (
            <tr key={m.id} data-testid="map-row" data-map-id={m.id}>
              <td className={styles.titleCell}>
                <Link href={`/maps/${m.id}`} className={styles.mapTitle}>
                  <bdi>{m.title}</bdi>
                </Link>
                {m.basedOnMapId && allMaps.some((s) => s.id === m.basedOnMapId) && (
                  <span className={styles.basedOn} data-testid="based-on">
                    {t("home.basedOn")}{" "}
                    <Link href={`/maps/${m.basedOnMapId}`}>
                      <bdi>{allMaps.find((s) => s.id === m.basedOnMapId)!.title}</bdi>
                    </Link>
                  </span>
                )}
                {m.goal && (
                  <span className={styles.goal} dir="auto">
                    {m.goal}
                  </span>
                )}
                {m.tags.length > 0 && (
                  <span className={styles.tags}>
                    {m.tags.map((tag) => (
                      <span key={tag} className="badge" dir="auto">
                        #{tag}
                      </span>
                    ))}
                  </span>
                )}
              </td>
              <td>
                <span className="badge badge-accent">{t(`vocabulary.mapType.${m.type}`)}</span>
              </td>
              <td>
                <span className={styles.personaStack}>
                  {m.personaIds
                    .map((id) => personas.get(id))
                    .filter((p): p is Persona => !!p)
                    .map((p) => (
                      <span key={p.id} title={p.name} className={styles.personaChip}>
                        <PersonaAvatar name={p.name} photoUrl={p.photoUrl} avatarSeed={p.avatarSeed} size={22} />
                        <bdi>{p.name}</bdi>
                      </span>
                    ))}
                </span>
              </td>
              <td>
                <span className={STATUS_BADGE[m.status] ?? "badge"}>{t(`vocabulary.mapStatus.${m.status}`)}</span>
              </td>
              <td className={`${styles.muted} ${styles.size}`}>
                <span>{t("home.stageCount", { count: m.stageCount })}</span>
                <span>{t("home.stepCount", { count: m.stepCount })}</span>
              </td>
              <td className={styles.muted}>
                <time dateTime={m.updatedAt} title={formatDate(m.updatedAt, { dateStyle: "long", timeStyle: "short" })}>
                  {formatRelative(m.updatedAt, now)}
                </time>
              </td>
              <td className={styles.actions}>
                <CompareWithMenu workspaceId={workspaceId} mapId={m.id} maps={allMaps} />
                <Menu
                  label={
                    <>
                      <span aria-hidden="true">⋯</span>
                      <span className="visually-hidden">{t("common.action.more")}</span>
                    </>
                  }
                  buttonClassName={buttonClassName("ghost", "small")}
                  testId="map-actions"
                >
                  <MenuLink href={`/maps/${m.id}`}>{t("common.action.open")}</MenuLink>
                  <CreateFutureStateMenuItem workspaceId={workspaceId} mapId={m.id} title={m.title} />
                </Menu>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
