import type { MOMENTS_OF_TRUTH } from "@opencjm/core";
import { Share2 } from "lucide-react";
import { useT } from "../../../../i18n/I18nProvider.js";
import styles from "./MomentBadge.module.css";

/** A moment of truth of PRODUCT.md §4.3. */
export type Moment = (typeof MOMENTS_OF_TRUTH)[number];

/** A moment of truth as a distinctive badge (its short name on its own colour), named in full for screen readers. */
export function MomentBadge({ moment }: { moment: Moment }) {
  const t = useT();
  const name = t(`common.moment.${moment}`);
  return (
    <span
      className={`${styles.badge} ${styles[moment]}`}
      role="img"
      aria-label={name}
      title={name}
      data-moment={moment}
    >
      {moment === "sharing" && <Share2 size={11} aria-hidden="true" />}
      <span aria-hidden="true">{t(`cells.moment.short.${moment}`)}</span>
    </span>
  );
}
