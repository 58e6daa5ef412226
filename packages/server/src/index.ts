export { startServer, type RunningServer } from "./startServer.js";
export { loadConfig, type AppConfig } from "./config.js";
export { createApp } from "./app.js";
export { createUser } from "./commands/userCreator.js";
export { createSession } from "./commands/sessionCreator.js";
export { createWorkspace } from "./commands/workspaceCreator.js";
export { seedDemoWorkspace } from "./demo/seedDemoWorkspace.js";
