import type { Localized, Locale } from "../locale.js";
import type { LaneType } from "../schemas/lane.js";
import type { MapType } from "../schemas/journeyMap.js";
import {
  aidaWithRetention,
  awarenessConsiderationDecision,
  awarenessToAdvocacy,
  ecommerce,
} from "./funnelTemplates.js";
import { serviceBlueprint } from "./serviceBlueprintTemplate.js";
import { b2bBuyingCommittee, momentsOfTruth, saasOnboarding } from "./specialtyTemplates.js";
import type { TemplateDefinition } from "./templateDefinition.js";

/** Every built-in template (PRODUCT.md §4.4). */
export const TEMPLATES: readonly TemplateDefinition[] = [
  awarenessConsiderationDecision,
  awarenessToAdvocacy,
  aidaWithRetention,
  momentsOfTruth,
  b2bBuyingCommittee,
  ecommerce,
  saasOnboarding,
  serviceBlueprint,
];

/** A template as shown in the gallery, in one language. */
export interface TemplateSummary {
  id: string;
  mapType: MapType;
  name: string;
  description: string;
  lanes: LaneType[];
  stages: string[];
  stepCount: number;
}

/** The template with this id, or undefined. */
export function findTemplate(id: string): TemplateDefinition | undefined {
  return TEMPLATES.find((t) => t.id === id);
}

/** The gallery of templates in a language. */
export function listTemplates(locale: Locale): TemplateSummary[] {
  const pick = (s: Localized) => s[locale];
  return TEMPLATES.map((t) => ({
    id: t.id,
    mapType: t.mapType,
    name: pick(t.name),
    description: pick(t.description),
    lanes: [...t.lanes],
    stages: t.stages.map((s) => pick(s.name)),
    stepCount: t.stages.reduce((n, s) => n + s.steps.length, 0),
  }));
}
