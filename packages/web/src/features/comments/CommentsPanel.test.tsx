// @vitest-environment jsdom
import type { CommentThread } from "@opencjm/core";
import { cleanup, screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { afterEach, describe, expect, it } from "vitest";
import { renderWithI18n } from "../../app/testing/renderWithI18n.js";
import type { UiLocale } from "../../i18n/locales.js";
import { GridFocus } from "../mapEditor/grid/createGridFocus.js";
import { GridContext, type GridContextValue } from "../mapEditor/grid/GridContext.js";
import { SearchMatches } from "../mapEditor/grid/SearchMatches.js";
import { buildTestMapDoc } from "../mapEditor/store/buildTestMapDoc.js";
import { createLiveMapView } from "../mapEditor/store/createLiveMapView.js";
import { MapViewContext } from "../mapEditor/store/useMapView.js";
import { CommentsStateContext, type CommentsState } from "./CommentsContext.js";
import { CommentsPanel } from "./CommentsPanel.js";

afterEach(cleanup);

const ann = { userId: "u_ann", name: "Ann Lee" };
const bob = { userId: "u_bob", name: "Bob Stone" };
let n = 0;
function thread(
  partial: Partial<CommentThread> & Pick<CommentThread, "anchor">,
  texts: Array<[typeof ann, string, (typeof ann)[]?]>,
): CommentThread {
  const id = `thr_${++n}`;
  return {
    id,
    mapId: "m1",
    status: "open",
    onDeletedContent: false,
    createdBy: texts[0]![0],
    createdAt: "2026-03-01T10:00:00.000Z",
    resolvedAt: null,
    resolvedBy: null,
    comments: texts.map(([author, text, mentions = []], i) => ({
      id: `${id}_c${i}`,
      threadId: id,
      author,
      text,
      mentions,
      createdAt: "2026-03-01T10:00:00.000Z",
      editedAt: null,
    })),
    ...partial,
  };
}

const THREADS: CommentThread[] = [
  thread({ anchor: { kind: "card", cardId: "c1" } }, [
    [ann, "Is this still true, @Bob Stone?", [bob]],
    [bob, "Yes"],
  ]),
  thread({ anchor: { kind: "step", stepId: "cart" }, status: "resolved" }, [[bob, "Renamed the step"]]),
  thread({ anchor: { kind: "card", cardId: "gone" }, onDeletedContent: true }, [[bob, "About the old banner"]]),
  thread({ anchor: { kind: "map" } }, [[bob, `<script>alert("x")</script><b>bold</b>`]]),
  thread({ anchor: { kind: "cell", laneId: "actions", stepId: "pay" } }, [[ann, "Only Ann here"]]),
];

function renderPanel(options: {
  meId: string;
  canComment: boolean;
  locale?: UiLocale;
  anchor?: CommentThread["anchor"];
}) {
  const doc = buildTestMapDoc();
  const view = createLiveMapView(doc);
  const grid: GridContextValue = {
    editor: null,
    readOnly: true,
    focus: new GridFocus(),
    presence: null,
    search: new SearchMatches(),
    catalogue: { touchpoints: new Map(), channels: new Map(), personas: new Map() },
    zoom: 1,
    confirm: async () => true,
  };
  const opened: Array<CommentThread["anchor"] | undefined> = [];
  const state: CommentsState = {
    workspaceId: "w1",
    mapId: "m1",
    meId: options.meId,
    isOwner: false,
    canComment: options.canComment,
    threads: THREADS,
    loading: false,
    failed: false,
    openCounts: new Map(),
    open: (anchor) => void opened.push(anchor),
  };
  const result = renderWithI18n(
    <MapViewContext.Provider value={view}>
      <GridContext.Provider value={grid}>
        <CommentsStateContext.Provider value={state}>
          <CommentsPanel anchor={options.anchor ?? null} onShowAll={() => undefined} onClose={() => undefined} />
        </CommentsStateContext.Provider>
      </GridContext.Provider>
    </MapViewContext.Provider>,
    options.locale,
  );
  return { ...result, opened };
}

const shownThreads = () => screen.queryAllByTestId("comment-thread").map((el) => el.getAttribute("aria-label"));

describe("CommentsPanel", () => {
  it("lists the map's open threads by what they are on, and filters by resolved, mine, mentions of me and kind", async () => {
    const user = userEvent.setup();
    const { opened } = renderPanel({ meId: "u_bob", canComment: false });
    expect(shownThreads()).toEqual(["Card: Clicks the ad", "Deleted content", "The whole map", "Cell: Actions · Pays"]);
    expect(screen.getByTestId("on-deleted-content").textContent).toBe("On deleted content");
    await user.click(screen.getByRole("button", { name: "Resolved" }));
    expect(shownThreads()).toEqual(["Step: Fills the cart"]);
    await user.click(screen.getByRole("button", { name: "Open" }));
    await user.click(screen.getByRole("checkbox", { name: "Mentioning me" }));
    expect(shownThreads()).toEqual(["Card: Clicks the ad"]);
    await user.click(screen.getByRole("checkbox", { name: "Mentioning me" }));
    await user.click(screen.getByRole("checkbox", { name: "Mine" }));
    expect(shownThreads()).toEqual(["Card: Clicks the ad", "Deleted content", "The whole map"]);
    await user.click(screen.getByRole("checkbox", { name: "Mine" }));
    await user.selectOptions(screen.getByRole("combobox", { name: "On" }), "map");
    expect(shownThreads()).toEqual(["The whole map"]);
    await user.selectOptions(screen.getByRole("combobox", { name: "On" }), "all");
    await user.click(screen.getByRole("button", { name: "Card: Clicks the ad" }));
    expect(opened).toEqual([{ kind: "card", cardId: "c1" }]);
  });

  it("shows script and HTML in a comment as the text it is, and marks mentions of the reader", () => {
    const { container } = renderPanel({ meId: "u_bob", canComment: false });
    const texts = screen.getAllByTestId("comment-text").map((el) => el.textContent);
    expect(texts).toContain(`<script>alert("x")</script><b>bold</b>`);
    expect(container.querySelector("script, b")).toBeNull();
    const mention = within(screen.getAllByTestId("comment-thread")[0]!).getByText("@Bob Stone");
    expect(mention.tagName).toBe("MARK");
  });

  it("gives viewers no way to write; commenters reply, resolve and edit or delete only their own", () => {
    renderPanel({ meId: "u_ann", canComment: false });
    expect(screen.queryByRole("combobox", { name: /Reply/ })).toBeNull();
    expect(screen.queryByRole("button", { name: "Resolve" })).toBeNull();
    expect(screen.queryByRole("button", { name: "Edit" })).toBeNull();
    cleanup();
    renderPanel({ meId: "u_ann", canComment: true });
    const first = within(screen.getAllByTestId("comment-thread")[0]!);
    expect(first.getAllByRole("combobox", { name: "Reply — type @ to mention someone" })).toHaveLength(1);
    expect(first.getByRole("button", { name: "Resolve" })).toBeTruthy();
    // Ann wrote the first comment, Bob the second: only hers can be edited or deleted by her.
    expect(first.getAllByRole("button", { name: "Edit" })).toHaveLength(1);
    expect(first.getAllByRole("button", { name: "Delete" })).toHaveLength(1);
  });

  it("lets commenters start a thread on the whole map from the list", async () => {
    const user = userEvent.setup();
    const { opened } = renderPanel({ meId: "u_ann", canComment: true });
    await user.click(screen.getByRole("button", { name: "Comment on the whole map" }));
    expect(opened).toEqual([{ kind: "map" }]);
    cleanup();
    renderPanel({ meId: "u_ann", canComment: false });
    expect(screen.queryByRole("button", { name: "Comment on the whole map" })).toBeNull();
  });

  it("opens on one card's threads with a box to start a new one, in Persian", () => {
    renderPanel({ meId: "u_ann", canComment: true, locale: "fa", anchor: { kind: "step", stepId: "ad" } });
    expect(screen.getByText("گام: Sees an ad")).toBeTruthy();
    expect(screen.getByText("هنوز نظری اینجا نیست.")).toBeTruthy();
    expect(
      screen.getByRole("combobox", { name: "گفتگویی را آغاز کنید — برای نام بردن از کسی @ بنویسید" }),
    ).toBeTruthy();
  });
});
