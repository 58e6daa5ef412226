import { useI18n } from "../../i18n/I18nProvider.js";
import { useActionOffers } from "../cells/shell/ActionOffers.js";
import { useIdeaLinks } from "./IdeaLinksContext.js";
import styles from "./IdeaBadge.module.css";

/** In a cell's corner of the live editor, for those who may write: starts an idea anchored to that cell. */
export function CellIdeaButton({ laneId, stepId, label }: { laneId: string; stepId: string; label: string }) {
  const { t } = useI18n();
  const links = useIdeaLinks();
  const offering = useActionOffers();
  if (!links?.canWrite || !offering) return null;
  return (
    <button
      type="button"
      className={`${styles.create} ${styles.cellCorner}`}
      data-testid="create-cell-idea"
      aria-label={t("ideas.badge.create", { label })}
      title={t("ideas.badge.create", { label })}
      onClick={(event) => {
        // The cell under the button would take the click as a selection.
        event.stopPropagation();
        links.create({ stepId, laneId });
      }}
      onDoubleClick={(event) => event.stopPropagation()}
      onKeyDown={(event) => event.stopPropagation()}
    >
      <span aria-hidden="true">💡+</span>
    </button>
  );
}
