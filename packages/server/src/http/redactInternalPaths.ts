import { homedir, tmpdir } from "node:os";

// Top-level folders of the machines we run on; any absolute path under them is the server's business, not the caller's.
const ABSOLUTE_PATH =
  /(?<![\w:/.-])(?:file:\/\/)?\/(?:home|root|tmp|var|usr|opt|work|srv|etc|mnt|media|app|data|Users|private|proc|run|nix|snap|workspace)\/[^\s'"`)\]},;]*/g;
const WINDOWS_PATH = /\b[A-Za-z]:\\[^\s'"`)\]},;]*/g;
const STACK_FRAME = /\n\s+at .*/g;
const PATH_REST = "[^\\s'\"`)\\]},;]*";
const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/** The last segment of a path, so "/tmp/x/events.csv" still tells the sender which file was meant. */
function lastSegment(path: string): string {
  const name =
    path
      .replace(/[/\\]+$/, "")
      .split(/[/\\]/)
      .pop() ?? "";
  return name ? `…/${name}` : "…";
}

/**
 * An error message fit to send: absolute file paths of the server (its data directory, temporary files, the
 * installation) become their last segment, and stack frames are dropped (issue 11 item 9).
 */
export function redactInternalPaths(message: string, roots: string[] = [process.cwd(), tmpdir(), homedir()]): string {
  let text = message.replace(STACK_FRAME, "");
  // The server's own folders first, wherever they are installed (a data directory under /srv/cjm, a checkout in D:\).
  for (const root of roots)
    if (root.length > 1)
      text = text.replace(new RegExp(`(?:file://)?${escapeRegExp(root)}${PATH_REST}`, "g"), lastSegment);
  return text.replace(ABSOLUTE_PATH, lastSegment).replace(WINDOWS_PATH, lastSegment);
}
