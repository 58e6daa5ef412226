/**
 * A persona as the emotion lane draws it: its line colour, its name (or a stand-in for a deleted persona) and its
 * photo or generated avatar, so the team sees whose feelings the curve tells.
 */
export interface EmotionPersona {
  id: string;
  name: string;
  color: string;
  photoUrl?: string;
  avatarSeed?: string;
}
