import type { SegmentRule } from "@opencjm/core";
import { Users } from "lucide-react";
import { useT } from "../../../i18n/I18nProvider.js";
import { SegmentEditor } from "./SegmentEditor.js";
import { SegmentSizeNote } from "./SegmentSizeNote.js";
import styles from "./Segments.module.css";

/**
 * The persona's link to real customers, below its card or its editor: on the card, the segment's size and share; in
 * the editor, the segment rule (saved with the persona's other fields).
 */
export function PersonaSegmentSection({
  workspaceId,
  segment,
  onChange,
}: {
  workspaceId: string;
  segment: SegmentRule | undefined;
  onChange?: (segment: SegmentRule | undefined) => void;
}) {
  const t = useT();
  if (!onChange && !segment) return null;
  return (
    <section className={styles.section} data-testid="persona-segment">
      <h3 className={styles.title}>
        <Users size={16} aria-hidden="true" /> {t("evidence.segment.title")}
      </h3>
      {onChange ? (
        <SegmentEditor workspaceId={workspaceId} segment={segment} onChange={onChange} />
      ) : (
        <SegmentSizeNote workspaceId={workspaceId} segment={segment} />
      )}
    </section>
  );
}
