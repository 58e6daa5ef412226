import { writeFile, mkdir } from "node:fs/promises";
import { join } from "node:path";
import { createSource, ImportMappingSchema, listSources } from "@opencjm/analytics";
import { startEventImport } from "../commands/eventImporter.js";
import { createTouchpointRule } from "../store/touchpointRuleStore.js";
import type { Services } from "../services.js";
import { DEMO_TOUCHPOINTS } from "./demoContent.js";
import { createDemoEventWriter, DEMO_RULES, DEMO_SOURCES, type DemoSourceKey } from "./demoEvents.js";

/** Customers in the demo data: about 290,000 events over four sources (measured: about 30 s to generate and import on two cores). */
export const DEMO_CUSTOMERS = 60_000;

/** What seeding the demo evidence did. */
export interface DemoEvidenceResult {
  events: number;
  sources: number;
  rules: number;
  ms: number;
}

/**
 * Gives the demo workspace customer data: generates the four exports of the running-shoes journey, imports each
 * through the real import pipeline (with progress visible in the app while it runs), and links the demo touchpoints
 * to their events, so the demo map shows reach, drop-off, scores and quotes. Does nothing when the workspace already
 * has data sources (a second start, or a user who added their own).
 */
export async function seedDemoEvidence(
  services: Services,
  workspaceId: string,
  options: { customers?: number; signal?: AbortSignal } = {},
): Promise<DemoEvidenceResult | null> {
  const started = Date.now();
  // Checked between steps: a server stopping meanwhile must not have its event database used after it closes.
  const go = () => options.signal?.throwIfAborted();
  const db = await services.analytics.open(workspaceId);
  go();
  if ((await listSources(db.connection)).length > 0) return null;

  const names = new Map(Object.entries(DEMO_TOUCHPOINTS).map(([key, t]) => [t.name, key]));
  const rows = await services.db.kysely
    .selectFrom("touchpoints")
    .select(["id", "name"])
    .where("workspace_id", "=", workspaceId)
    .execute();
  const touchpointId = new Map(rows.flatMap((r) => (names.has(r.name) ? [[names.get(r.name)!, r.id] as const] : [])));
  let rules = 0;
  for (const rule of DEMO_RULES) {
    const id = touchpointId.get(rule.touchpoint);
    if (!id) continue;
    go();
    await createTouchpointRule(services.db, workspaceId, {
      touchpointId: id as never,
      eventNames: rule.eventNames,
      ...(rule.channel ? { channel: rule.channel } : {}),
      conditions: [],
    });
    rules++;
  }

  // Generated in slices, yielding between them, so the server keeps answering while the demo data is made.
  const writer = createDemoEventWriter();
  const customers = options.customers ?? DEMO_CUSTOMERS;
  for (let from = 0; from < customers; from += 2000) {
    writer.addCustomers(from, Math.min(customers, from + 2000));
    await new Promise((resolve) => setImmediate(resolve));
    go();
  }
  const generated = writer.result();
  const dir = services.analytics.uploadDir(workspaceId);
  await mkdir(dir, { recursive: true });
  // One source at a time: each import stitches identities across everything imported before it.
  for (const key of Object.keys(DEMO_SOURCES) as DemoSourceKey[]) {
    const spec = DEMO_SOURCES[key];
    go();
    const source = await createSource(db.connection, {
      name: spec.name,
      kind: spec.kind,
      mapping: ImportMappingSchema.parse(spec.mapping),
    });
    const path = join(dir, `demo-${key}.csv`);
    await writeFile(path, generated.files[key]);
    const { finished } = await startEventImport(services, {
      workspaceId,
      sourceId: source.sourceId,
      path,
      fileName: `${key}-export.csv`,
      options: {},
    });
    const record = await finished;
    go();
    if (record.status !== "done")
      throw new Error(`demo data: importing ${key} failed: ${record.error?.message ?? record.status}`);
  }
  const events = Object.values(generated.events).reduce((a, b) => a + b, 0);
  return { events, sources: Object.keys(DEMO_SOURCES).length, rules, ms: Date.now() - started };
}
