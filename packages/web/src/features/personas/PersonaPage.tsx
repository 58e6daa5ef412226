import { ComingSoon } from "../../app/ComingSoon.js";

/** Placeholder until the screen lands. */
export default function PersonaPage(_props: Record<string, string>) {
  return <ComingSoon />;
}
