/** Colours for people on a map: distinct, readable as outlines on white, and as text backgrounds with white text. */
const COLORS = ["#c53a33", "#2f7d32", "#7b3fc4", "#b04e17", "#0f7b8a", "#b8336a", "#4a5bd4", "#6d7b13"];

/** A stable colour for a user id, the same on every screen and for every collaborator. */
export function presenceColor(userId: string): string {
  let hash = 0;
  for (let i = 0; i < userId.length; i++) hash = (hash * 31 + userId.charCodeAt(i)) | 0;
  return COLORS[Math.abs(hash) % COLORS.length]!;
}
