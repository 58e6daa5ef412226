import { lazy, type ComponentType, type LazyExoticComponent } from "react";

/** A screen whose code loads on demand, and the function that starts loading it early. */
export interface LazyScreen<P> {
  Component: LazyExoticComponent<ComponentType<P>>;
  /** Starts (once) downloading the screen's code; resolves when it is ready. */
  preload: () => Promise<unknown>;
}

/**
 * Like `React.lazy`, except that a screen whose code has already arrived (preloaded while the session and the data
 * loaded) renders at once. `React.lazy` always suspends on its first render, even for a loaded module, and React then
 * holds back revealing the content until 300 ms after the loading fallback appeared — a wait of up to 300 ms for
 * nothing. Handing `lazy` a thenable that calls back synchronously lets it resolve without suspending.
 */
export function lazyScreen<P>(load: () => Promise<{ default: ComponentType<P> }>): LazyScreen<P> {
  let loaded: { default: ComponentType<P> } | undefined;
  let pending: Promise<{ default: ComponentType<P> }> | undefined;
  const preload = () =>
    (pending ??= load().then(
      (module) => (loaded = module),
      (err: unknown) => {
        // A failed download (offline, a new deployment) may be retried by the next render.
        pending = undefined;
        throw err;
      },
    ));
  const Component = lazy(() => {
    const ready = loaded;
    if (!ready) return preload();
    // `lazy` only calls `then`; answering synchronously marks the component resolved before it would suspend.
    const now = { then: (onFulfilled: (module: { default: ComponentType<P> }) => unknown) => void onFulfilled(ready) };
    return now as unknown as Promise<{ default: ComponentType<P> }>;
  });
  return { Component, preload };
}
