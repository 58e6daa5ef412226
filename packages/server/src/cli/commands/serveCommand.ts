import { randomBytes } from "node:crypto";
import type { Command } from "commander";
import { z } from "zod";
import { createUser } from "../../commands/userCreator.js";
import { loadConfig } from "../../config.js";
import { seedDemoWorkspace } from "../../demo/seedDemoWorkspace.js";
import { seedDemoEvidence } from "../../demo/seedDemoEvidence.js";
import type { Services } from "../../services.js";
import { startServer } from "../../startServer.js";
import { parseOptions } from "../CliError.js";
import { cliLocale, cliText } from "../cliLanguage.js";
import { dataVolumeMismatch } from "../../cluster/dataVolume.js";
import { localisedErrorMessage } from "../../errors/localiseError.js";
import { dataDirOverride } from "./migrateCommand.js";
import { findUserIdByEmail } from "../../store/userStore.js";
import { hasAnyWorkspace } from "../../store/workspaceStore.js";

const ServeOptions = z.strictObject({
  port: z.coerce.number().int().min(0).max(65535).optional(),
  host: z.string().min(1).optional(),
  demo: z.boolean().optional(),
});

const STOP_DEADLINE_MS = 10_000;

/** Creates the demo account and workspace when the database has no workspace yet; returns the login to print. */
async function ensureDemo(services: Services, created: (workspaceId: string) => void): Promise<string> {
  if (await hasAnyWorkspace(services.db))
    return "demo workspace already present (sign in with the account created on first start)";
  const email = process.env.DEMO_EMAIL || "demo@opencjm.local";
  const password = process.env.DEMO_PASSWORD || randomBytes(9).toString("base64url");
  const existing = await findUserIdByEmail(services.db, email);
  const ownerId = existing ?? (await createUser(services.db, { email, name: "Demo User", password })).id;
  created((await seedDemoWorkspace(services, ownerId)).workspaceId);
  return existing ? `demo workspace created for existing account ${email}` : `demo login: ${email} / ${password}`;
}

/** `cjm serve`: runs the API, web app and collaboration endpoint. */
export function registerServeCommand(program: Command): void {
  program
    .command("serve")
    .description(cliText("serve.description"))
    .option("-p, --port <port>", cliText("serve.option.port"))
    .option("--host <host>", cliText("serve.option.host"))
    .option("--demo", cliText("serve.option.demo"))
    .action(async (raw: unknown) => {
      const options = parseOptions(ServeOptions, raw);
      const config = loadConfig(process.env, {
        ...dataDirOverride(program),
        ...(options.port !== undefined ? { port: options.port } : {}),
        ...(options.host ? { host: options.host } : {}),
      });
      const server = await startServer(config);
      let demoWorkspace: string | undefined;
      let stopping = false;
      const login = options.demo ? await ensureDemo(server.services, (id) => (demoWorkspace = id)) : undefined;
      console.log(cliText("serveRunning", { url: server.url }));
      console.log(
        `storage: ${server.services.db.dialect === "sqlite" ? config.sqlitePath : "PostgreSQL (DATABASE_URL)"}`,
      );
      if (login) console.log(login);
      console.log(cliText("serveApiReference", { url: `${server.url}/api/docs` }));
      const volume = server.services.analytics.dataVolume;
      if (!volume.shared) console.error(localisedErrorMessage(dataVolumeMismatch(volume), cliLocale()));
      // The demo's customer data takes half a minute to generate and import: the app is usable meanwhile and says
      // it is preparing the data until the imports are done.
      const seeding = new AbortController();
      let seeded: Promise<unknown> = Promise.resolve();
      if (demoWorkspace) {
        console.log("preparing the demo's customer data in the background…");
        seeded = seedDemoEvidence(server.services, demoWorkspace, { signal: seeding.signal }).then(
          (r) =>
            r &&
            console.log(
              `demo customer data ready: ${r.events} events from ${r.sources} sources in ${(r.ms / 1000).toFixed(1)} s`,
            ),
          // A stop (Ctrl-C) while it runs cancels the import; that is no error worth reporting.
          (err: unknown) =>
            stopping ||
            console.error(
              `error: the demo's customer data could not be prepared: ${err instanceof Error ? err.message : String(err)}`,
            ),
        );
      }
      const stop = async () => {
        stopping = true;
        // Running imports stop within moments, but a request still streaming a large upload, or a long query, could
        // hold the close up; a stop signal is honoured within seconds regardless. Nothing is lost by exiting here:
        // what was not committed rolls back, and imports left running are marked interrupted on the next start.
        setTimeout(() => {
          console.error(
            `error: stopping took longer than ${STOP_DEADLINE_MS / 1000} s; exiting without waiting further`,
          );
          process.exit(1);
        }, STOP_DEADLINE_MS).unref();
        // The demo's data stops first (its running import rolls back), so nothing uses the event database as it closes.
        seeding.abort();
        await server.services.analytics.imports.cancelAll();
        await seeded;
        await server.close();
        process.exit(0);
      };
      process.once("SIGINT", stop);
      process.once("SIGTERM", stop);
    });
}
