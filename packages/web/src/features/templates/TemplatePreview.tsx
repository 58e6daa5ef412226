import type { LaneType, MapSnapshot } from "@opencjm/core";

const LANE_TINT: Partial<Record<LaneType, string>> = {
  emotion: "#e8684a",
  painPoints: "#c0392b",
  opportunities: "#3bb273",
  touchpoints: "#5b8def",
  frontstage: "#8e6cef",
  backstage: "#8e6cef",
  support: "#8e6cef",
};

/**
 * A map drawn small: coloured stage bands over their steps, a row per lane, and a sample emotion curve where the map
 * has an emotion lane. Decorative (the card names the template), so it is hidden from screen readers.
 */
export function TemplatePreview({
  snapshot,
  width = 260,
  height = 130,
}: {
  snapshot: MapSnapshot | null;
  width?: number;
  height?: number;
}) {
  if (!snapshot)
    return (
      <svg width="100%" viewBox={`0 0 ${width} ${height}`} aria-hidden="true">
        <rect width={width} height={height} rx="6" fill="var(--surface-sunken)" />
      </svg>
    );
  const steps = snapshot.steps.length || 1;
  const colWidth = (width - 12) / steps;
  const lanes = snapshot.lanes.slice(0, 9);
  const laneTop = 34;
  const laneHeight = (height - laneTop - 6) / Math.max(lanes.length, 1);
  let x = 6;
  const bands = snapshot.stages.map((stage) => {
    const count = snapshot.steps.filter((s) => s.stageId === stage.id).length;
    const band = { id: stage.id, x, w: count * colWidth, color: stage.color ?? "#8891a1" };
    x += band.w;
    return band;
  });
  const emotionRow = lanes.findIndex((l) => l.type === "emotion");
  // A gentle dip and recovery: the typical shape of a current-state journey.
  const curve = snapshot.steps.map((_, i) => {
    const cx = 6 + colWidth * (i + 0.5);
    const cy =
      laneTop +
      laneHeight * (emotionRow + 0.5) +
      Math.sin((i / Math.max(steps - 1, 1)) * Math.PI * 1.6) * laneHeight * 0.3;
    return `${i === 0 ? "M" : "L"}${cx.toFixed(1)},${cy.toFixed(1)}`;
  });
  return (
    <svg width="100%" viewBox={`0 0 ${width} ${height}`} aria-hidden="true">
      <rect width={width} height={height} rx="6" fill="var(--surface-sunken)" />
      {bands.map((b) => (
        <rect key={b.id} x={b.x + 1} y={6} width={Math.max(b.w - 2, 1)} height={12} rx="3" fill={b.color} />
      ))}
      {snapshot.steps.map((s, i) => (
        <rect
          key={s.id}
          x={6 + colWidth * i + 2}
          y={s.parallel ? 24 : 21}
          width={Math.max(colWidth - 4, 1)}
          height={s.parallel ? 5 : 8}
          rx="2"
          fill="#c6ccd7"
        />
      ))}
      {lanes.map((lane, i) => (
        <g key={lane.id}>
          <line x1={6} x2={width - 6} y1={laneTop + laneHeight * i} y2={laneTop + laneHeight * i} stroke="#dfe3ea" />
          {lane.type !== "emotion" &&
            snapshot.steps.map((s, j) => (
              <rect
                key={s.id}
                x={6 + colWidth * j + 4}
                y={laneTop + laneHeight * i + laneHeight * 0.3}
                width={Math.max(colWidth - 8, 1)}
                height={Math.max(laneHeight * 0.4, 1)}
                rx="1.5"
                fill={LANE_TINT[lane.type] ?? "#ffffff"}
                opacity={LANE_TINT[lane.type] ? 0.35 : 1}
              />
            ))}
        </g>
      ))}
      {emotionRow >= 0 && (
        <path
          d={curve.join(" ")}
          fill="none"
          stroke="#e8684a"
          strokeWidth="2"
          strokeLinejoin="round"
          strokeLinecap="round"
        />
      )}
    </svg>
  );
}
