// Writes docs/schemas/map-v<N>.json from the zod schemas (run after `npm run build`). A test fails when the file in
// the repository is not what this script would write.
import { writeFileSync } from "node:fs";
import { MAP_SCHEMA_PATH, mapJsonSchema } from "../packages/server/dist/mapExport/mapJsonSchema.js";

const file = new URL(`../docs/schemas/${MAP_SCHEMA_PATH.split("/").pop()}`, import.meta.url);
writeFileSync(file, `${JSON.stringify(mapJsonSchema(), null, 2)}\n`);
console.log(`wrote ${file.pathname}`);
