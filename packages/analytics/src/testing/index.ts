// The analytics test kit, "@opencjm/analytics/testing": generated events and the SQL oracle that engine results are
// checked against, for tests and benchmarks. Not part of the package's public door (src/index.ts).
export { generateSyntheticEvents, type SyntheticEventsSpec } from "../metrics/testing/generateSyntheticEvents.js";
export { insertEvents as insertTestEvents, type TestEvent } from "../metrics/testing/insertEvents.js";
export { computeOracleDigest } from "../oracle/computeOracleDigest.js";
export { computeFastSqlDigest } from "../oracle/fast/computeFastSqlDigest.js";
export { digestMapMetrics } from "../oracle/digestMapMetrics.js";
export { compareDigests, type MetricsDigest } from "../oracle/MetricsDigest.js";
export { computeKpiOracleSeries } from "../oracle/kpis/computeKpiOracleSeries.js";
export { computeKpiSeriesInSql } from "../oracle/kpis/computeKpiSeriesInSql.js";
export {
  clickhouseSkipReason,
  startTestClickHouseShards,
  type TestClickHouseShards,
} from "../engines/clickhouse/testing/clickhouseShards.js";
export { buildTestMap, testRule } from "../metrics/testing/buildTestMap.js";
