import {
  IceInputSchema,
  IdeaEffectSchema,
  IdeaLinkKindSchema,
  IdeaStatusSchema,
  KpiAnchorSchema,
  KpiSourceSchema,
  MatrixPositionSchema,
  RiceInputSchema,
  type KpiAnchor,
} from "@opencjm/core";
import { z } from "zod";

// Ideas and KPIs as files carry them (the map JSON from format version 2, workspace backups from version 3): people
// are named by e-mail, since account ids mean nothing on another server, and everything else by the ids it had, which
// the importer rewrites for the place it lands (remapIdeaKpiRecords).

const timestamp = z.string().max(40);
const id = z.string().min(1).max(64);
const email = z.string().max(320).nullable();

const IdeaLinkRecordSchema = z.object({
  mapId: id,
  cardId: id.nullable(),
  stepId: id.nullable(),
  laneId: id.nullable(),
  kind: IdeaLinkKindSchema,
  /** What the card or step said when linked, shown once it is gone. */
  label: z.string().max(2000),
});

/** An idea with its links, scores, status history (every change with its date) and recorded effect. */
export const IdeaRecordSchema = z.object({
  id,
  title: z.string().trim().min(1).max(200),
  description: z.string().max(20_000),
  ownerEmail: email,
  tags: z.array(z.string().max(40)).max(100),
  status: IdeaStatusSchema,
  touchpointIds: z.array(id).max(1000),
  kpiIds: z.array(id).max(1000),
  ice: IceInputSchema.nullable(),
  rice: RiceInputSchema.nullable(),
  matrix: MatrixPositionSchema.nullable(),
  anchors: z.array(IdeaLinkRecordSchema).max(1000),
  steps: z.array(IdeaLinkRecordSchema).max(1000),
  history: z
    .array(
      z.object({
        status: IdeaStatusSchema,
        at: timestamp,
        byEmail: email,
        reason: z.string().max(2000).nullable(),
      }),
    )
    .min(1)
    .max(1000),
  createdByEmail: email,
  createdAt: timestamp,
  updatedAt: timestamp,
  /** The effect measured when the idea was moved to "measured", as it was recorded then. */
  effect: IdeaEffectSchema.nullable().default(null),
});
export type IdeaRecord = z.infer<typeof IdeaRecordSchema>;

/** A KPI's definition with the values entered by hand. */
export const KpiRecordSchema = z.object({
  id,
  anchor: KpiAnchorSchema,
  source: KpiSourceSchema,
  name: z.string().trim().min(1).max(200),
  unit: z.string().max(30),
  direction: z.enum(["higher", "lower"]),
  target: z.number().finite().nullable(),
  ownerEmail: email,
  createdByEmail: email,
  createdAt: timestamp,
  updatedAt: timestamp,
  values: z
    .array(
      z.object({
        id,
        date: z.iso.date(),
        value: z.number().finite(),
        note: z.string().max(500),
        createdAt: timestamp,
      }),
    )
    .max(100_000),
});
export type KpiRecord = z.infer<typeof KpiRecordSchema>;

/** The ideas and KPIs a file carries. */
export interface IdeaKpiRecords {
  ideas: IdeaRecord[];
  kpis: KpiRecord[];
}

/** How ids change where the records land; `map`/`touchpoint` give null for what is not there (the link is dropped). */
export interface RecordIds {
  map(id: string): string | null;
  touchpoint(id: string): string | null;
  idea(id: string): string;
  kpi(id: string): string;
  kpiValue(id: string): string;
}

/**
 * What remapping had to leave out: a link to a map or touchpoint that is not where the records land. `code` is a key
 * of the shared `imports` catalogue, worded when the report is read.
 */
export interface LeftOutLink {
  path: string;
  code: "kpiOutsideImport" | "ideaLinkOutsideImport" | "ideaTouchpointMissing";
  texts: string[];
}

function remapAnchor(anchor: KpiAnchor, ids: RecordIds): KpiAnchor | null {
  if (anchor.kind === "workspace") return anchor;
  const mapId = ids.map(anchor.mapId);
  if (!mapId) return null;
  if (anchor.kind !== "touchpoint") return { ...anchor, mapId: mapId as typeof anchor.mapId };
  const touchpointId = ids.touchpoint(anchor.touchpointId);
  return touchpointId
    ? { ...anchor, mapId: mapId as typeof anchor.mapId, touchpointId: touchpointId as typeof anchor.touchpointId }
    : null;
}

/**
 * Rewrites ideas and KPIs for where they land: every id through `ids`; a KPI whose map or touchpoint is not there is
 * left out, as are an idea's links to such maps, touchpoints and KPIs (the idea itself stays). Reports what it left.
 */
export function remapIdeaKpiRecords(
  records: IdeaKpiRecords,
  ids: RecordIds,
): { records: IdeaKpiRecords; leftOut: LeftOutLink[] } {
  const leftOut: LeftOutLink[] = [];
  const kpis: KpiRecord[] = [];
  for (const [i, kpi] of records.kpis.entries()) {
    const anchor = remapAnchor(kpi.anchor, ids);
    if (!anchor) {
      leftOut.push({
        path: `kpis[${i}]`,
        code: "kpiOutsideImport",
        texts: [kpi.name],
      });
      continue;
    }
    const values = kpi.values.map((v) => ({ ...v, id: ids.kpiValue(v.id) }));
    kpis.push({ ...kpi, id: ids.kpi(kpi.id), anchor, values });
  }
  const keptKpis = new Set(records.kpis.filter((k) => remapAnchor(k.anchor, ids)).map((k) => k.id));
  const ideas = records.ideas.map((idea, i): IdeaRecord => {
    const links = (role: "anchors" | "steps") =>
      idea[role].flatMap((link, j) => {
        const mapId = ids.map(link.mapId);
        if (mapId) return [{ ...link, mapId }];
        leftOut.push({
          path: `ideas[${i}].${role}[${j}]`,
          code: "ideaLinkOutsideImport",
          texts: [link.label],
        });
        return [];
      });
    const touchpointIds = idea.touchpointIds.flatMap((t, j) => {
      const kept = ids.touchpoint(t);
      if (!kept) leftOut.push({ path: `ideas[${i}].touchpointIds[${j}]`, code: "ideaTouchpointMissing", texts: [] });
      return kept ?? [];
    });
    const kpiIds = idea.kpiIds.filter((k) => keptKpis.has(k)).map((k) => ids.kpi(k));
    const effect = idea.effect && {
      ...idea.effect,
      ideaId: ids.idea(idea.id),
      kpis: idea.effect.kpis.filter((k) => keptKpis.has(k.kpiId)).map((k) => ({ ...k, kpiId: ids.kpi(k.kpiId) })),
    };
    return {
      ...idea,
      id: ids.idea(idea.id),
      anchors: links("anchors"),
      steps: links("steps"),
      touchpointIds,
      kpiIds,
      effect,
    };
  });
  return { records: { ideas, kpis }, leftOut };
}
