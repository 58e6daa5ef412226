import type { Localized } from "../locale.js";
import type { MapType } from "../schemas/journeyMap.js";
import type { CardContentInput, LaneType } from "../schemas/lane.js";

/** A starter card for a step: the lane it goes in and the card, whose text fields are localized. */
export interface TemplateCard {
  lane: LaneType;
  card: (text: string) => CardContentInput;
  text: Localized;
}

/** A template as data: stages with their steps, the lanes, and starter cards. */
export interface TemplateDefinition {
  id: string;
  mapType: MapType;
  name: Localized;
  description: Localized;
  lanes: LaneType[];
  stages: Array<{
    name: Localized;
    color: string;
    steps: Array<{ name: Localized; parallel?: boolean; cards?: TemplateCard[] }>;
  }>;
}
