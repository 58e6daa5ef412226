import { Command } from "commander";
import { cliErrorOf } from "./cliErrorOf.js";
import { chooseCliLocale, cliText } from "./cliLanguage.js";
import { localiseHelp } from "./localisedHelp.js";
import { registerAnalyzeCommand } from "./commands/analyzeCommand.js";
import { registerBackupCommands } from "./commands/backupCommands.js";
import { registerCustomerCommand } from "./commands/customerCommand.js";
import { registerIdeasCommand } from "./commands/ideasCommand.js";
import { registerImportEventsCommand } from "./commands/importEventsCommand.js";
import { registerInitCommand } from "./commands/initCommand.js";
import { registerKpiCommand } from "./commands/kpiCommand.js";
import { registerMapCommands } from "./commands/mapCommands.js";
import { registerMigrateCommand } from "./commands/migrateCommand.js";
import { registerServeCommand } from "./commands/serveCommand.js";
import { registerSourceCommands } from "./commands/sourceCommands.js";
import { registerUserCommands } from "./commands/userCommands.js";
import { registerWorkspaceCommands } from "./commands/workspaceCommands.js";

try {
  chooseCliLocale(process.argv.slice(2), process.env);
} catch (err) {
  console.error(`error: ${cliErrorOf(err).message}`);
  process.exit(1);
}

// Built once the language is known (above), so every description and heading of the help is in it.
const program = localiseHelp(new Command())
  .name("cjm")
  .description(cliText("program.description"))
  .option("--data-dir <dir>", cliText("option.dataDir"))
  .option("--lang <locale>", cliText("option.lang"))
  .showHelpAfterError()
  .exitOverride();

registerServeCommand(program);
registerInitCommand(program);
registerUserCommands(program);
registerWorkspaceCommands(program);
registerMapCommands(program);
registerSourceCommands(program);
registerBackupCommands(program);
registerMigrateCommand(program);
registerAnalyzeCommand(program);
registerImportEventsCommand(program);
registerCustomerCommand(program);
registerIdeasCommand(program);
registerKpiCommand(program);

try {
  await program.parseAsync(process.argv);
} catch (err) {
  if (
    err &&
    typeof err === "object" &&
    "code" in err &&
    typeof err.code === "string" &&
    err.code.startsWith("commander.")
  ) {
    // Commander has already printed its message (or the help); --help and --version exit 0.
    const exitCode = "exitCode" in err && typeof err.exitCode === "number" ? err.exitCode : 1;
    process.exit(exitCode);
  }
  console.error(`error: ${cliErrorOf(err).message}`);
  process.exit(1);
}
