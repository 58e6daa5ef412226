import { useI18n } from "../../i18n/I18nProvider.js";
import { useActionOffers } from "../cells/shell/ActionOffers.js";
import { useIdeaLinks } from "./IdeaLinksContext.js";
import { PlaceIdeasBadge } from "./PlaceIdeasBadge.js";
import styles from "./IdeaBadge.module.css";

/**
 * In a cell's corner of the live editor: the ideas anchored to the cell (a badge that opens them) and, for those who
 * may write, while the pointer or focus is on the cell, a button that starts an idea anchored to it.
 */
export function CellIdeas({ laneId, stepId, label }: { laneId: string; stepId: string; label: string }) {
  const { t } = useI18n();
  const links = useIdeaLinks();
  const offering = useActionOffers();
  if (!links) return null;
  return (
    <span className={styles.cellCorner}>
      <PlaceIdeasBadge stepId={stepId} laneId={laneId} label={label} />
      {links.canWrite && offering && (
        <button
          type="button"
          className={styles.create}
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
      )}
    </span>
  );
}
