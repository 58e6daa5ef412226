import type { Command } from "commander";
import { loadConfig } from "../../config.js";
import { cliText } from "../cliLanguage.js";
import { openServices } from "../openServices.js";

/** `cjm migrate`: brings the database schema up to date. */
export function registerMigrateCommand(program: Command): void {
  program
    .command("migrate")
    .description(cliText("migrate.description"))
    .action(async () => {
      const services = await openServices(loadConfig(process.env, dataDirOverride(program)));
      await services.close();
      console.log(cliText("upToDate", { dialect: services.db.dialect }));
    });
}

/** The global --data-dir option as a config override. */
export function dataDirOverride(program: Command): { dataDir?: string } {
  const dir = program.opts<{ dataDir?: string }>().dataDir;
  return dir ? { dataDir: dir } : {};
}
