import { LocaleSchema } from "@opencjm/core";
import type { Command } from "commander";
import { z } from "zod";
import { createWorkspace } from "../../commands/workspaceCreator.js";
import { loadConfig } from "../../config.js";
import { findUserIdByEmail } from "../../store/userStore.js";
import { listAllWorkspaces } from "../../store/workspaceStore.js";
import { CliError, parseOptions } from "../CliError.js";
import { cliLocale, cliText } from "../cliLanguage.js";
import { openServices } from "../openServices.js";
import { printable, textTable } from "./analyzeCommand.js";
import { dataDirOverride } from "./migrateCommand.js";

const CreateOptions = z.strictObject({
  name: z.string().trim().min(1).max(120),
  owner: z.email(),
  locale: LocaleSchema.optional(),
  json: z.boolean().optional(),
});
const ListOptions = z.strictObject({ json: z.boolean().optional() });

/** `cjm workspace create` and `cjm workspace list`. */
export function registerWorkspaceCommands(program: Command): void {
  const workspace = program.command("workspace").description(cliText("workspace.description"));
  workspace
    .command("create")
    .description(cliText("workspace.create.description"))
    .requiredOption("--name <name>", cliText("option.workspaceName"))
    .requiredOption("--owner <email>", cliText("option.owner"))
    .option("--locale <locale>", cliText("option.locale"))
    .option("--json", cliText("option.json"))
    .action(async (raw: unknown) => {
      const options = parseOptions(CreateOptions, raw);
      const services = await openServices(loadConfig(process.env, dataDirOverride(program)));
      try {
        const ownerId = await findUserIdByEmail(services.db, options.owner);
        if (!ownerId) throw new CliError(cliText("noUser", { email: options.owner }));
        const created = await createWorkspace(services.db, {
          name: options.name,
          locale: options.locale ?? cliLocale(),
          ownerId,
        });
        console.log(
          options.json
            ? JSON.stringify(created, null, 2)
            : cliText("createdWorkspace", { id: created.id, name: printable(created.name) }),
        );
      } finally {
        await services.close();
      }
    });
  workspace
    .command("list")
    .description(cliText("workspace.list.description"))
    .option("--json", cliText("option.json"))
    .action(async (raw: unknown) => {
      const options = parseOptions(ListOptions, raw);
      const services = await openServices(loadConfig(process.env, dataDirOverride(program)));
      try {
        const all = await listAllWorkspaces(services.db);
        if (options.json) console.log(JSON.stringify(all, null, 2));
        else if (all.length === 0) console.log(cliText("noWorkspaces"));
        else
          console.log(
            textTable(
              [cliText("header.id"), cliText("header.name"), cliText("header.members"), cliText("header.maps")],
              all.map((w) => [w.id, printable(w.name), String(w.members), String(w.maps)]),
            ),
          );
      } finally {
        await services.close();
      }
    });
}
