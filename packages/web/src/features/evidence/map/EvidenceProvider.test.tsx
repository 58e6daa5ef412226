// @vitest-environment jsdom
import type { MapMetrics } from "@opencjm/core";
import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { act, cleanup, render, screen, waitFor } from "@testing-library/react";
import { afterEach, describe, expect, it, vi } from "vitest";
import { shopMetrics } from "../testing/evidenceTestKit.js";
import { useEvidence } from "./EvidenceContext.js";
import { EvidenceProvider, measuredOnMap } from "./EvidenceProvider.js";
import { storedDataChoice } from "./storedDataChoice.js";

afterEach(() => {
  cleanup();
  localStorage.clear();
  vi.unstubAllGlobals();
});

/** The same map with no customer at any step or touchpoint: rules that match nothing yet. */
function unmeasured(): MapMetrics {
  const metrics = shopMetrics();
  return {
    ...metrics,
    totals: { ...metrics.totals, onMapEvents: 0 },
    steps: metrics.steps.map((s) => ({ ...s, customers: 0, events: 0 })),
    // A touchpoint of the workspace that is not on this map, reached by customers.
    touchpoints: [
      { touchpointId: "tp_elsewhere", label: "Newsletter", stepId: null, events: 9, customers: 4, timeSpentMs: 0 },
    ],
  };
}

const doneImport = { id: "imp", status: "done", eventsStored: 2500 };

/** Answers the import list and the map's metrics, and counts the metrics asked for. */
function serve(imports: object[], metrics: MapMetrics) {
  const asked: string[] = [];
  vi.stubGlobal(
    "fetch",
    vi.fn(async (url: string) => {
      asked.push(url);
      const body = url.includes("/imports") ? imports : metrics;
      return new Response(JSON.stringify(body), { status: 200, headers: { "content-type": "application/json" } });
    }),
  );
  return { metricsAsked: () => asked.filter((u) => u.includes("/metrics")).length };
}

let exposed: ReturnType<typeof useEvidence> = null;
function Shown() {
  const evidence = useEvidence();
  exposed = evidence;
  return <p data-testid="shown">{String(evidence?.shown)}</p>;
}

function mount(mapId = "map_1") {
  const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  return render(
    <QueryClientProvider client={client}>
      <EvidenceProvider workspaceId="ws_1" mapId={mapId}>
        <Shown />
      </EvidenceProvider>
    </QueryClientProvider>,
  );
}

const shown = () => screen.getByTestId("shown").textContent;

describe("whether the map's data view is on before anyone chooses", () => {
  it("counts an event on the map, a customer at a step or at a touchpoint on it as data, and nothing else", () => {
    expect(measuredOnMap(shopMetrics())).toBe(true);
    expect(measuredOnMap(unmeasured())).toBe(false);
    const atTouchpoint = unmeasured();
    atTouchpoint.touchpoints = [{ ...atTouchpoint.touchpoints[0]!, stepId: "home" }];
    expect(measuredOnMap(atTouchpoint)).toBe(true);
    const onMap = unmeasured();
    onMap.totals.onMapEvents = 1;
    expect(measuredOnMap(onMap)).toBe(true);
    expect(measuredOnMap(undefined)).toBe(false);
  });

  it("is on when this map's numbers place customers on it", async () => {
    const server = serve([doneImport], shopMetrics());
    mount();
    await waitFor(() => expect(shown()).toBe("true"));
    expect(server.metricsAsked()).toBe(1);
    expect(storedDataChoice("map_1")).toBeNull();
  });

  it("stays off for a map without customers, even though the workspace has data", async () => {
    const server = serve([doneImport], unmeasured());
    mount();
    await waitFor(() => expect(server.metricsAsked()).toBe(1));
    await waitFor(() => expect(exposed?.metrics).not.toBeNull());
    expect(shown()).toBe("false");
    expect(exposed?.status).toBe("off");
  });

  it("asks nothing of the map in a workspace without data, and stays off", async () => {
    const server = serve([{ ...doneImport, eventsStored: 0 }], shopMetrics());
    mount();
    await waitFor(() => expect(fetch).toHaveBeenCalledTimes(1));
    expect(shown()).toBe("false");
    expect(server.metricsAsked()).toBe(0);
  });
});

describe("a choice made with the toggle", () => {
  it("keeps the view off on a map with data, remembered for that map only", async () => {
    serve([doneImport], shopMetrics());
    mount("map_1");
    await waitFor(() => expect(shown()).toBe("true"));
    act(() => exposed?.setShown(false));
    expect(shown()).toBe("false");
    cleanup();
    mount("map_1");
    expect(shown()).toBe("false");
    cleanup();
    // Another map with data still follows its own numbers.
    mount("map_2");
    await waitFor(() => expect(shown()).toBe("true"));
  });

  it("keeps the view on for a map without data", async () => {
    serve([doneImport], unmeasured());
    mount("map_1");
    act(() => exposed?.setShown(true));
    expect(shown()).toBe("true");
    cleanup();
    mount("map_1");
    expect(shown()).toBe("true");
    await waitFor(() => expect(exposed?.status).toBe("ready"));
    expect(storedDataChoice("map_2")).toBeNull();
  });
});
