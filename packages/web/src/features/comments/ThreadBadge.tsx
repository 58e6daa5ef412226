import type { CommentAnchor } from "@opencjm/core";
import { useContext } from "react";
import { useI18n } from "../../i18n/I18nProvider.js";
import { useActionOffers } from "../cells/shell/ActionOffers.js";
import { anchorKey } from "./anchorKey.js";
import { CommentBadgesContext } from "./CommentsContext.js";
import styles from "./ThreadBadge.module.css";

/**
 * The number of open threads on a card, step or cell, as a small button that opens them; where there are none,
 * people who may comment get a button to start one (shown while the pointer or focus is on the thing). Nothing in
 * the shared, embedded and printed views.
 */
export function ThreadBadge({
  anchor,
  label,
  corner = false,
  part = "both",
}: {
  anchor: CommentAnchor;
  /** What the anchor is called (a card's text, a step's name), for screen readers and the tooltip. */
  label: string;
  /** In the corner of the thing (a cell) rather than in its flow (a card, a step header). */
  corner?: boolean;
  /** The count of open threads only, the offer to start one only (where there is none), or whichever applies. */
  part?: "count" | "offer" | "both";
}) {
  const { t, formatNumber } = useI18n();
  const badges = useContext(CommentBadgesContext);
  const offering = useActionOffers();
  if (!badges) return null;
  const count = badges.openCounts.get(anchorKey(anchor)) ?? 0;
  // Threads there are always show; the offer to start one, where there is none, only to commenters and only now.
  const shown = count > 0 ? part !== "offer" : part !== "count" && badges.canComment && offering;
  if (!shown) return null;
  const onClick = (event: React.MouseEvent) => {
    // The cell or header under the badge would take the click as a selection (or a double click as editing).
    event.stopPropagation();
    badges.open(anchor);
  };
  const name = count > 0 ? t("comments.badge.open", { count, label }) : t("comments.badge.add", { label });
  return (
    <button
      type="button"
      className={`${styles.badge} ${count === 0 ? styles.add : ""} ${corner ? styles.corner : ""}`}
      data-testid="thread-badge"
      data-anchor={anchorKey(anchor)}
      data-count={count}
      aria-label={name}
      // A cell's badge is out of the tab order (the grid is one tab stop): its tooltip names the shortcut.
      title={corner ? t("comments.badge.shortcut", { action: name }) : name}
      onClick={onClick}
      onDoubleClick={(e) => e.stopPropagation()}
      onKeyDown={(e) => e.stopPropagation()}
    >
      <span aria-hidden="true">💬</span>
      {count > 0 && <span className={styles.count}>{formatNumber(count)}</span>}
    </button>
  );
}
