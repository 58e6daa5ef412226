import { listSources } from "@opencjm/analytics";
import type { Command } from "commander";
import { z } from "zod";
import { loadConfig } from "../../config.js";
import { createEventDatabases } from "../../customerData/EventDatabases.js";
import { findWorkspaceRef } from "../../store/workspaceStore.js";
import { CliError, parseOptions } from "../CliError.js";
import { cliText } from "../cliLanguage.js";
import { openServices } from "../openServices.js";
import { printable, textTable } from "./analyzeCommand.js";
import { dataDirOverride } from "./migrateCommand.js";

const ListOptions = z.strictObject({ workspace: z.string().min(1), json: z.boolean().optional() });

/** `cjm source list`: the workspace's data sources with their events, imports and last import (read-only). */
export function registerSourceCommands(program: Command): void {
  const source = program.command("source").description(cliText("source.description"));
  source
    .command("list")
    .description(cliText("source.list.description"))
    .requiredOption("--workspace <workspaceId>", cliText("option.workspace"))
    .option("--json", cliText("option.json"))
    .action(async (raw: unknown) => {
      const options = parseOptions(ListOptions, raw);
      const config = loadConfig(process.env, dataDirOverride(program));
      const services = await openServices(config);
      // Only reads: while a server holds the event database, a copy taken now is read.
      const analytics = createEventDatabases(config, {
        readOnly: { onSnapshot: () => console.error(cliText("analyze.snapshot")) },
        dataVolume: services.analytics.dataVolume,
      });
      try {
        const ws = await findWorkspaceRef(services.db, options.workspace);
        if (!ws) throw new CliError(cliText("noWorkspace", { id: options.workspace }));
        const sources = await listSources((await analytics.open(ws.id)).connection);
        if (options.json) console.log(JSON.stringify(sources, null, 2));
        else if (sources.length === 0) console.log(cliText("noSources"));
        else
          console.log(
            textTable(
              [
                cliText("header.id"),
                cliText("header.name"),
                cliText("header.events"),
                cliText("header.imports"),
                cliText("header.lastImport"),
              ],
              sources.map((s) => [
                s.sourceId,
                printable(s.name),
                String(s.events),
                String(s.imports),
                s.lastImportAt ?? "–",
              ]),
            ),
          );
      } finally {
        await analytics.close();
        await services.close();
      }
    });
}
