// @vitest-environment jsdom
import { BUILT_IN_CHANNELS, PersonaFieldsSchema, type Channel } from "@opencjm/core";
import { cleanup, screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { useState } from "react";
import { afterEach, describe, expect, it } from "vitest";
import { renderWithI18n } from "../../app/testing/renderWithI18n.js";
import type { UiLocale } from "../../i18n/locales.js";
import { PersonaEditor } from "./PersonaEditor.js";
import { validateDraft, type PersonaDraft } from "./personaDraft.js";

const channels: Channel[] = BUILT_IN_CHANNELS.map(
  (c) => ({ id: c.key, key: c.key, name: c.name.en, online: c.online, icon: c.icon, builtIn: true }) as Channel,
);

/** The editor over a draft held in state, as the persona page holds it; `latest` is the last draft it produced. */
function renderEditor(initial: Partial<PersonaDraft> = {}, locale: UiLocale = "en") {
  // Spread after parsing, so a test can start from a draft the schema would refuse.
  const latest: { draft: PersonaDraft } = { draft: { ...PersonaFieldsSchema.parse({ name: "Ana" }), ...initial } };
  function Harness() {
    const [draft, setDraft] = useState(latest.draft);
    return (
      <PersonaEditor
        workspaceId="ws_1"
        personaId="per_1"
        draft={draft}
        channels={channels}
        invalid={(path) => validateDraft(draft).some((p) => p.path === path)}
        onPhotoSaved={() => undefined}
        onChange={(next) => {
          latest.draft = next;
          setDraft(next);
        }}
      />
    );
  }
  renderWithI18n(<Harness />, locale);
  return latest;
}

afterEach(cleanup);

describe("PersonaEditor", () => {
  it("edits fields of every group into the draft", async () => {
    const user = userEvent.setup();
    const latest = renderEditor();
    const section = (id: string) => within(screen.getByTestId(`section-${id}`));
    await user.clear(section("identity").getByLabelText("Name"));
    await user.type(section("identity").getByLabelText("Name"), "Mina");
    await user.type(section("demographics").getByLabelText("Job title"), "Buyer");
    await user.type(section("goals").getByLabelText("Goals"), "Save money{enter}{enter}Order once a month");
    await user.selectOptions(section("concerns").getByLabelText("Urgency"), "high");
    await user.click(section("behaviour").getByLabelText("E-mail"));
    await user.selectOptions(section("decision").getByLabelText("Role in the buying decision"), "decider");
    await user.click(screen.getByRole("button", { name: "+ Add committee member" }));
    await user.type(within(screen.getByTestId("buying-committee")).getByLabelText("Name"), "Omid");
    await user.type(section("identity").getByLabelText("Tags"), "vip, b2b,");
    expect(latest.draft).toMatchObject({
      name: "Mina",
      demographics: { jobTitle: "Buyer" },
      goals: ["Save money", "Order once a month"],
      urgency: "high",
      preferredChannels: ["email"],
      decisionRole: "decider",
      buyingCommittee: [{ name: "Omid", role: "influencer", concerns: [] }],
      tags: ["vip", "b2b"],
    });
    // Blank lines being typed stay in the box while the draft gets only the items.
    expect((section("goals").getByLabelText("Goals") as HTMLTextAreaElement).value).toBe(
      "Save money\n\nOrder once a month",
    );
  });

  it("clears an optional field back to not set, and removes committee members and custom fields", async () => {
    const user = userEvent.setup();
    const latest = renderEditor({
      urgency: "low",
      buyingCommittee: [{ name: "Omid", role: "buyer", concerns: [] }],
      customFields: [{ key: "f1", label: "Tier", value: "Gold" }],
    });
    await user.selectOptions(within(screen.getByTestId("section-concerns")).getByLabelText("Urgency"), "");
    await user.click(within(screen.getByTestId("buying-committee")).getByRole("button", { name: "Remove" }));
    await user.click(within(screen.getByTestId("custom-fields")).getByRole("button", { name: "Remove field" }));
    expect(latest.draft.urgency).toBeUndefined();
    expect(latest.draft.buyingCommittee).toEqual([]);
    expect(latest.draft.customFields).toEqual([]);
  });

  it("marks invalid fields and shows hostile text as text", () => {
    renderEditor({ name: "<img src=x onerror=alert(1)>", quote: "q".repeat(501) });
    const quote = within(screen.getByTestId("section-identity")).getByLabelText("Quote");
    expect(quote.getAttribute("aria-invalid")).toBe("true");
    expect((within(screen.getByTestId("section-identity")).getByLabelText("Name") as HTMLInputElement).value).toBe(
      "<img src=x onerror=alert(1)>",
    );
    expect(document.querySelector("img")).toBeNull();
  });

  it("speaks Persian and Russian with the groups of the method", () => {
    renderEditor({}, "fa");
    expect(screen.getByRole("heading", { name: "اهداف و نیازها" })).toBeTruthy();
    cleanup();
    renderEditor({}, "ru");
    expect(screen.getByRole("heading", { name: "Роль в решении и закупочный комитет" })).toBeTruthy();
  });
});
