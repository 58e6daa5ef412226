export { EVENT_TABLES_DDL } from "./engines/duckdb/eventTables.js";
export { openEventDatabase, type EventDatabase } from "./engines/duckdb/openEventDatabase.js";
export { openEventDatabaseSnapshot, isDatabaseLockError } from "./engines/duckdb/openEventDatabaseSnapshot.js";
export { rebuildJourneyStore } from "./store/rebuildJourneyStore.js";
export { loadJourneyStore } from "./store/loadJourneyStore.js";
export type { JourneyStore } from "./store/JourneyStore.js";
export { analyzeSentiment, type Sentiment } from "./sentiment/analyzeSentiment.js";
export { detectTextLanguage, SENTIMENT_LANGUAGES, type SentimentLanguage } from "./sentiment/detectTextLanguage.js";
export { importEvents, type ImportEventsOptions, type ImportResult } from "./importers/importEvents.js";
export { ImportError, type ImportErrorCode } from "./importers/ImportError.js";
export { decodeTextBytes, type DecodedText } from "./importers/decodeTextBytes.js";
export { readWorkbookRows } from "./importers/readWorkbookRows.js";
// The wire schemas and types live in core's contract (one definition); analytics re-exports them for its callers.
export {
  ColumnRoleSchema,
  IdentifierKindSchema,
  ImportFormatSchema,
  ImportMappingSchema,
  ScoreKindSchema,
  SourceKindSchema,
  TextEncodingSchema,
  isTimeZone,
  type ColumnRole,
  type IdentifierKind,
  type ImportFormat,
  type ImportMapping,
  type ImportMappingInput,
  type SourceKind,
  type TextEncoding,
} from "@opencjm/core";
export {
  IMPORT_PHASES,
  type FilePreview,
  type ImportPhase,
  type ImportProgress,
  type ImportRecord,
  type RuleMatches,
  type Source,
} from "@opencjm/core";
export {
  getImport,
  listImports,
  failImportPublication,
  failInterruptedImports,
  restorePublishedImports,
} from "./importers/importRecord.js";
export { previewFile } from "./importers/previewFile.js";
export { createSource, findSourceByName, getSource, listSources, updateSource } from "./sources/sourceStore.js";
export { deleteSource } from "./sources/deleteSource.js";
export { DEFAULT_DENY_LIST } from "./stitching/identifierSql.js";
export { DEFAULT_STITCHING_LIMITS, type StitchingLimits } from "./stitching/stitchIdentities.js";
export {
  findCustomerByIdentifier,
  getCustomerIdentifiers,
  getCustomerMergeLog,
  getIdentityCounts,
  type IdentityCounts,
  type MergeLogEntry,
} from "./stitching/identityQueries.js";
export { withWriteLock } from "./engines/duckdb/writeLock.js";
export { formatBytes } from "./importers/checkDiskSpace.js";
export { computeMapMetrics, type MapMetricsInput, type KernelRunOptions } from "./metrics/computeMapMetrics.js";
export {
  clickHouseConfigFromEnv,
  connectClickHouse,
  type ClickHouseConfig,
  type ClickHouseEvents,
} from "./engines/clickhouse/connectClickHouse.js";
export {
  publishEventsToClickHouse,
  type PublishOptions,
  type PublishResult,
} from "./engines/clickhouse/publishEvents.js";
export { computeMapMetricsOnClickHouse } from "./engines/clickhouse/computeMapMetricsOnClickHouse.js";
export { NothingPublishedError } from "./engines/clickhouse/NothingPublishedError.js";
export { ensureClickHouseTables } from "./engines/clickhouse/clickhouseTables.js";
export { computeCaseDurations } from "./paths/computeCaseDurations.js";
export { draftFromData } from "./draft/draftFromData.js";
export { buildDraftSnapshot } from "./draft/buildDraftSnapshot.js";
export { MapMetricsSchema, type MapMetrics } from "@opencjm/core";
export {
  MetricsFiltersSchema,
  MetricsOptionsSchema,
  MetricsRequestSchema,
  type MetricsFilters,
  type MetricsOptions,
  type MetricsRequest,
  type MetricsRequestInput,
} from "@opencjm/core";
export { compileMapStructure } from "./metrics/compileMapStructure.js";
export {
  PropertyConditionSchema,
  RuleMatchSchema,
  TouchpointRuleFieldsSchema,
  TouchpointRulePatchSchema,
  TouchpointRuleSchema,
  type PropertyCondition,
  type RuleMatch,
  type TouchpointRule,
  type TouchpointRuleFields,
} from "@opencjm/core";
export { getRuleMatches } from "./queries/rules/getRuleMatches.js";
export { sortRules } from "./rules/compileTouchpointRules.js";
export { getSegmentSize, type SegmentSize } from "./queries/segments/getSegmentSize.js";
export { getDataFacets, type DataFacets } from "./queries/segments/getDataFacets.js";
export { getUnmatchedEvents, type UnmatchedEvents } from "./queries/segments/getUnmatchedEvents.js";
export { seededRandom } from "./random/seededRandom.js";
export { computeKpiSeries, computeKpiWindow, type KpiSeriesPoint } from "./kpis/computeKpiSeries.js";
export { KpiSpecError, type KpiSpec, type KpiMeasurement } from "./kpis/KpiSpec.js";
export { placeKpi } from "./kpis/placeKpi.js";
export { countBuckets, bucketStart, kpiBuckets } from "./kpis/kpiBuckets.js";
export { twoProportionTest } from "./statistics/twoProportionTest.js";
export { poissonRateTest } from "./statistics/poissonRateTest.js";
export { mannWhitneyTest } from "./statistics/mannWhitneyTest.js";
export type { EffectTest } from "./statistics/EffectTest.js";
export { detectStepDrift } from "./drift/detectStepDrift.js";
export { findCustomersByAnyIdentifier } from "./customers/findCustomersByAnyIdentifier.js";
export { getCustomerEvents } from "./customers/getCustomerEvents.js";
export { getCustomerAttributes } from "./customers/getCustomerAttributes.js";
export { getPreferredIdentifiers } from "./customers/getPreferredIdentifiers.js";
export { getCustomerMapSteps, findCustomersWhoLeft } from "./customers/readCustomersOnMap.js";
