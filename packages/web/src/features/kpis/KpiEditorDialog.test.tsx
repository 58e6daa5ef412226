// @vitest-environment jsdom
import type { Kpi } from "@opencjm/core";
import { cleanup, screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { renderWithI18n } from "../../app/testing/renderWithI18n.js";
import { KpiEditorDialog } from "./KpiEditorDialog.js";

const MAP = {
  map: { id: "m1", title: "Checkout" },
  snapshot: {
    settings: { title: "Checkout" },
    stages: [
      { id: "st1", name: "Discover" },
      { id: "st2", name: "Buy" },
    ],
    steps: [
      { id: "s1", name: "See the ad", stageId: "st1" },
      { id: "s2", name: "Pay", stageId: "st2" },
    ],
    cells: [{ laneId: "l1", stepId: "s2", cards: [{ kind: "touchpoint", touchpointId: "tp1" }] }],
  },
};
const MEMBERS = [
  { userId: "u1", name: "Ana Lima", email: "ana@example.test", role: "owner", joinedAt: "2024-01-01T00:00:00Z" },
  { userId: "u2", name: "Bo Chen", email: "bo@example.test", role: "editor", joinedAt: "2024-01-01T00:00:00Z" },
];
const TOUCHPOINTS = [
  { id: "tp1", name: "Payment page" },
  { id: "tp2", name: "Shop window" },
];

/**
 * A real HTTP server for the dialog's requests (the map, members, touchpoints, and the KPI it saves); `created` keeps
 * what was posted. A KPI named "Bad" is refused the way the API refuses, with its sentence naming the field.
 */
let server: Server;
let created: unknown[];
const realFetch = globalThis.fetch;
beforeEach(async () => {
  created = [];
  server = createServer((req, res) => {
    const json = (status: number, body: unknown) => {
      res.writeHead(status, { "content-type": "application/json" });
      res.end(JSON.stringify(body));
    };
    if (req.url === "/api/workspaces/w1/maps/m1") return json(200, MAP);
    if (req.url === "/api/workspaces/w1/members") return json(200, MEMBERS);
    if (req.url === "/api/workspaces/w1/touchpoints") return json(200, TOUCHPOINTS);
    let body = "";
    req.on("data", (chunk: Buffer) => (body += chunk.toString()));
    req.on("end", () => {
      const input = JSON.parse(body) as { name: string };
      if (input.name === "Bad")
        return json(400, {
          error: {
            code: "invalid",
            message: "anchor.stageId: the map has no stage",
            issues: [{ path: "anchor.stageId", message: "the map has no stage" }],
          },
        });
      created.push(input);
      json(201, { id: "k1", workspaceId: "w1", ...input, createdAt: "", updatedAt: "" });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  globalThis.fetch = (input, init) => realFetch(new URL(String(input), base), { ...init, signal: undefined });
});
afterEach(async () => {
  cleanup();
  globalThis.fetch = realFetch;
  await new Promise((resolve) => server.close(resolve));
});

// The first render of a dialog in jsdom, on a busy machine, can take seconds: wait for the answers, however long.
const LOADED = { timeout: 15_000 };
const FOCUS = { stepId: "s2", stepName: "Pay", stageId: "st2", stageName: "Buy" };

function openFromCard(onSaved: (kpi: Kpi) => void = () => undefined) {
  renderWithI18n(
    <KpiEditorDialog
      workspaceId="w1"
      initialAnchor={{ kind: "step", mapId: "m1", stepId: "s2" }}
      focus={FOCUS}
      initialName="Paid orders"
      onSaved={onSaved}
      onClose={() => undefined}
    />,
  );
}

const optionTexts = (select: HTMLElement) => [...select.querySelectorAll("option")].map((o) => o.textContent);

describe("defining a KPI", () => {
  it("from a KPI card offers this step, its stage, the map's touchpoints or the workspace, and saves the choice and owner", async () => {
    const user = userEvent.setup();
    let saved: Kpi | undefined;
    openFromCard((kpi) => (saved = kpi));
    const anchor = screen.getByLabelText("Applies to");
    await screen.findByText("Payment page", undefined, LOADED);
    expect(optionTexts(anchor)).toEqual(["The whole workspace", "This step: Pay", "Its stage: Buy", "Payment page"]);
    // A touchpoint's KPI is its reach or entered by hand; the workspace's only by hand.
    await user.selectOptions(anchor, "Payment page");
    expect(optionTexts(screen.getByLabelText("Measured as"))).toEqual(["Customers reaching it", "Entered by hand"]);
    await user.selectOptions(anchor, "The whole workspace");
    expect(optionTexts(screen.getByLabelText("Measured as"))).toEqual(["Entered by hand"]);

    await user.selectOptions(anchor, "Its stage: Buy");
    await user.selectOptions(screen.getByLabelText("Measured as"), "Entered by hand");
    await screen.findByText("Bo Chen", undefined, LOADED);
    await user.selectOptions(screen.getByLabelText("Owner"), "Bo Chen");
    await user.type(screen.getByLabelText("Target"), "120");
    await user.click(screen.getByRole("button", { name: "Save" }));
    await expect.poll(() => saved?.id, LOADED).toBe("k1");
    expect(created).toEqual([
      {
        anchor: { kind: "stage", mapId: "m1", stageId: "st2" },
        name: "Paid orders",
        unit: "",
        direction: "higher",
        ownerId: "u2",
        source: { kind: "manual" },
        target: 120,
      },
    ]);
  });

  it("from the KPI list asks for the map and then a stage, step or touchpoint of it, or the workspace", async () => {
    const user = userEvent.setup();
    renderWithI18n(
      <KpiEditorDialog
        workspaceId="w1"
        maps={[{ id: "m1", title: "Checkout" }]}
        onSaved={() => undefined}
        onClose={() => undefined}
      />,
    );
    expect(optionTexts(screen.getByLabelText("Applies to"))).toEqual(["The whole workspace"]);
    await user.selectOptions(screen.getByLabelText("Map"), "Checkout");
    await screen.findByText("Discover", undefined, LOADED);
    const anchor = screen.getByLabelText("Applies to");
    const groups = [...anchor.querySelectorAll("optgroup")].map((g) => [
      g.label,
      ...[...g.querySelectorAll("option")].map((o) => o.textContent),
    ]);
    expect(groups).toEqual([
      ["Steps", "See the ad", "Pay"],
      ["Stages", "Discover", "Buy"],
      ["Touchpoints", "Payment page"],
    ]);
    // Saving before choosing what the KPI applies to is stopped with a sentence, not sent.
    await user.type(screen.getByLabelText("Name"), "Bad");
    await user.click(screen.getByRole("button", { name: "Save" }));
    expect(screen.getByRole("alert").textContent).toBe("Choose what the KPI applies to.");
    expect(created).toEqual([]);
  });

  it("shows the server's refusal naming the field, and keeps the dialog open", async () => {
    const user = userEvent.setup();
    openFromCard();
    await user.clear(screen.getByLabelText("Name"));
    await user.type(screen.getByLabelText("Name"), "Bad");
    await user.click(screen.getByRole("button", { name: "Save" }));
    const alert = await screen.findByRole("alert", undefined, LOADED);
    expect(alert.textContent).toBe("Could not save: anchor.stageId: the map has no stage");
    expect(within(screen.getByTestId("kpi-editor")).getByRole("button", { name: "Save" })).toBeTruthy();
  });

  it("edits a KPI's owner in Persian, showing where it sits instead of offering to move it", async () => {
    const user = userEvent.setup();
    const kpi: Kpi = {
      id: "k9",
      workspaceId: "w1",
      anchor: { kind: "stage", mapId: "m1", stageId: "st1" },
      source: { kind: "manual" },
      name: "رضایت",
      unit: "",
      direction: "higher",
      target: 1500.5,
      ownerId: "u1",
      createdAt: "",
      updatedAt: "",
    };
    renderWithI18n(
      <KpiEditorDialog workspaceId="w1" kpi={kpi} onSaved={() => undefined} onClose={() => undefined} />,
      "fa",
    );
    expect(await screen.findByText("مرحله: Discover", undefined, LOADED)).toBeTruthy();
    expect(screen.queryByLabelText("مربوط به")).toBeNull();
    expect((screen.getByLabelText("هدف") as HTMLInputElement).value).toBe("۱۵۰۰٫۵");
    await screen.findByText("Ana Lima", undefined, LOADED);
    expect((screen.getByLabelText("مسئول") as HTMLSelectElement).value).toBe("u1");
    await user.selectOptions(screen.getByLabelText("مسئول"), "بدون مسئول");
    expect((screen.getByLabelText("مسئول") as HTMLSelectElement).value).toBe("");
  });
});
