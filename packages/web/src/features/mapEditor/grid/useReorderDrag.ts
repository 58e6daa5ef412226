import { useState, type DragEvent } from "react";
import { useI18n } from "../../../i18n/I18nProvider.js";

/** What is dragged: a stage, a step or a lane header. */
export type DragKind = "stage" | "step" | "lane";

const mime = (kind: DragKind) => `application/x-opencjm-${kind}`;

/** Where a drop lands relative to the header under the pointer. */
export type DropSide = "before" | "after";

/**
 * Drag-and-drop reordering of headers with the browser's own drag events. `axis` says how the headers are laid out:
 * "inline" (stages and steps, side by side — mirrored in right-to-left languages) or "block" (lanes, stacked).
 * `accepts` lists the kinds that may be dropped here; `onDrop` gets the kind, the dragged id and the side.
 */
export function useReorderDrag(options: {
  kind: DragKind;
  id: string;
  axis: "inline" | "block";
  enabled: boolean;
  accepts?: DragKind[];
  onDrop: (kind: DragKind, draggedId: string, side: DropSide) => void;
}) {
  const { dir } = useI18n();
  const [dropSide, setDropSide] = useState<DropSide | null>(null);
  const accepts = options.accepts ?? [options.kind];
  const accepted = (e: DragEvent) => accepts.find((k) => e.dataTransfer.types.includes(mime(k)));

  const sideOf = (e: DragEvent<HTMLElement>): DropSide => {
    const rect = e.currentTarget.getBoundingClientRect();
    if (options.axis === "block") return e.clientY < rect.top + rect.height / 2 ? "before" : "after";
    const leftHalf = e.clientX < rect.left + rect.width / 2;
    return leftHalf === (dir === "ltr") ? "before" : "after";
  };

  if (!options.enabled) return { dropSide: null, props: {} };
  return {
    dropSide,
    props: {
      draggable: true,
      onDragStart: (e: DragEvent<HTMLElement>) => {
        if ((e.target as HTMLElement).closest("input, [role=menu]")) return e.preventDefault();
        e.stopPropagation();
        e.dataTransfer.setData(mime(options.kind), options.id);
        e.dataTransfer.effectAllowed = "move";
      },
      onDragOver: (e: DragEvent<HTMLElement>) => {
        if (!accepted(e)) return;
        e.preventDefault();
        e.dataTransfer.dropEffect = "move";
        setDropSide(sideOf(e));
      },
      onDragLeave: () => setDropSide(null),
      onDrop: (e: DragEvent<HTMLElement>) => {
        const kind = accepted(e);
        setDropSide(null);
        if (!kind) return;
        e.preventDefault();
        e.stopPropagation();
        const draggedId = e.dataTransfer.getData(mime(kind));
        if (draggedId && draggedId !== options.id) options.onDrop(kind, draggedId, sideOf(e));
      },
    },
  };
}
