import { readFileSync, writeFileSync } from "node:fs";
import type { Command } from "commander";
import { z } from "zod";
import { findPersonas } from "../../commands/personaCreator.js";
import { importMapJson } from "../../commands/mapImporter.js";
import { touchpointOf } from "../../commands/touchpointCreator.js";
import { loadConfig } from "../../config.js";
import { toMapExport } from "../../export/mapJsonFormat.js";
import { CliError, parseOptions } from "../CliError.js";
import { openServices } from "../openServices.js";
import { dataDirOverride } from "./migrateCommand.js";

const ExportOptions = z.strictObject({ format: z.enum(["json"], "must be json (more formats come with the export work)"), out: z.string().optional() });
const ImportOptions = z.strictObject({ workspace: z.string().min(1), as: z.email().optional() });

/** Reads and parses a JSON file, naming the file and the line and column of a syntax error. */
export function readJsonFile(path: string): unknown {
  let text: string;
  try {
    text = readFileSync(path, "utf8");
  } catch (err) {
    throw new CliError(`${path}: cannot read file (${(err as NodeJS.ErrnoException).code ?? "error"})`);
  }
  try {
    return JSON.parse(text.replace(/^\uFEFF/, ""));
  } catch (err) {
    const message = err instanceof Error ? err.message : String(err);
    const position = Number(message.match(/position (\d+)/)?.[1]);
    if (Number.isFinite(position)) {
      const before = text.slice(0, position).split("\n");
      throw new CliError(`${path}: invalid JSON at line ${before.length}, column ${before.at(-1)!.length + 1}`);
    }
    throw new CliError(`${path}: invalid JSON (${message})`);
  }
}

/** `cjm map export` and `cjm map import`. */
export function registerMapCommands(program: Command): void {
  const map = program.command("map").description("export and import journey maps");
  map
    .command("export <mapId>")
    .description("write a map with its personas as JSON")
    .option("--format <format>", "export format: json", "json")
    .option("--out <file>", "write to a file instead of standard output")
    .action(async (mapId: string, raw: unknown) => {
      const options = parseOptions(ExportOptions, raw);
      const services = await openServices(loadConfig(process.env, dataDirOverride(program)));
      try {
        const row = await services.db.kysely.selectFrom("maps").select(["id", "workspace_id", "title", "type", "status"]).where("id", "=", mapId).executeTakeFirst();
        if (!row) throw new CliError(`<mapId>: no map "${mapId}"`);
        const snapshot = await services.maps.readSnapshot(mapId);
        const personas = await findPersonas(services.db, row.workspace_id, snapshot.settings.personaIds);
        const touchpointIds = snapshot.cells.flatMap((c) => c.cards.flatMap((k) => (k.kind === "touchpoint" ? [k.touchpointId as string] : [])));
        const touchpoints = touchpointIds.length
          ? (await services.db.kysely.selectFrom("touchpoints").selectAll().where("workspace_id", "=", row.workspace_id).where("id", "in", [...new Set(touchpointIds)]).execute()).map(touchpointOf)
          : [];
        const json = `${JSON.stringify(toMapExport(row, snapshot, personas, touchpoints), null, 2)}\n`;
        if (options.out) {
          writeFileSync(options.out, json);
          console.error(`wrote ${options.out}`);
        } else process.stdout.write(json);
      } finally {
        await services.close();
      }
    });
  map
    .command("import <file>")
    .description("import a map from our JSON (any earlier version)")
    .requiredOption("--workspace <workspaceId>", "workspace to import into")
    .option("--as <email>", "user recorded as creator (default: the workspace's first owner)")
    .action(async (file: string, raw: unknown) => {
      const options = parseOptions(ImportOptions, raw);
      const json = readJsonFile(file);
      const services = await openServices(loadConfig(process.env, dataDirOverride(program)));
      try {
        const ws = await services.db.kysely.selectFrom("workspaces").select("id").where("id", "=", options.workspace).executeTakeFirst();
        if (!ws) throw new CliError(`--workspace: no workspace "${options.workspace}"`);
        const member = options.as
          ? await services.db.kysely.selectFrom("users").innerJoin("members", "members.user_id", "users.id").select("users.id").where("users.email", "=", options.as.toLowerCase()).where("members.workspace_id", "=", ws.id).executeTakeFirst()
          : await services.db.kysely.selectFrom("members").select("user_id as id").where("workspace_id", "=", ws.id).where("role", "=", "owner").orderBy("created_at").executeTakeFirst();
        if (!member) throw new CliError(options.as ? `--as: ${options.as} is not a member of ${ws.id}` : `--workspace: ${ws.id} has no owner`);
        const result = await importMapJson(services, { workspaceId: ws.id, userId: member.id, json }).catch((err: unknown) => {
          throw new CliError(`${file}: ${err instanceof Error ? err.message : String(err)}`);
        });
        const extras = [result.personaIds.length ? `${result.personaIds.length} persona(s)` : "", result.touchpointIds.length ? `${result.touchpointIds.length} new touchpoint(s)` : ""].filter(Boolean);
        console.log(`imported map ${result.mapId}${extras.length ? ` with ${extras.join(" and ")}` : ""}`);
        if (result.report.fromVersion !== 1) console.log(`upgraded from document version ${result.report.fromVersion}`);
        for (const path of result.report.dropped) console.log(`dropped ${path}`);
      } finally {
        await services.close();
      }
    });
}
