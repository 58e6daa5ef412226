/** A persona as the emotion lane draws it: its line colour and its name (or a stand-in for a deleted persona). */
export interface EmotionPersona {
  id: string;
  name: string;
  color: string;
}
