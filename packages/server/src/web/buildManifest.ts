import { readFile } from "node:fs/promises";
import { z } from "zod";

/** One source module in Vite's build manifest: the built file holding it, its static imports and its styles. */
const ManifestEntrySchema = z
  .object({ file: z.string(), imports: z.array(z.string()), css: z.array(z.string()) })
  .partial();

/** Vite's build manifest (dist/.vite/manifest.json): source module → its built file, keyed by path from packages/web. */
export type BuildManifest = Record<string, z.infer<typeof ManifestEntrySchema>>;

const BuildManifestSchema = z.record(z.string(), ManifestEntrySchema);

/** The manifest the web build wrote into `webDist`, or an empty one when there is none (web app not built). */
export async function readBuildManifest(webDist: string): Promise<BuildManifest> {
  try {
    const parsed = BuildManifestSchema.safeParse(JSON.parse(await readFile(`${webDist}.vite/manifest.json`, "utf8")));
    return parsed.success ? parsed.data : {};
  } catch {
    return {};
  }
}

/** A built file's name under /assets/, when it is one of ours (never a path that could leave the folder). */
export function assetName(file: string | undefined, extension: "js" | "css"): string | undefined {
  if (!file?.startsWith("assets/")) return undefined;
  const name = file.slice("assets/".length);
  return new RegExp(`^[\\w.-]+\\.${extension}$`).test(name) && !name.startsWith(".") ? name : undefined;
}
