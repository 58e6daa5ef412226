import type { KpiPoint } from "@opencjm/core";

/** Where the points of a series (and a target) fall in a box of `width` × `height`, time running with the text direction. */
export function chartScale(
  points: readonly KpiPoint[],
  target: number | null,
  box: { width: number; height: number; pad: number },
  rtl: boolean,
) {
  const values = points.flatMap((p) => (p.value === null ? [] : [p.value]));
  if (target !== null) values.push(target);
  const min = values.length ? Math.min(...values) : 0;
  const max = values.length ? Math.max(...values) : 1;
  const span = max - min || Math.abs(max) || 1;
  const n = Math.max(1, points.length - 1);
  const inner = box.width - 2 * box.pad;
  const x = (i: number) => {
    const along = box.pad + (points.length === 1 ? inner / 2 : (i / n) * inner);
    return rtl ? box.width - along : along;
  };
  const y = (v: number) => box.pad + (1 - (v - min) / span) * (box.height - 2 * box.pad);
  return { x, y, min, max };
}

/** SVG path through the measured points, broken where a bucket has no value. */
export function linePath(points: readonly KpiPoint[], x: (i: number) => number, y: (v: number) => number): string {
  let d = "";
  let pen = false;
  points.forEach((p, i) => {
    if (p.value === null) {
      pen = false;
      return;
    }
    d += `${pen ? "L" : "M"}${x(i).toFixed(1)},${y(p.value).toFixed(1)}`;
    pen = true;
  });
  return d;
}
