import type { LaneType } from "@opencjm/core";

// Simple 16 × 16 line drawings, one per lane type; stroke-only so they take the text colour.
const PATHS: Record<LaneType, string> = {
  text: "M3 4h10M3 8h10M3 12h6",
  actions: "M5 2l7 6-7 6z",
  thoughts: "M4 10a4 4 0 1 1 8 0 4 4 0 0 1-8 0zM6 14.5h4M6.5 6.5a1.5 1.5 0 0 1 3 0c0 1.5-1.5 1.5-1.5 3",
  touchpoints: "M8 2v4M8 10v4M2 8h4M10 8h4M8 8m-2 0a2 2 0 1 0 4 0a2 2 0 1 0-4 0",
  channels: "M2 5h12M2 8h12M2 11h12",
  emotion: "M1 11l4-5 3 3 3-6 4 5",
  quotes: "M3 10V7a3 3 0 0 1 3-3M9 10V7a3 3 0 0 1 3-3M3 10h3v3H3zM9 10h3v3H9z",
  painPoints: "M8 2l6.5 11.5h-13zM8 6.5v3.5M8 11.8v.4",
  opportunities: "M8 2a4 4 0 0 1 2.5 7.2V11h-5V9.2A4 4 0 0 1 8 2zM6 13.5h4",
  kpis: "M2 14h12M4 14V9M8 14V4M12 14V7",
  stakeholders:
    "M6 7a2.5 2.5 0 1 0 0-5 2.5 2.5 0 0 0 0 5zM1.5 14a4.5 4.5 0 0 1 9 0M11 3a2 2 0 0 1 0 4M12 9.5a3.5 3.5 0 0 1 2.5 3.5",
  expectations: "M8 2l1.8 3.9 4.2.5-3.1 2.9.8 4.2L8 11.4l-3.7 2.1.8-4.2L2 6.4l4.2-.5z",
  risks: "M8 1.5l6 2.5v4c0 3.5-2.7 5.8-6 6.5C4.7 13.8 2 11.5 2 8V4zM8 5v4M8 11v.5",
  momentsOfTruth: "M8 1v3M8 12v3M1 8h3M12 8h3M8 5.5a2.5 2.5 0 1 0 0 5 2.5 2.5 0 0 0 0-5z",
  duration: "M8 2a6 6 0 1 0 0 12A6 6 0 0 0 8 2zM8 5v3.5l2.5 1.5",
  frontstage: "M2 4h12v8H2zM2 7h12",
  backstage: "M2 4h12v8H2zM5 4v8M11 4v8",
  support:
    "M8 2a6 6 0 1 0 0 12A6 6 0 0 0 8 2zM8 5.5a2.5 2.5 0 1 0 0 5 2.5 2.5 0 0 0 0-5zM3.8 3.8l2.4 2.4M9.8 9.8l2.4 2.4M12.2 3.8L9.8 6.2M6.2 9.8l-2.4 2.4",
  images: "M2 3h12v10H2zM2 11l4-4 3 3 2-2 3 3M10.5 6a.5.5 0 1 0 0-1 .5.5 0 0 0 0 1z",
  links: "M6.5 9.5l3-3M5 7.5L3.5 9a2.5 2.5 0 0 0 3.5 3.5L8.5 11M11 8.5L12.5 7A2.5 2.5 0 0 0 9 3.5L7.5 5",
  data: "M2 13l3.5-4 3 2L14 4M11 4h3v3",
};

/** The line icon of a lane type. */
export function LaneTypeIcon({ type, size = 16 }: { type: LaneType; size?: number }) {
  return (
    <svg
      width={size}
      height={size}
      viewBox="0 0 16 16"
      fill="none"
      stroke="currentColor"
      strokeWidth="1.4"
      strokeLinecap="round"
      strokeLinejoin="round"
      aria-hidden="true"
      style={{ flex: "none" }}
    >
      <path d={PATHS[type]} />
    </svg>
  );
}
