// A mirror of the API types this feature reads (packages/analytics: MapMetricsSchema, MetricsRequestSchema,
// TouchpointRuleSchema, import mapping and records). The web app may import only core; these go once the schemas
// move to @opencjm/core.
import type { MapSnapshot, SegmentRule } from "@opencjm/core";

/** Median and 90th percentile in milliseconds; null when nothing was measured. */
export interface DurationQuantiles {
  count: number;
  medianMs: number | null;
  p90Ms: number | null;
}

/** Conversion from a step (or stage) to the next one of the map. */
export interface Conversion {
  nextIds: string[];
  converted: number;
  rate: number | null;
  dropOff: number;
  dropOffRate: number | null;
  timeToNext: DurationQuantiles;
}

interface ScoreMean {
  count: number;
  mean: number | null;
}

/** Score averages by kind; `nps.score` is the Net Promoter Score. */
export interface Scores {
  csat: ScoreMean;
  nps: ScoreMean & { score: number | null };
  ces: ScoreMean;
}

/** A customer's own words, chosen to represent a step. */
export interface MeasuredQuote {
  text: string;
  language: string;
  sentiment: number;
  at: string;
}

/** Everything measured at one step of the map. */
export interface StepMetrics {
  stepId: string;
  stageId: string;
  name: string;
  level: number;
  touchpointIds: string[];
  customers: number;
  events: number;
  share: number | null;
  conversion: Conversion | null;
  timeSpent: { totalMs: number; perCustomerMs: number | null };
  scores: Scores;
  emotion: { value: number | null; source: "scores" | "sentiment" | null };
  sentiment: { count: number; mean: number | null; languages: Record<string, number>; quotes: MeasuredQuote[] };
  skipped: number;
  revisits: number;
}

/** Everything measured at one stage of the map. */
export interface StageMetrics {
  stageId: string;
  name: string;
  customers: number;
  events: number;
  share: number | null;
  conversion: Conversion | null;
  backSteps: number;
  backStepCustomers: number;
  loops: number;
  loopCustomers: number;
}

/** A node of the paths: a step, a touchpoint missing from the map, or an unmapped event. */
export interface PathNode {
  id: string;
  kind: "step" | "touchpoint" | "event";
  label: string;
  events: number;
  customers: number;
  starts: number;
  ends: number;
}

/** Paths through the data: nodes, the directly-follows graph, variants and the Sankey table. */
export interface Paths {
  nodes: PathNode[];
  edges: Array<{ from: string; to: string; count: number; customers: number; meanMs: number }>;
  edgesOmitted: number;
  variants: { items: Array<{ nodes: string[]; customers: number; share: number | null }>; others: { customers: number; variants: number }; distinct: number };
  sankey: { nodes: Array<{ id: string; depth: number; node: string; customers: number }>; links: Array<{ source: string; target: string; customers: number }> };
}

/** How real journeys follow the designed map. */
export interface Conformance {
  customers: number;
  conforming: number;
  share: number | null;
  withSkips: number;
  withBackSteps: number;
  withLoops: number;
  missingTouchpoints: Array<{ touchpointId: string; label: string; events: number; customers: number }>;
}

/** Filters of a metrics run: a segment, channels and a date range. */
export interface MetricsFilters {
  segment?: SegmentRule;
  channels?: string[];
  from?: string;
  to?: string;
}

/** All metrics of one map over the workspace's customer data. */
export interface MapMetrics {
  computedAt: string;
  storeGeneration: string;
  filters: MetricsFilters;
  totals: { customers: number; events: number; storeCustomers: number; storeEvents: number; mappedEvents: number; onMapEvents: number; firstEventAt: string | null; lastEventAt: string | null };
  stages: StageMetrics[];
  steps: StepMetrics[];
  funnel: { steps: Array<{ level: number; stepIds: string[]; customers: number; rate: number | null }>; stages: Array<{ stageId: string; customers: number; rate: number | null }> };
  touchpoints: Array<{ touchpointId: string; label: string; stepId: string | null; events: number; customers: number; timeSpentMs: number }>;
  unmapped: { events: number; customers: number; distinct: number; items: Array<{ eventName: string; channel: string | null; events: number; customers: number }> };
  paths: Paths;
  conformance: Conformance;
  draft: MapSnapshot;
  warnings: string[];
}

/** One condition on an event's properties. */
export type PropertyCondition =
  | { property: string; operator: "eq" | "neq" | "contains"; value: string }
  | { property: string; operator: "in"; value: string[] }
  | { property: string; operator: "gt" | "gte" | "lt" | "lte"; value: number }
  | { property: string; operator: "exists" };

/** Which events a rule matches. */
export interface RuleMatch {
  eventNames: string[];
  pattern?: string;
  channel?: string;
  conditions: PropertyCondition[];
}

/** A touchpoint mapping rule: which events are this touchpoint. */
export interface TouchpointRule extends RuleMatch {
  id: string;
  touchpointId: string;
  order: string;
}

/** What a rule would match on its own. */
export interface RuleMatches {
  events: number;
  customers: number;
  totalEvents: number;
  totalCustomers: number;
  examples: Array<{ eventName: string; channel: string | null; events: number }>;
}

/** Kinds of customer identifier a column can hold. */
export type IdentifierKind = "customerId" | "email" | "phone" | "cookie" | "device" | "other";
/** Score scales. */
export type ScoreKind = "csat" | "nps" | "ces";
/** What kind of system a source is. */
export type SourceKind = "web" | "crm" | "email" | "support" | "survey" | "other";
/** Text encodings the importer decodes. */
export type TextEncoding = "utf-8" | "utf-16le" | "utf-16be" | "gb18030" | "big5" | "windows-1251" | "windows-1256";
/** File formats the importer reads. */
export type ImportFormat = "csv" | "tsv" | "xlsx" | "json" | "ndjson" | "parquet" | "xes";

/** The role of one column of a file. */
export type ColumnRole =
  | { role: "identifier"; kind: IdentifierKind }
  | { role: "timestamp" }
  | { role: "event" }
  | { role: "channel" }
  | { role: "score"; kind?: ScoreKind }
  | { role: "scoreKind" }
  | { role: "text" }
  | { role: "property"; name?: string }
  | { role: "attribute"; name?: string }
  | { role: "ignore" };

/** A column mapping, saved per source. */
export interface ImportMapping {
  columns: Record<string, ColumnRole>;
  timestampFormat?: string;
  timeZone?: string;
  eventName?: string;
  channel?: string;
  otherColumns?: "properties" | "ignore";
  duplicates?: "error" | "skip" | "keep";
  rowsWithoutIdentifier?: "error" | "skip";
}

/** A data source with its saved mapping. */
export interface EventSource {
  sourceId: string;
  name: string;
  kind: SourceKind;
  mapping: ImportMapping | null;
  createdAt: string;
  events: number;
  imports: number;
  lastImportAt: string | null;
}

/** What the first bytes of a file say about it. */
export interface FilePreview {
  format: ImportFormat;
  encoding?: TextEncoding;
  encodingConfidence?: number;
  delimiter?: string;
  header: string[];
  rows: string[][];
  guessedMapping: ImportMapping;
  mappingIssues: string[];
}

/** Progress of a running import. */
export interface ImportProgress {
  phase: string;
  phaseFraction: number;
  fraction: number;
}

/** One entry of the import history. */
export interface ImportRecord {
  importId: string;
  sourceId: string;
  fileName: string;
  format: string;
  encoding: string | null;
  status: "running" | "done" | "failed";
  rowsRead: number;
  eventsStored: number;
  fileSize: number | null;
  error: { code: string; message: string; row: number | null; column: string | null } | null;
  startedAt: string;
  finishedAt: string | null;
  summary: Record<string, unknown> | null;
  progress?: ImportProgress;
}

/** How many customers a segment selects. */
export interface SegmentSize {
  customers: number;
  total: number;
  share: number | null;
}

/** What the imported data holds, for pickers. */
export interface DataFacets {
  totalEvents: number;
  totalCustomers: number;
  firstEventAt: string | null;
  lastEventAt: string | null;
  channels: Array<{ channel: string; events: number; customers: number }>;
  eventNames: Array<{ eventName: string; channel: string | null; events: number; customers: number }>;
  properties: Array<{ name: string; events: number }>;
  attributes: Array<{ name: string; customers: number; values: Array<{ value: string; customers: number }> }>;
}

/** Events no touchpoint rule takes, by name and channel. */
export interface UnmatchedEvents {
  events: number;
  customers: number;
  distinct: number;
  items: Array<{ eventName: string; channel: string | null; events: number; customers: number }>;
}
