import type { Card } from "@opencjm/core";
import { Link } from "wouter";
import { useI18n } from "../../i18n/I18nProvider.js";
import { useActionOffers } from "../cells/shell/ActionOffers.js";
import { backlogHref, useIdeaLinks } from "./IdeaLinksContext.js";
import styles from "./IdeaBadge.module.css";

/**
 * On a card of the live editor: how many ideas link to it (a link to them in the backlog), and for pain points and
 * opportunities, to those who may write, a button that starts an idea from the card. Opportunities show their count
 * in their own body (OpportunityCard), so here only the button.
 */
export function IdeaBadge({
  card,
  label,
  part = "both",
}: {
  card: Card;
  label: string;
  /** The count of linked ideas only, the button that starts one only, or both. */
  part?: "count" | "offer" | "both";
}) {
  const { t, formatNumber } = useI18n();
  const links = useIdeaLinks();
  const offering = useActionOffers();
  if (!links) return null;
  const count = links.ideasByCard.get(card.id)?.length ?? 0;
  const canStart =
    part !== "count" && offering && links.canWrite && (card.kind === "painPoint" || card.kind === "opportunity");
  const showCount = part !== "offer" && count > 0 && card.kind !== "opportunity";
  if (!showCount && !canStart) return null;
  return (
    <span className={styles.badges} onClick={(e) => e.stopPropagation()} onDoubleClick={(e) => e.stopPropagation()}>
      {showCount && (
        <Link
          href={backlogHref(links.workspaceId, links.mapId)}
          className={styles.count}
          data-testid="card-idea-count"
          aria-label={t("ideas.badge.label", { count, label })}
          title={t("ideas.badge.label", { count, label })}
        >
          <span aria-hidden="true">💡</span>
          {formatNumber(count)}
        </Link>
      )}
      {canStart && (
        <button
          type="button"
          className={styles.create}
          data-testid="create-idea"
          aria-label={t("ideas.badge.create", { label })}
          title={t("ideas.badge.create", { label })}
          onKeyDown={(e) => e.stopPropagation()}
          onClick={() => links.create({ cardId: card.id })}
        >
          <span aria-hidden="true">💡+</span>
        </button>
      )}
    </span>
  );
}
