// The wire contract between the server and its clients: every request and response body the web app exchanges with
// the API, and the error body. Pure schemas; the server registers them with its routes and the web infers its types.
export * from "./errors.js";
export * from "./session.js";
export * from "./members.js";
export * from "./maps.js";
export * from "./sources.js";
export * from "./rules.js";
export * from "./segments.js";
export * from "./metricsRequest.js";
export * from "./mapMetrics.js";
export * from "./mapExport.js";
export * from "./ideas.js";
export * from "./notifications.js";
export * from "./activity.js";
export * from "./comments.js";
export * from "./kpis.js";
export * from "./history.js";
export * from "./research.js";
export * from "./researchFindings.js";
export * from "./researchJourneys.js";
export * from "./researchSurveys.js";
export * from "./drift.js";
export * from "./customerTimeline.js";
