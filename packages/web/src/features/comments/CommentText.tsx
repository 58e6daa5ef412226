import type { CommentPerson } from "@opencjm/core";
import type { ReactNode } from "react";
import styles from "./Comments.module.css";

/**
 * A comment's words as text (never HTML), with each `@Name` of a mentioned member marked — more strongly when it is
 * the reader.
 */
export function CommentText({
  text,
  mentions,
  meId,
}: {
  text: string;
  mentions: readonly CommentPerson[];
  meId: string;
}) {
  const names = mentions.filter((m) => m.name).sort((a, b) => b.name.length - a.name.length);
  const parts: ReactNode[] = [];
  let rest = text;
  let key = 0;
  while (rest.length > 0) {
    // The earliest mention next; the longest name first where two start at the same place ("@Ann" and "@Ann Lee").
    let best: { index: number; person: CommentPerson } | null = null;
    for (const person of names) {
      const index = rest.indexOf(`@${person.name}`);
      if (index >= 0 && (!best || index < best.index)) best = { index, person };
    }
    if (!best) {
      parts.push(rest);
      break;
    }
    if (best.index > 0) parts.push(rest.slice(0, best.index));
    const mention = `@${best.person.name}`;
    parts.push(
      <mark
        key={key++}
        className={`${styles.mention} ${best.person.userId === meId ? styles.mentionMe : ""}`}
        data-user-id={best.person.userId}
      >
        {mention}
      </mark>,
    );
    rest = rest.slice(best.index + mention.length);
  }
  return (
    <p className={styles.text} dir="auto" data-testid="comment-text">
      {parts}
    </p>
  );
}
