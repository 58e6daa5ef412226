/** Waits for the fonts and two frames, so what is measured is what is painted; returns the function that cancels it. */
export function afterLayout(run: () => void): () => void {
  let cancelled = false;
  void document.fonts.ready.then(() => requestAnimationFrame(() => requestAnimationFrame(() => !cancelled && run())));
  return () => {
    cancelled = true;
  };
}

/**
 * After layout (see `afterLayout`) runs `finish`, the print view's last adjustments, and when it reports it is done
 * marks the page ready for the exporter (`data-print-ready`) in the next frame. The returned function cancels all of
 * it, the mark included: a print tab reused for the next export must never be marked ready by the view it showed
 * before (the mark would print the next view before it is drawn).
 */
export function markReadyAfterLayout(finish: () => boolean): () => void {
  let frame = 0;
  const cancel = afterLayout(() => {
    if (finish()) frame = requestAnimationFrame(() => void (document.documentElement.dataset.printReady = "true"));
  });
  return () => {
    cancel();
    cancelAnimationFrame(frame);
  };
}
