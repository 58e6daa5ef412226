import type { Localized } from "../locale.js";
import type { MapType } from "../schemas/journeyMap.js";
import type { CardContentInput, LaneType } from "../schemas/lane.js";

/** A starter card for a step: the lane it goes in and the card, whose text fields are localized. */
export interface TemplateCard {
  lane: LaneType;
  card: (text: string) => CardContentInput;
  text: Localized;
}

/**
 * A template as data: stages with their steps, the lanes, and starter cards. One step is the journey's goal (what the
 * journey is for, e.g. the purchase): the steps after it are optional, so leaving there is not counted as drop-off.
 */
export interface TemplateDefinition {
  id: string;
  mapType: MapType;
  name: Localized;
  description: Localized;
  lanes: LaneType[];
  stages: Array<{
    name: Localized;
    color: string;
    steps: Array<{ name: Localized; parallel?: boolean; goal?: true; cards?: TemplateCard[] }>;
  }>;
}
