import type { SegmentRule } from "@opencjm/core";
import { useI18n } from "../../../i18n/I18nProvider.js";
import { useSegmentSize } from "./useSegmentSize.js";
import styles from "./Segments.module.css";

/** A persona's real size: how many imported customers its segment selects, and their share of all customers. */
export function SegmentSizeNote({ workspaceId, segment }: { workspaceId: string; segment: SegmentRule | undefined }) {
  const { t, formatNumber } = useI18n();
  const { size, error } = useSegmentSize(workspaceId, segment);
  if (!segment) return null;
  return (
    <p
      className={styles.size}
      role="status"
      aria-live="polite"
      data-testid="segment-size"
      data-customers={size?.customers}
      data-total={size?.total}
    >
      {error
        ? t("evidence.segment.sizeFailed")
        : !size
          ? t("evidence.segment.counting")
          : size.total === 0
            ? t("evidence.segment.noData")
            : t("evidence.segment.size", {
                customers: size.customers,
                total: size.total,
                count: size.total,
                share: formatNumber(size.share ?? 0, { style: "percent", maximumFractionDigits: 1 }),
              })}
    </p>
  );
}
