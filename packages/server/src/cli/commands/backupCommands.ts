import { readFileSync, writeFileSync } from "node:fs";
import { gunzipSync, gzipSync } from "node:zlib";
import type { Command } from "commander";
import { z } from "zod";
import { loadConfig } from "../../config.js";
import { backupWorkspace } from "../../mapExport/workspaceBackup.js";
import { parseJsonText } from "../../mapImport/parseJsonText.js";
import { restoreWorkspace } from "../../mapImport/restoreWorkspace.js";
import { CliError, parseOptions } from "../CliError.js";
import { cliErrorOf } from "../cliErrorOf.js";
import { cliText } from "../cliLanguage.js";
import { openServices } from "../openServices.js";
import { dataDirOverride } from "./migrateCommand.js";
import { findWorkspaceRef } from "../../store/workspaceStore.js";
import { findUserIdByEmail } from "../../store/userStore.js";

const BackupOptions = z.strictObject({ workspace: z.string().min(1), out: z.string().optional() });
const RestoreOptions = z.strictObject({ owner: z.email(), newIds: z.boolean().optional() });

/** Reads a backup file, gzipped or not, naming the file in every error. */
function readBackup(path: string): unknown {
  let bytes: Buffer;
  try {
    bytes = readFileSync(path);
  } catch (err) {
    throw new CliError(cliText("cannotReadFile", { path, code: (err as NodeJS.ErrnoException).code ?? "error" }));
  }
  if (bytes[0] === 0x1f && bytes[1] === 0x8b) {
    try {
      bytes = gunzipSync(bytes);
    } catch {
      throw new CliError(cliText("damagedGzip", { path }));
    }
  }
  try {
    return parseJsonText(bytes.toString("utf8"), path);
  } catch (err) {
    throw new CliError(err instanceof Error ? err.message : String(err));
  }
}

/** `cjm backup` and `cjm restore`: a whole workspace to one file and back, onto SQLite or PostgreSQL. */
export function registerBackupCommands(program: Command): void {
  program
    .command("backup")
    .description(cliText("backup.description"))
    .requiredOption("--workspace <workspaceId>", cliText("backup.option.workspace"))
    .option("--out <file>", cliText("backup.option.out"))
    .action(async (raw: unknown) => {
      const options = parseOptions(BackupOptions, raw);
      const services = await openServices(loadConfig(process.env, dataDirOverride(program)));
      try {
        const ws = await findWorkspaceRef(services.db, options.workspace);
        if (!ws) throw new CliError(cliText("noWorkspace", { id: options.workspace }));
        const backup = await backupWorkspace(services.db, ws.id);
        const json = `${JSON.stringify(backup)}\n`;
        if (!options.out) return void process.stdout.write(json);
        writeFileSync(options.out, options.out.endsWith(".gz") ? gzipSync(json) : json);
        console.error(
          `wrote ${options.out}: ${backup.maps.length} map(s), ${backup.personas.length} persona(s), ${backup.touchpoints.length} touchpoint(s), ${backup.ideas.length} idea(s), ${backup.kpis.length} KPI(s)`,
        );
      } finally {
        await services.close();
      }
    });
  program
    .command("restore <file>")
    .description(cliText("restore.description"))
    .requiredOption("--owner <email>", cliText("restore.option.owner"))
    .option("--new-ids", cliText("restore.option.newIds"))
    .action(async (file: string, raw: unknown) => {
      const options = parseOptions(RestoreOptions, raw);
      const json = readBackup(file);
      const services = await openServices(loadConfig(process.env, dataDirOverride(program)));
      try {
        const ownerId = await findUserIdByEmail(services.db, options.owner);
        if (!ownerId) throw new CliError(cliText("unknownOwner", { email: options.owner }));
        const result = await restoreWorkspace(services.db, json, { ownerId, newIds: options.newIds }).catch(
          (err: unknown) => {
            throw cliErrorOf(err, { file, always: true });
          },
        );
        const c = result.counts;
        console.log(
          `restored workspace ${result.workspaceId}: ${c.maps} map(s), ${c.personas} persona(s) with ${c.personaPhotos} photo(s), ${c.touchpoints} touchpoint(s) with ${c.touchpointRules} mapping rule(s), ${c.channels} custom channel(s), ${c.ideas} idea(s), ${c.kpis} KPI(s)`,
        );
        if (result.members.length) console.log(`members: ${result.members.join(", ")}`);
        if (result.skippedMembers.length)
          console.log(`not restored (no account with that e-mail here): ${result.skippedMembers.join(", ")}`);
      } finally {
        await services.close();
      }
    });
}
