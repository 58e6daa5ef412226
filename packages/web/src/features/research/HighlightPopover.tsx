import * as Popover from "@radix-ui/react-popover";
import type { Highlight, HighlightKind, Participant } from "@opencjm/core";
import { useMutation } from "@tanstack/react-query";
import { useId, useMemo, useState, type FormEvent } from "react";
import { Button } from "../../app/Button.js";
import { useI18n } from "../../i18n/I18nProvider.js";
import { AnchorPicker, type PickedAnchor } from "./AnchorPicker.js";
import { createHighlight, deleteHighlight, updateHighlight } from "./researchApi.js";
import { useReloadResearch } from "./researchQueries.js";
import { sentimentBucket } from "./sentimentBucket.js";
import { useResearchError } from "./useResearchError.js";
import styles from "./Research.module.css";

/** A stretch of a note just selected: offsets into its text and the words. */
export interface SelectedSpan {
  start: number;
  end: number;
  text: string;
}

/** Tags typed comma-separated (also the Chinese and Persian commas), trimmed, without repeats. */
const parseTags = (text: string) => [
  ...new Set(
    text
      .split(/[,،，]/)
      .map((s) => s.trim())
      .filter(Boolean),
  ),
];

/**
 * The popover over a note's selection (or an existing highlight): quote or insight, what on which map it is about
 * (picked from the map's own content), the participant, the sentiment — computed by the server from the words unless
 * set here — and tags. The words are shown as text only.
 */
export function HighlightPopover({
  workspaceId,
  note,
  span,
  highlight,
  participants,
  preferredMapIds,
  tagSuggestions,
  anchorRect,
  canWrite,
  onClose,
}: {
  workspaceId: string;
  note: { id: string; participantId: string | null };
  /** A new selection; absent when `highlight` is given. */
  span?: SelectedSpan;
  highlight?: Highlight;
  participants: readonly Participant[];
  preferredMapIds: readonly string[];
  tagSuggestions: readonly string[];
  /** Where the selection or mark is on screen, to place the popover beside it. */
  anchorRect: () => DOMRect;
  canWrite: boolean;
  onClose: () => void;
}) {
  const { t, formatNumber } = useI18n();
  const errorMessage = useResearchError();
  const reload = useReloadResearch(workspaceId);
  const titleId = useId();
  const tagListId = useId();
  const virtualAnchor = useMemo(() => ({ current: { getBoundingClientRect: anchorRect } }), [anchorRect]);
  const [kind, setKind] = useState<HighlightKind>(highlight?.kind ?? "quote");
  const [insight, setInsight] = useState(highlight?.insight ?? "");
  const [participantId, setParticipantId] = useState(
    highlight ? (highlight.participantId ?? "") : (note.participantId ?? ""),
  );
  const [anchors, setAnchors] = useState<PickedAnchor[]>(() =>
    (highlight?.anchors ?? []).map((a) => ({
      input:
        a.kind === "idea"
          ? { kind: "idea", ideaId: a.ideaId ?? "" }
          : a.kind === "step"
            ? { kind: "step", mapId: a.mapId ?? "", stepId: a.stepId ?? "" }
            : a.kind === "stage"
              ? { kind: "stage", mapId: a.mapId ?? "", stageId: a.stageId ?? "" }
              : { kind: a.kind, mapId: a.mapId ?? "", cardId: a.cardId ?? "" },
      label: a.missing ? t("research.anchor.missing", { label: a.label }) : a.label,
    })),
  );
  const [tags, setTags] = useState(highlight?.tags.join(", ") ?? "");
  // undefined: left to the server (computed, or as stored); null: back to the computed value; a number: set here.
  const [sentiment, setSentiment] = useState<number | null | undefined>(undefined);
  const shownSentiment = typeof sentiment === "number" ? sentiment : (highlight?.sentiment ?? 0);
  const computed = sentiment === null || (sentiment === undefined && !highlight?.sentimentEdited);
  const words = highlight?.text ?? span?.text ?? "";

  const save = useMutation({
    mutationFn: () => {
      const common = {
        kind,
        insight: kind === "insight" ? insight : "",
        participantId: participantId || null,
        anchors: anchors.map((a) => a.input),
        tags: parseTags(tags),
      };
      if (highlight)
        return updateHighlight(workspaceId, highlight.id, {
          ...common,
          ...(sentiment !== undefined ? { sentiment } : {}),
        });
      return createHighlight(workspaceId, {
        ...common,
        noteId: note.id,
        start: span!.start,
        end: span!.end,
        ...(typeof sentiment === "number" ? { sentiment } : {}),
      });
    },
    onSuccess: async () => {
      await reload();
      onClose();
    },
  });
  const remove = useMutation({
    mutationFn: () => deleteHighlight(workspaceId, highlight!.id),
    onSuccess: async () => {
      await reload();
      onClose();
    },
  });
  const handleSubmit = (event: FormEvent) => {
    event.preventDefault();
    save.mutate();
  };
  const failure = save.error ?? remove.error;

  return (
    <Popover.Root open onOpenChange={(open) => !open && onClose()}>
      <Popover.Anchor virtualRef={virtualAnchor} />
      <Popover.Portal>
        <Popover.Content
          className={styles.popover}
          side="bottom"
          align="start"
          sideOffset={6}
          collisionPadding={8}
          aria-labelledby={titleId}
          data-testid="highlight-popover"
          role="dialog"
        >
          <form className={styles.form} onSubmit={handleSubmit}>
            <h3 id={titleId}>{highlight ? t("research.highlight.edit") : t("research.highlight.create")}</h3>
            <blockquote className={styles.quote} dir="auto" data-testid="highlight-words">
              {words}
            </blockquote>
            <fieldset disabled={!canWrite}>
              <legend>{t("research.highlight.kind")}</legend>
              <div className={styles.row}>
                {(["quote", "insight"] as const).map((k) => (
                  <label key={k} className={styles.row}>
                    <input type="radio" name="kind" checked={kind === k} onChange={() => setKind(k)} />
                    {t(`research.highlight.kind.${k}`)}
                  </label>
                ))}
              </div>
              {kind === "insight" && (
                <label>
                  {t("research.highlight.insight")}
                  <textarea value={insight} maxLength={5000} dir="auto" onChange={(e) => setInsight(e.target.value)} />
                </label>
              )}
            </fieldset>
            {canWrite ? (
              <AnchorPicker
                workspaceId={workspaceId}
                preferredMapIds={preferredMapIds}
                value={anchors}
                onChange={setAnchors}
              />
            ) : (
              <ul className={styles.meta}>
                {anchors.map((a, i) => (
                  <li key={i}>
                    <bdi>{a.label}</bdi>
                  </li>
                ))}
              </ul>
            )}
            <label>
              {t("research.highlight.participant")}
              <select
                value={participantId}
                disabled={!canWrite}
                onChange={(e) => setParticipantId(e.target.value)}
                data-testid="highlight-participant"
              >
                <option value="">{t("research.note.noParticipant")}</option>
                {participants.map((p) => (
                  <option key={p.id} value={p.id}>
                    {p.code}
                  </option>
                ))}
              </select>
            </label>
            <label>
              {t("research.highlight.sentiment")}
              <input
                type="range"
                min={-1}
                max={1}
                step={0.05}
                value={shownSentiment}
                disabled={!canWrite}
                data-testid="highlight-sentiment"
                onChange={(e) => setSentiment(Number(e.target.value))}
              />
            </label>
            <p className={styles.meta} data-testid="highlight-sentiment-note">
              {highlight || typeof sentiment === "number"
                ? t("research.highlight.sentimentValue", {
                    bucket: t(`research.sentiment.${sentimentBucket(shownSentiment)}`),
                    value: formatNumber(shownSentiment, { maximumFractionDigits: 2, signDisplay: "exceptZero" }),
                  })
                : t("research.highlight.sentimentAuto")}
              {highlight && computed && ` · ${t("research.highlight.sentimentComputed")}`}
            </p>
            {canWrite && !computed && highlight && (
              <Button size="small" variant="ghost" onClick={() => setSentiment(null)}>
                {t("research.highlight.sentimentReset")}
              </Button>
            )}
            <label>
              {t("research.highlight.tags")}
              <input
                value={tags}
                dir="auto"
                list={tagListId}
                disabled={!canWrite}
                data-testid="highlight-tags"
                onChange={(e) => setTags(e.target.value)}
              />
              <datalist id={tagListId}>
                {tagSuggestions.map((tag) => (
                  <option key={tag} value={tag} />
                ))}
              </datalist>
            </label>
            {failure && (
              <p role="alert" className={styles.error} data-testid="highlight-error">
                {errorMessage(failure)}
              </p>
            )}
            <div className={styles.actions}>
              {canWrite && (
                <Button type="submit" variant="primary" disabled={save.isPending} data-testid="highlight-save">
                  {t("research.save")}
                </Button>
              )}
              {canWrite && highlight && (
                <Button variant="danger" disabled={remove.isPending} onClick={() => remove.mutate()}>
                  {t("research.highlight.delete")}
                </Button>
              )}
              <Button onClick={onClose}>{canWrite ? t("research.cancel") : t("research.close")}</Button>
            </div>
          </form>
        </Popover.Content>
      </Popover.Portal>
    </Popover.Root>
  );
}
