import { LocaleSchema } from "@opencjm/core";
import type { Command } from "commander";
import { z } from "zod";
import { createUser } from "../../commands/userCreator.js";
import { loadConfig } from "../../config.js";
import { seedDemoWorkspace } from "../../demo/seedDemoWorkspace.js";
import { CliError, parseOptions, PasswordOption } from "../CliError.js";
import { cliText } from "../cliLanguage.js";
import { openServices } from "../openServices.js";
import { dataDirOverride } from "./migrateCommand.js";
import { findUserIdByEmail } from "../../store/userStore.js";

const InitOptions = z.strictObject({
  email: z.email(),
  name: z.string().trim().min(1).max(120),
  password: PasswordOption,
  locale: LocaleSchema.default("en"),
  demo: z.boolean(),
});

/** `cjm init`: creates the data directory and database, the first user and (unless --no-demo) the demo workspace. */
export function registerInitCommand(program: Command): void {
  program
    .command("init")
    .description(cliText("init.description"))
    .requiredOption("--email <email>", cliText("init.option.email"))
    .requiredOption("--name <name>", cliText("init.option.name"))
    .option("--password <password>", cliText("option.password"))
    .option("--locale <locale>", cliText("init.option.locale"), "en")
    .option("--no-demo", cliText("init.option.noDemo"))
    .action(async (raw: Record<string, unknown>) => {
      const options = parseOptions(InitOptions, {
        ...raw,
        password: raw.password ?? (process.env.CJM_PASSWORD || undefined),
      });
      const config = loadConfig(process.env, dataDirOverride(program));
      const services = await openServices(config);
      try {
        const existing = await findUserIdByEmail(services.db, options.email);
        if (existing) throw new CliError(cliText("userExists", { email: options.email, dir: config.dataDir }));
        const user = await createUser(services.db, {
          email: options.email,
          name: options.name,
          password: options.password,
          locale: options.locale,
        });
        console.log(cliText("createdUser", { email: user.email, id: user.id }));
        if (options.demo) {
          const { workspaceId } = await seedDemoWorkspace(services, user.id);
          console.log(cliText("createdDemo", { id: workspaceId }));
        }
        console.log(cliText("dataDir", { dir: config.dataDir }));
      } finally {
        await services.close();
      }
    });
}
