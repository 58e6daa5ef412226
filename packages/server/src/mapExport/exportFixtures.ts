import {
  BUILT_IN_CHANNELS,
  buildMapFromTemplate,
  PersonaSchema,
  TouchpointSchema,
  type Channel,
  type ChannelId,
  type Locale,
  type PersonaId,
} from "@opencjm/core";
import { buildDemoMap, type DemoMapSpec } from "../demo/buildDemoMap.js";
import { DEMO_PERSONAS, DEMO_TOUCHPOINTS } from "../demo/demoContent.js";
import { shoesMap } from "../demo/demoMapShoes.js";
import type { ExportInput } from "./ExportInput.js";

/** The built-in channels as a workspace has them (id = key). */
export const FIXTURE_CHANNELS: Channel[] = BUILT_IN_CHANNELS.map((c) => ({
  id: c.key as ChannelId,
  key: c.key,
  name: c.name.en,
  online: c.online,
  icon: c.icon,
  builtIn: true,
}));

const FIXED_DATE = new Date("2026-11-30T12:00:00.000Z");

/** A demo map with its personas and touchpoints under stable ids, as exporter tests use it (not shipped data). */
export function demoExportInput(spec: DemoMapSpec = shoesMap, locale: Locale = spec.locale): ExportInput {
  const snapshot = buildDemoMap(spec, { personaId: (k) => `per_${k}`, touchpointId: (k) => `tp_${k}` });
  const personas = Object.entries(DEMO_PERSONAS)
    .filter(([k]) => spec.personas.includes(k))
    .map(([k, fields]) =>
      PersonaSchema.parse({
        ...fields,
        id: `per_${k}`,
        createdAt: FIXED_DATE.toISOString(),
        updatedAt: FIXED_DATE.toISOString(),
      }),
    );
  const touchpoints = Object.entries(DEMO_TOUCHPOINTS).map(([k, t]) =>
    TouchpointSchema.parse({
      id: `tp_${k}`,
      name: t.name,
      channelId: t.channelKey,
      medium: t.medium,
      description: t.description,
      ownerTeam: t.ownerTeam,
    }),
  );
  return {
    map: { id: "map_fixture", title: snapshot.settings.title },
    snapshot,
    personas,
    touchpoints,
    channels: FIXTURE_CHANNELS,
    locale,
    exportedAt: FIXED_DATE,
  };
}

/** Localised sample text for a template map, so exports in every language carry user content in that script. */
const SAMPLE: Record<Locale, { persona: string; title: string }> = {
  en: { persona: "Alex, first-time buyer", title: "Alex buys a bicycle" },
  "zh-Hant": { persona: "陳小姐，第一次購買", title: "陳小姐選購自行車" },
  "zh-Hans": { persona: "王女士，首次购买", title: "王女士选购自行车" },
  ru: { persona: "Анна, первая покупка", title: "Анна покупает велосипед" },
  fa: { persona: "مریم، خریدار تازه‌کار", title: "مریم یک دوچرخه می‌خرد ۱۴۰۵" },
};

/** A template map in one language with a persona and an emotion curve: the multilingual export fixture. */
export function templateExportInput(locale: Locale, templateId = "awareness-to-advocacy"): ExportInput {
  const personaId = `per_${locale.replace("-", "")}` as PersonaId;
  const base = buildMapFromTemplate(templateId, { locale, title: SAMPLE[locale].title, personaIds: [personaId] });
  const emotions = base.steps.map((step, i) => ({
    personaId,
    stepId: step.id,
    value: [1, 0, -1, -2, 1, 2][i % 6]!,
    note: "",
  }));
  const persona = PersonaSchema.parse({
    name: SAMPLE[locale].persona,
    id: personaId,
    locale,
    createdAt: FIXED_DATE.toISOString(),
    updatedAt: FIXED_DATE.toISOString(),
  });
  return {
    map: { id: "map_fixture", title: base.settings.title },
    snapshot: { ...base, emotions },
    personas: [persona],
    touchpoints: [],
    channels: FIXTURE_CHANNELS,
    locale,
    exportedAt: FIXED_DATE,
  };
}
