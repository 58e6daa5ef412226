import {
  MapOperationError,
  PersonaFieldsSchema,
  TouchpointFieldsSchema,
  upgradeSnapshot,
  type PersonaFields,
  type TouchpointFields,
} from "@opencjm/core";
import { DomainError } from "../errors/DomainError.js";
import { MapExportEnvelopeSchema } from "../mapExport/mapJsonFormat.js";
import { droppedItem } from "./dropReason.js";
import { importFileError, pathOf } from "./importFileError.js";
import type { DraftEntity, DroppedItem, ImportDraft } from "./ImportDraft.js";
import { distinctTexts, valueAtPath } from "./stringLeaves.js";

/** Upgrades the snapshot in a file, turning a refusal into a file error that names the field. */
function upgradeFileSnapshot(json: unknown, prefix: string): ReturnType<typeof upgradeSnapshot> {
  try {
    return upgradeSnapshot(json);
  } catch (err) {
    if (!(err instanceof MapOperationError)) throw err;
    const message = `${prefix}${err.message}`;
    throw new DomainError({
      kind: "invalid",
      code: "invalid_file",
      message,
      details: [{ path: `${prefix}${err.field ?? ""}`.replace(/\.$/, "") || "file", message }],
    });
  }
}

/**
 * Reads our JSON: an export envelope or a bare snapshot, of any earlier document version (upgraded on the way), with
 * the ideas and KPIs an envelope of format 2 on carries (earlier ones have none).
 * Unknown fields are dropped and reported; a field that is present but wrong is an error naming its path.
 */
export function parseMapJson(json: unknown): ImportDraft {
  const isEnvelope = !!json && typeof json === "object" && "format" in json;
  const envelope = isEnvelope ? MapExportEnvelopeSchema.safeParse(json) : undefined;
  if (envelope && !envelope.success) {
    const issue = envelope.error.issues[0];
    throw importFileError(pathOf(issue?.path ?? []) || "file", issue?.message ?? "invalid");
  }
  const { snapshot, report } = upgradeFileSnapshot(envelope?.data.snapshot ?? json, isEnvelope ? "snapshot." : "");
  const prefix = isEnvelope ? "snapshot." : "";
  const dropped: DroppedItem[] = report.dropped.map((path) =>
    droppedItem(
      `${prefix}${path}`,
      { code: "notInThisVersion", values: {} },
      distinctTexts([valueAtPath(json, `${prefix}${path}`)]),
    ),
  );
  // Cards the exporting map could not read travel along in the file; they cannot become cards, so the report says so.
  for (const card of snapshot.unreadableCards ?? [])
    dropped.push(
      droppedItem(
        `${prefix}unreadableCards.${card.id}`,
        { code: "unreadableCard", values: { problem: card.problem } },
        distinctTexts([card.fields]),
      ),
    );
  delete snapshot.unreadableCards;
  const personas = (envelope?.data.personas ?? []).map((p, i): DraftEntity<PersonaFields> => {
    const { id, createdAt: _c, updatedAt: _u, ...fields } = p;
    const parsed = PersonaFieldsSchema.safeParse(fields);
    if (!parsed.success)
      throw importFileError(
        `personas[${i}].${pathOf(parsed.error.issues[0]?.path ?? [])}`,
        parsed.error.issues[0]?.message ?? "invalid",
      );
    return { oldId: id, fields: parsed.data };
  });
  const touchpoints = (envelope?.data.touchpoints ?? []).map((t, i): DraftEntity<TouchpointFields> => {
    const { id, ...fields } = t;
    const parsed = TouchpointFieldsSchema.safeParse(fields);
    if (!parsed.success)
      throw importFileError(
        `touchpoints[${i}].${pathOf(parsed.error.issues[0]?.path ?? [])}`,
        parsed.error.issues[0]?.message ?? "invalid",
      );
    return { oldId: id, fields: parsed.data };
  });
  return {
    format: "json",
    snapshot,
    personas,
    touchpoints,
    ideasAndKpis: envelope?.data && {
      mapId: String(envelope.data.map.id),
      records: { ideas: envelope.data.ideas, kpis: envelope.data.kpis },
    },
    report: { fromVersion: String(envelope ? envelope.data.formatVersion : report.fromVersion), dropped, notes: [] },
  };
}
