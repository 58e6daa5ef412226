// @vitest-environment jsdom
import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { act, cleanup, renderHook, waitFor } from "@testing-library/react";
import type { ReactNode } from "react";
import { afterEach, describe, expect, it, vi } from "vitest";
import { useCommentThreads, type StatelessSource } from "./useCommentThreads.js";

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

/** A live connection the test drives: whether it is synced, and its "synced" event. */
function fakeConnection(synced: boolean) {
  const listeners = new Set<() => void>();
  const source = {
    synced,
    on: (event: string, listener: () => void) => void (event === "synced" && listeners.add(listener)),
    off: (event: string, listener: () => void) => void (event === "synced" && listeners.delete(listener)),
  };
  return {
    source: source as unknown as StatelessSource,
    sync() {
      source.synced = true;
      for (const listener of listeners) listener();
    },
    drop() {
      source.synced = false;
    },
  };
}

/** Renders the hook over a fresh query cache, counting the requests for the map's threads. */
async function mounted(live: StatelessSource) {
  const asked: string[] = [];
  vi.stubGlobal(
    "fetch",
    vi.fn(async (url: string) => {
      asked.push(url);
      return new Response(JSON.stringify({ threads: [] }), {
        status: 200,
        headers: { "content-type": "application/json" },
      });
    }),
  );
  const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  const wrapper = ({ children }: { children: ReactNode }) => (
    <QueryClientProvider client={client}>{children}</QueryClientProvider>
  );
  const hook = renderHook(() => useCommentThreads("ws_1", "map_1", "u_me", live), { wrapper });
  await waitFor(() => expect(hook.result.current.loading).toBe(false));
  /** Waits until at least `count` requests were made and none is still on its way. */
  const settled = (count: number) =>
    waitFor(() => {
      expect(asked.length).toBeGreaterThanOrEqual(count);
      expect(client.isFetching()).toBe(0);
    });
  return { asked, settled };
}

describe("the map's threads around the live connection's syncs", () => {
  it("asks once when the editor opened before the first sync, and again after each reconnection", async () => {
    const connection = fakeConnection(false);
    const { asked, settled } = await mounted(connection.source);
    expect(asked).toHaveLength(1);
    act(() => connection.sync());
    connection.drop();
    act(() => connection.sync());
    // The reconnection's sync asks once more; had the first sync asked too, there would be three requests by now.
    await settled(2);
    expect(asked).toHaveLength(2);
  });

  it("asks again at the next sync when the editor opened after the first one", async () => {
    const connection = fakeConnection(true);
    const { asked, settled } = await mounted(connection.source);
    expect(asked).toHaveLength(1);
    connection.drop();
    act(() => connection.sync());
    await settled(2);
    expect(asked).toHaveLength(2);
  });
});
