import * as Popover from "@radix-ui/react-popover";
import { useState } from "react";
import { useI18n } from "../../i18n/I18nProvider.js";
import { anchorPlaceKey, useIdeaLinks } from "./IdeaLinksContext.js";
import styles from "./IdeaBadge.module.css";

/**
 * On a cell or a step header of the live editor: how many ideas are anchored to it, as a button that opens the idea
 * (or, for several, a list to pick one from). Nothing where there is none, nor outside the live editor.
 */
export function PlaceIdeasBadge({ stepId, laneId, label }: { stepId: string; laneId?: string; label: string }) {
  const { t, formatNumber, dir } = useI18n();
  const links = useIdeaLinks();
  const [listing, setListing] = useState(false);
  const ideas = links?.ideasByPlace.get(anchorPlaceKey(stepId, laneId)) ?? [];
  if (!links || ideas.length === 0) return null;
  const name = t("ideas.badge.label", { count: ideas.length, label });
  const badge = (
    <button
      type="button"
      className={styles.count}
      data-testid="place-idea-count"
      data-place={anchorPlaceKey(stepId, laneId)}
      aria-label={name}
      title={name}
      // The cell or header under the badge would take a click as a selection, a double click or a key as editing.
      onClick={(event) => {
        event.stopPropagation();
        if (ideas.length === 1) links.open(ideas[0]!);
      }}
      onDoubleClick={(event) => event.stopPropagation()}
      onKeyDown={(event) => event.stopPropagation()}
    >
      <span aria-hidden="true">💡</span>
      {formatNumber(ideas.length)}
    </button>
  );
  if (ideas.length === 1) return badge;
  return (
    <Popover.Root open={listing} onOpenChange={setListing}>
      <Popover.Trigger asChild>{badge}</Popover.Trigger>
      <Popover.Portal>
        <Popover.Content className={styles.list} align="start" sideOffset={4} collisionPadding={8} dir={dir}>
          <p className={styles.listTitle}>{t("ideas.badge.list", { label })}</p>
          <ul>
            {ideas.map((idea) => (
              <li key={idea.id}>
                <button
                  type="button"
                  onClick={() => {
                    setListing(false);
                    links.open(idea);
                  }}
                >
                  <bdi>{idea.title}</bdi> · {t(`vocabulary.ideaStatus.${idea.status}`)}
                </button>
              </li>
            ))}
          </ul>
        </Popover.Content>
      </Popover.Portal>
    </Popover.Root>
  );
}
