// @vitest-environment jsdom
import { MapSettingsSchema, type Persona } from "@opencjm/core";
import { cleanup, render, screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { afterEach, describe, expect, it } from "vitest";
import { createI18n, StaticI18nProvider } from "../../../i18n/I18nProvider.js";
import { editorMessages } from "../testing/renderEditorGrid.js";
import { SettingsDrawer, settingsPatch } from "./SettingsDrawer.js";

afterEach(cleanup);

const settings = MapSettingsSchema.parse({
  title: "Checkout",
  type: "currentState",
  tags: ["b2c"],
  personaIds: ["p1"],
});
const personas = [
  { id: "p1", name: "Mina" },
  { id: "p2", name: "Omid" },
] as Persona[];

function renderDrawer(readOnly = false) {
  const applied: object[] = [];
  let closed = 0;
  render(
    <StaticI18nProvider i18n={createI18n("en", editorMessages("en"))}>
      <SettingsDrawer
        settings={settings}
        personas={personas}
        readOnly={readOnly}
        onApply={(p) => (applied.push(p), true)}
        onClose={() => closed++}
      />
    </StaticI18nProvider>,
  );
  return { applied, closed: () => closed };
}

describe("map settings", () => {
  it("sends only the fields that changed, so a colleague's change to another field survives", () => {
    const draft = {
      goal: "",
      scope: "",
      type: "currentState" as const,
      status: "draft" as const,
      personaIds: settings.personaIds,
      tags: "b2c",
      min: "-2",
      max: "2",
      minLabel: "",
      maxLabel: "",
    };
    expect(settingsPatch(settings, draft)).toEqual({});
    expect(
      settingsPatch(settings, { ...draft, goal: "Fewer abandoned carts", tags: "b2c， mobile، web ,  b2c" }),
    ).toEqual({ goal: "Fewer abandoned carts", tags: ["b2c", "mobile", "web"] });
    expect(settingsPatch(settings, { ...draft, min: "-3", maxLabel: "Delighted" })).toEqual({
      emotionScale: { min: -3, max: 2, minLabel: "", maxLabel: "Delighted" },
    });
  });

  it("applies the goal, status, a persona added and the scale as one patch, then closes", async () => {
    const user = userEvent.setup();
    const { applied, closed } = renderDrawer();
    await user.type(screen.getByLabelText("Goal of the map"), "Fewer abandoned carts");
    await user.selectOptions(screen.getByLabelText("Status"), "published");
    await user.click(screen.getByLabelText("Omid"));
    await user.clear(screen.getByLabelText("Best"));
    await user.type(screen.getByLabelText("Best"), "5");
    await user.click(screen.getByTestId("settings-apply"));
    expect(applied).toEqual([
      {
        goal: "Fewer abandoned carts",
        status: "published",
        personaIds: ["p1", "p2"],
        emotionScale: { min: -2, max: 5, minLabel: "", maxLabel: "" },
      },
    ]);
    expect(closed()).toBe(1);
  });

  it("shows a viewer the settings without a way to change them", () => {
    renderDrawer(true);
    expect((screen.getByLabelText("Goal of the map") as HTMLTextAreaElement).closest("fieldset")!.disabled).toBe(true);
    expect(screen.queryByTestId("settings-apply")).toBeNull();
  });

  it("is a labelled modal dialog: focus starts on the goal, Tab stays inside, Escape closes it", async () => {
    const drawer = renderDrawer();
    const dialog = screen.getByRole("dialog", { name: "Map settings" });
    expect(document.activeElement).toBe(screen.getByLabelText("Goal of the map"));
    const user = userEvent.setup();
    for (let i = 0; i < 30; i++) {
      await user.tab();
      expect(dialog.contains(document.activeElement)).toBe(true);
    }
    await user.keyboard("{Escape}");
    expect(drawer.closed()).toBe(1);
  });

  it("closes from its corner button, also for a viewer who has no Cancel", async () => {
    const drawer = renderDrawer(true);
    await userEvent.setup().click(screen.getByRole("button", { name: "Close" }));
    expect(drawer.closed()).toBe(1);
  });
});
