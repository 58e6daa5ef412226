// @vitest-environment jsdom
import { applyMapOperations, docToSnapshot, type MapOperation } from "@opencjm/core";
import { cleanup, render, screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { afterEach, describe, expect, it } from "vitest";
import { createI18n, StaticI18nProvider } from "../../../i18n/I18nProvider.js";
import type { UiLocale } from "../../../i18n/locales.js";
import { buildTestMapDoc } from "../store/buildTestMapDoc.js";
import { editorMessages } from "../testing/renderEditorGrid.js";
import { PresentationView } from "./PresentationView.js";

afterEach(cleanup);

const catalogue = { touchpoints: new Map(), channels: new Map(), personas: new Map() };

function present(locale: UiLocale = "en") {
  const doc = buildTestMapDoc();
  applyMapOperations(doc, [
    { op: "addCard", laneId: "pains", stepId: "pay", card: { kind: "painPoint", text: "Card declined", severity: 4 } },
  ] as MapOperation[]);
  const closed: string[] = [];
  render(
    <StaticI18nProvider i18n={createI18n(locale, editorMessages(locale))}>
      <PresentationView snapshot={docToSnapshot(doc)} catalogue={catalogue} onClose={() => closed.push("closed")} />
    </StaticI18nProvider>,
  );
  const shown = () => screen.getByTestId("presentation").getAttribute("data-stage-id");
  return { closed, shown };
}

describe("presentation mode", () => {
  it("moves between stages with Page Down/Page Up (clickers) and the arrow keys, and Escape leaves", async () => {
    const user = userEvent.setup();
    const { closed, shown } = present();
    expect(shown()).toBe("aware");
    expect(screen.getByTestId("presentation-where").textContent).toBe("Stage 1 of 2: Awareness");
    await user.keyboard("{PageDown}");
    expect(shown()).toBe("buy");
    expect(screen.getByText("Card declined")).toBeTruthy();
    await user.keyboard("{ArrowRight}");
    expect(shown()).toBe("buy");
    await user.keyboard("{PageUp}");
    expect(shown()).toBe("aware");
    await user.keyboard("{ArrowRight}");
    expect(shown()).toBe("buy");
    await user.keyboard("{ArrowLeft}");
    expect(shown()).toBe("aware");
    expect(closed).toEqual([]);
    await user.keyboard("{Escape}");
    expect(closed).toEqual(["closed"]);
  });

  it("gives focus back to the button that started it when it ends", async () => {
    const user = userEvent.setup();
    const button = document.body.appendChild(document.createElement("button"));
    button.focus();
    const view = render(
      <StaticI18nProvider i18n={createI18n("en", editorMessages("en"))}>
        <PresentationView snapshot={docToSnapshot(buildTestMapDoc())} catalogue={catalogue} onClose={() => {}} />
      </StaticI18nProvider>,
    );
    await user.keyboard("{PageDown}");
    expect(document.activeElement).not.toBe(button);
    view.unmount();
    expect(document.activeElement).toBe(button);
    button.remove();
  });

  it("shows only the lanes with something in the stage, and no editing chrome", () => {
    present();
    const lanes = () => [...document.querySelectorAll("[data-testid=lane-header]")].map((e) => e.textContent);
    expect(lanes()).toEqual(["Actions"]);
    expect(document.querySelectorAll("[data-testid=header-menu]")).toHaveLength(0);
    expect(document.querySelector("[data-testid=add-lane]")).toBeNull();
  });

  it("goes forward with the left arrow in Persian, and shows the whole map on request", async () => {
    const user = userEvent.setup();
    const { shown } = present("fa");
    await user.keyboard("{ArrowLeft}");
    expect(shown()).toBe("buy");
    await user.click(screen.getByTestId("presentation-mode-whole"));
    await waitFor(() => expect(screen.getByTestId("presentation").getAttribute("data-stage-id")).toBeNull());
    expect(document.querySelectorAll("[data-testid=stage-header]")).toHaveLength(2);
  });
});
