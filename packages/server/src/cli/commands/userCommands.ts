import { RoleSchema } from "@opencjm/core";
import type { Command } from "commander";
import { z } from "zod";
import { createUser } from "../../commands/userCreator.js";
import { setMemberRole } from "../../commands/workspaceCreator.js";
import { loadConfig } from "../../config.js";
import { CliError, parseOptions, PasswordOption } from "../CliError.js";
import { cliText } from "../cliLanguage.js";
import { openServices } from "../openServices.js";
import { dataDirOverride } from "./migrateCommand.js";
import { findWorkspaceRef } from "../../store/workspaceStore.js";

const UserAddOptions = z
  .strictObject({
    email: z.email(),
    name: z.string().trim().min(1).max(120),
    password: PasswordOption,
    workspace: z.string().min(1).optional(),
    role: RoleSchema.optional(),
  })
  .refine((o) => !o.role || o.workspace, { message: "--role needs --workspace", path: ["role"] });

/** `cjm user add`: creates an account, optionally adding it to a workspace with a role. */
export function registerUserCommands(program: Command): void {
  const user = program.command("user").description(cliText("user.description"));
  user
    .command("add")
    .description(cliText("user.add.description"))
    .requiredOption("--email <email>", cliText("user.option.email"))
    .requiredOption("--name <name>", cliText("user.option.name"))
    .option("--password <password>", cliText("option.password"))
    .option("--workspace <workspaceId>", cliText("user.option.workspace"))
    .option("--role <role>", cliText("user.option.role"))
    .action(async (raw: Record<string, unknown>) => {
      const options = parseOptions(UserAddOptions, {
        ...raw,
        password: raw.password ?? (process.env.CJM_PASSWORD || undefined),
      });
      const services = await openServices(loadConfig(process.env, dataDirOverride(program)));
      try {
        if (options.workspace) {
          const ws = await findWorkspaceRef(services.db, options.workspace);
          if (!ws) throw new CliError(cliText("noWorkspace", { id: options.workspace }));
        }
        const created = await createUser(services.db, {
          email: options.email,
          name: options.name,
          password: options.password,
        });
        if (options.workspace)
          await setMemberRole(services.db, options.workspace, created.id, options.role ?? "editor");
        const user = { email: created.email, id: created.id };
        console.log(
          options.workspace
            ? cliText("createdUserInWorkspace", {
                ...user,
                role: options.role ?? "editor",
                workspace: options.workspace,
              })
            : cliText("createdUser", user),
        );
      } finally {
        await services.close();
      }
    });
}
