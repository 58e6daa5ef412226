import { ComingSoon } from "../../app/ComingSoon.js";

/** Placeholder until the screen lands. */
export default function SharedMapPage(_props: Record<string, string>) {
  return <ComingSoon />;
}
