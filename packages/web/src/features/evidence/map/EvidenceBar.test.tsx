// @vitest-environment jsdom
import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { cleanup, fireEvent, screen } from "@testing-library/react";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { EvidenceOf, renderIn, shopMetrics } from "../testing/evidenceTestKit.js";
import { EvidenceBar } from "./EvidenceBar.js";

beforeEach(() => {
  // The bar asks for the workspace's channels and imports; empty answers do.
  vi.stubGlobal(
    "fetch",
    vi.fn(async () => new Response("[]", { status: 200, headers: { "content-type": "application/json" } })),
  );
});
afterEach(() => {
  cleanup();
  localStorage.clear();
  vi.unstubAllGlobals();
});

/** The data bar of a map with data, for one user, as the editor shows it after a (re)load. */
function openBar(userId: string, locale: "en" | "fa" = "en") {
  const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  return renderIn(
    <QueryClientProvider client={client}>
      <EvidenceOf metrics={shopMetrics()}>
        <EvidenceBar personas={[]} userId={userId} />
      </EvidenceOf>
    </QueryClientProvider>,
    locale,
  );
}

const fold = () => screen.getByTestId("fold-data-bar");
const filtersShown = () => screen.queryByTestId("filter-channel") !== null;
const funnelStages = () => screen.queryAllByTestId("funnel-stage").length;

describe("folding the data bar", () => {
  it("hides the filters and the funnel but keeps what the numbers cover", () => {
    openBar("u_1");
    expect([filtersShown(), funnelStages(), fold().getAttribute("aria-expanded")]).toEqual([true, 2, "true"]);
    fireEvent.click(fold());
    expect([filtersShown(), funnelStages(), fold().getAttribute("aria-expanded")]).toEqual([false, 0, "false"]);
    expect(screen.getByTestId("evidence-bar").getAttribute("data-folded")).toBe("true");
    expect(screen.getByTestId("evidence-summary").textContent).toContain("1,000");
    fireEvent.click(fold());
    expect(filtersShown()).toBe(true);
  });

  it("stays folded when the map is opened again in this browser", () => {
    openBar("u_1");
    fireEvent.click(fold());
    cleanup();
    openBar("u_1");
    expect([filtersShown(), fold().getAttribute("aria-expanded")]).toEqual([false, "false"]);
    // Unfolding is remembered the same way.
    fireEvent.click(fold());
    cleanup();
    openBar("u_1", "fa");
    expect(filtersShown()).toBe(true);
  });

  it("is each person's own choice: someone else signed in on this browser gets the bar unfolded", () => {
    openBar("u_1");
    fireEvent.click(fold());
    cleanup();
    openBar("u_2");
    expect(filtersShown()).toBe(true);
    cleanup();
    openBar("u_1");
    expect(filtersShown()).toBe(false);
  });
});
