import {
  cardText,
  channelName,
  type Card,
  type Channel,
  type Idea,
  type Kpi,
  type KpiSeries,
  type Locale,
  type MapJourneys,
  type MapResearchQuote,
  type MapSnapshot,
  type MapSurveyScores,
  type Persona,
  type Touchpoint,
} from "@opencjm/core";
import type { IdeaKpiRecords } from "./ideaKpiRecords.js";

/** A KPI of the map as exports show it: its definition, its owner's name and its weekly series (null if unknown). */
export interface ExportKpi {
  kpi: Kpi;
  ownerName: string | null;
  series: KpiSeries | null;
}

/** The research a map rests on, as exports show it: participants' journeys, quotes per step and survey scores. */
export interface ExportResearch {
  journeys: MapJourneys;
  quotes: MapResearchQuote[];
  surveys: MapSurveyScores;
}

/** Everything an exporter needs: the map body, what it refers to, and the language of the labels around it. */
export interface ExportInput {
  /** Summary fields of the stored map (id and title); the body is in `snapshot`. */
  map: { id: string; title: string };
  snapshot: MapSnapshot;
  /** The personas the map refers to (settings and emotion curves). */
  personas: Persona[];
  /** The touchpoints its touchpoint cards refer to. */
  touchpoints: Touchpoint[];
  /** The workspace's channels (built-in names are translated from their key). */
  channels: Channel[];
  /** The workspace's ideas linked to this map (the Excel export's Ideas sheet); none when not loaded. */
  ideas?: Idea[];
  /** The KPIs on the map with their series (the Excel KPIs sheet, the PDF's appendix); none when not loaded. */
  kpis?: ExportKpi[];
  /** The map's ideas and KPIs as the JSON format carries them; none when not loaded. */
  records?: IdeaKpiRecords;
  /** The map's research (the XLSX Research sheet, the PDF's research appendix); only when a member asked for it. */
  research?: ExportResearch;
  /** Language of the labels; the user's content stays as written. */
  locale: Locale;
  /** When the export was made; fixed in tests so outputs compare. */
  exportedAt: Date;
}

/** Lookups exporters share: names of personas, touchpoints and channels by id. */
export interface ExportLookups {
  personaName(id: string): string;
  touchpoint(id: string): Touchpoint | undefined;
  channelName(id: string): string;
}

/** Builds the id → name lookups for an export, translating built-in channel names into the export language. */
export function exportLookups(input: ExportInput): ExportLookups {
  const personas = new Map(input.personas.map((p) => [p.id as string, p.name]));
  const touchpoints = new Map(input.touchpoints.map((t) => [t.id as string, t]));
  const channels = new Map(input.channels.map((c) => [c.id as string, c]));
  return {
    personaName: (id) => personas.get(id) ?? id,
    touchpoint: (id) => touchpoints.get(id),
    channelName: (id) => {
      const channel = channels.get(id);
      if (channel?.builtIn) return channelName(channel.key, input.locale) ?? channel.name;
      return channel?.name ?? channelName(id, input.locale) ?? id;
    },
  };
}

/** A card as the export's line of text (core's `cardText`), its touchpoint and channel named from the lookups. */
export function exportCardText(card: Card, lookups: ExportLookups, locale: Locale): string {
  return cardText(card, locale, {
    touchpoint: (id) => {
      const touchpoint = lookups.touchpoint(id);
      return touchpoint && { name: touchpoint.name, channel: lookups.channelName(touchpoint.channelId) };
    },
    channel: (id) => lookups.channelName(id),
  });
}
