// The server's test kit, "@opencjm/server/testing": what browser specs and benchmarks use to set up accounts,
// workspaces and the demo without going through the API. Not part of the server's public door (src/index.ts).
export { createSession } from "../commands/sessionCreator.js";
export { createShareLink } from "../commands/shareLinkCreator.js";
export { createUser } from "../commands/userCreator.js";
export { createWorkspace } from "../commands/workspaceCreator.js";
export { seedDemoWorkspace } from "../demo/seedDemoWorkspace.js";
export { seedDemoEvidence } from "../demo/seedDemoEvidence.js";
export { createTestDatabase } from "./testDatabases.js";
export { startServerProcess } from "./serverProcess.js";
export { startTestRedis } from "./redisServer.js";
export { createMapDocumentService } from "../store/createMapDocumentService.js";
export { templateMapWithCard } from "./templateMapWithCard.js";
