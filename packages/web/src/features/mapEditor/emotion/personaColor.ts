/** Line colours for the personas of a map, in the order of the map's persona list; distinct from stage colours. */
const PERSONA_COLORS = ["#2d5fb8", "#d9480f", "#2b8a3e", "#862e9c", "#c2255c", "#0b7285", "#5c940d", "#e67700"];

/** The line colour of the map's `index`-th persona. */
export function personaColor(index: number): string {
  return PERSONA_COLORS[index % PERSONA_COLORS.length]!;
}
