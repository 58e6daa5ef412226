/** Width of a step column at 100 % zoom, in CSS pixels (the emotion curve computes its geometry from it). */
export const COLUMN_WIDTH = 240;
/** Width of the lane-title column at 100 % zoom. */
export const TITLE_WIDTH = 210;
/** Height of the emotion curve's drawing area at 100 % zoom. */
export const EMOTION_HEIGHT = 150;
/** Zoom levels offered, as factors. */
export const ZOOM_LEVELS = [0.5, 0.67, 0.8, 1, 1.25, 1.5] as const;
