// @vitest-environment jsdom
import { act, cleanup, render, screen } from "@testing-library/react";
import { Suspense, type ComponentType } from "react";
import { afterEach, describe, expect, it } from "vitest";
import { lazyScreen } from "./lazyScreen.js";

afterEach(cleanup);

function Greeting({ name }: { name: string }) {
  return <p>Hello {name}</p>;
}

/** A module download the test finishes by hand. */
function download() {
  let finish!: () => void;
  const done = new Promise<{ default: typeof Greeting }>((resolve) => (finish = () => resolve({ default: Greeting })));
  let calls = 0;
  return { load: () => (calls++, done), finish, calls: () => calls };
}

function renderScreen(Component: ComponentType<{ name: string }>) {
  render(
    <Suspense fallback={<p>Loading…</p>}>
      <Component name="Lena" />
    </Suspense>,
  );
}

describe("lazyScreen", () => {
  it("shows a screen whose code was preloaded at once, without the loading placeholder", async () => {
    const file = download();
    const { Component, preload } = lazyScreen(file.load);
    const loading = preload();
    file.finish();
    await loading;
    renderScreen(Component);
    expect(screen.getByText("Hello Lena")).toBeTruthy();
    expect(screen.queryByText("Loading…")).toBeNull();
    expect(file.calls()).toBe(1);
  });

  it("shows the loading placeholder until a screen's code arrives, downloading it once", async () => {
    const file = download();
    const { Component, preload } = lazyScreen(file.load);
    void preload();
    renderScreen(Component);
    expect(screen.getByText("Loading…")).toBeTruthy();
    await act(async () => file.finish());
    expect(await screen.findByText("Hello Lena")).toBeTruthy();
    expect(file.calls()).toBe(1);
  });
});
