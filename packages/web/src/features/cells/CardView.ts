import type { Card, CardContentInput, CardKind, LaneType } from "@opencjm/core";
import type { ComponentType } from "react";
import type { CatalogueChange, CellCatalogue } from "./CellContentProps.js";
import type { FieldProblem } from "./fields/FieldProblem.js";

/** Validates and saves changed fields of one card as one undo step; returns the problem, or null when saved. */
export type CardSave = (fields: Record<string, unknown>) => FieldProblem | null;

/** Validates and adds a new card to the cell as one undo step; returns the problem, or null when added. */
export type CardAdd = (content: CardContentInput) => FieldProblem | null;

/** What the workspace offers to a card: names of references and a way to add touchpoints. */
export interface CardContext {
  catalogue: CellCatalogue;
  laneType: LaneType;
  /** `laneId:stepId` of the cell, to keep unsaved new-card text per cell. */
  cellKey: string;
  workspaceId?: string;
  onCatalogueChange?: (change: CatalogueChange) => void;
}

/** Props of a card's compact display in the grid. */
export interface CardDisplayProps<C extends Card> {
  card: C;
  context: CardContext;
}

/** Props of a card's editor (shown while the cell is in edit mode). */
export interface CardEditorProps<C extends Card> {
  card: C;
  save: CardSave;
  context: CardContext;
}

/** Props of the control that adds a new card of the lane's kind. */
export interface CardAdderProps {
  add: CardAdd;
  context: CardContext;
}

/** How one card kind looks and is edited; kinds without an editor are display only (the data lane). */
export interface CardView<C extends Card> {
  Display: ComponentType<CardDisplayProps<C>>;
  Editor?: ComponentType<CardEditorProps<C>>;
  Adder?: ComponentType<CardAdderProps>;
  /** A colour for the card's leading edge that tells its state at a glance (severity, exposure); none by default. */
  accent?: (card: C) => string | undefined;
  /** The card's text for drags out of the app and for screen readers. */
  plainText: (card: C, context: CardContext) => string;
}

/** One view per card kind. */
export type CardViews = { [K in CardKind]: CardView<Extract<Card, { kind: K }>> };
