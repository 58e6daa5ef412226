import {
  applyMapOperations,
  BUILT_IN_CHANNELS,
  createMapDocument,
  MapSettingsSchema,
  docToSnapshot,
  MapOperationSchema,
  type Card,
  type CardContentInput,
  type Channel,
  type LaneType,
  type MapOperationInput,
  type Touchpoint,
} from "@opencjm/core";
import { render } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { useEffect, useState } from "react";
import { createI18n, StaticI18nProvider } from "../../../i18n/I18nProvider.js";
import type { UiLocale } from "../../../i18n/locales.js";
import type { Message, Messages } from "../../../i18n/messages.js";
import { CommentBadgesContext, type CommentBadges } from "../../comments/CommentsContext.js";
import { CellContent } from "../CellContent.js";
import type { CatalogueChange, CellCatalogue } from "../CellContentProps.js";

// jsdom has no CSS.escape, which user-event needs to walk a radio group with the arrow keys (browsers have it).
if (typeof globalThis.CSS === "undefined") {
  Object.assign(globalThis, { CSS: { escape: (value: string) => value.replace(/[^a-zA-Z0-9_-]/g, (c) => `\\${c}`) } });
}

// Every catalogue file the app ships, read eagerly (tests see the real translations).
const files = import.meta.glob<{ default: Record<string, Message> }>("../../../i18n/*/*.json", { eager: true });

/** The real catalogue of one language, read from the JSON files the app ships. */
export function loadTestMessages(locale: UiLocale): Messages {
  const out: Messages = {};
  for (const [path, file] of Object.entries(files)) {
    const match = /\/([\w-]+)\/([\w-]+)\.json$/.exec(path);
    if (match?.[2] !== locale) continue;
    for (const [key, value] of Object.entries(file.default)) out[`${match[1]}.${key}`] = value;
  }
  return out;
}

/** The built-in channels as a workspace has them, plus two touchpoints on them. */
export function testCatalogue(): CellCatalogue {
  const channels = new Map<string, Channel>(
    BUILT_IN_CHANNELS.map((c) => [
      c.key,
      { id: c.key, key: c.key, name: c.name.en, online: c.online, icon: c.icon, builtIn: true } as Channel,
    ]),
  );
  const touchpoints = new Map<string, Touchpoint>([
    [
      "tp_pricing",
      {
        id: "tp_pricing",
        name: "Pricing page",
        channelId: "website",
        description: "",
        medium: "digital",
        ownerTeam: "",
      } as Touchpoint,
    ],
    [
      "tp_counter",
      {
        id: "tp_counter",
        name: "Store counter",
        channelId: "store",
        description: "",
        medium: "physical",
        ownerTeam: "",
      } as Touchpoint,
    ],
  ]);
  return { channels, touchpoints, personas: new Map() };
}

/** Options of `renderCell`. */
export interface RenderCellOptions {
  cards?: CardContentInput[];
  editing?: boolean;
  readOnly?: boolean;
  locale?: UiLocale;
  catalogue?: CellCatalogue;
  workspaceId?: string;
  onCatalogueChange?: (change: CatalogueChange) => void;
  /** The editor's comments, as the grid's badges see them (none by default, as in the shared views). */
  comments?: CommentBadges;
}

/**
 * Renders the cell of a lane of `laneType` at the "cart" step of a small map, over a real Y.Doc: `onEdit`
 * applies the operations with core's `applyMapOperations`, and the cell re-renders from the document's snapshot.
 */
export function renderCell(laneType: LaneType, options: RenderCellOptions = {}) {
  const doc = createMapDocument(MapSettingsSchema.parse({ title: "Checkout", type: "currentState" }));
  applyMapOperations(doc, [
    MapOperationSchema.parse({ op: "addStage", id: "buy", name: "Purchase" }),
    MapOperationSchema.parse({ op: "addStep", id: "cart", stageId: "buy", name: "Fills the cart" }),
    MapOperationSchema.parse({ op: "addStep", id: "pay", stageId: "buy", name: "Pays" }),
    MapOperationSchema.parse({ op: "addLane", id: "lane", type: laneType, name: "" }),
    MapOperationSchema.parse({ op: "addLane", id: "other", type: laneType, name: "Other" }),
    ...(options.cards ?? []).map((card) =>
      MapOperationSchema.parse({ op: "addCard", laneId: "lane", stepId: "cart", card }),
    ),
  ]);
  const edits: MapOperationInput[][] = [];
  const state = { stops: 0 };
  const cardsIn = (laneId: string, stepId: string): Card[] =>
    docToSnapshot(doc).cells.find((c) => c.laneId === laneId && c.stepId === stepId)?.cards ?? [];
  const i18n = createI18n(options.locale ?? "en", loadTestMessages(options.locale ?? "en"));
  const catalogue = options.catalogue ?? testCatalogue();

  function Cell({ laneId, stepId, initiallyEditing }: { laneId: string; stepId: string; initiallyEditing: boolean }) {
    const [, setVersion] = useState(0);
    const [editing, setEditing] = useState(initiallyEditing);
    useEffect(() => {
      const bump = () => setVersion((v) => v + 1);
      doc.on("update", bump);
      return () => doc.off("update", bump);
    }, []);
    const snapshot = docToSnapshot(doc);
    const lane = snapshot.lanes.find((l) => l.id === laneId)!;
    const step = snapshot.steps.find((s) => s.id === stepId)!;
    return (
      <div data-testid={`cell-${laneId}-${stepId}`} onDoubleClick={() => setEditing(true)}>
        <CellContent
          lane={lane}
          step={step}
          cards={cardsIn(laneId, stepId)}
          catalogue={catalogue}
          readOnly={options.readOnly ?? false}
          editing={editing}
          workspaceId={options.workspaceId}
          onCatalogueChange={options.onCatalogueChange}
          onStopEditing={() => {
            state.stops += 1;
            setEditing(false);
          }}
          onEdit={(ops) => {
            edits.push(ops);
            try {
              applyMapOperations(
                doc,
                ops.map((op) => MapOperationSchema.parse(op)),
              );
              return true;
            } catch {
              return false;
            }
          }}
        />
      </div>
    );
  }

  const view = render(
    <StaticI18nProvider i18n={i18n}>
      <CommentBadgesContext.Provider value={options.comments ?? null}>
        <Cell laneId="lane" stepId="cart" initiallyEditing={options.editing ?? false} />
        <Cell laneId="other" stepId="pay" initiallyEditing={false} />
      </CommentBadgesContext.Provider>
    </StaticI18nProvider>,
  );
  return {
    ...view,
    doc,
    user: userEvent.setup(),
    /** Every batch the cell sent, in order. */
    edits,
    /** How often the cell asked to leave edit mode. */
    stops: () => state.stops,
    /** The cards stored in the cell now. */
    cards: () => cardsIn("lane", "cart"),
    /** The cards stored in the second cell (another lane of the same type, at the "pay" step). */
    otherCards: () => cardsIn("other", "pay"),
  };
}
