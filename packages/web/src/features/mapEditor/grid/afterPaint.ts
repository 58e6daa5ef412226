/**
 * Calls `run` once the browser has painted the current frame (a frame callback, then a task after the paint); returns
 * the function that cancels it. Used to hold back what nobody sees yet while a map opens.
 */
export function afterPaint(run: () => void): () => void {
  let task = 0;
  const frame = requestAnimationFrame(() => {
    task = window.setTimeout(run, 0);
  });
  return () => {
    cancelAnimationFrame(frame);
    clearTimeout(task);
  };
}
