import {
  applyMapOperations,
  CardSchema,
  cardKindsForLane,
  createMapDocument,
  docToSnapshot,
  MapOperationError,
  MapSettingsSchema,
  newId,
  type CardContentInput,
  type LaneType,
  type MapOperation,
  type MapSettingsInput,
  type MapSnapshot,
} from "@opencjm/core";
import { importFileError, pathOf } from "./importFileError.js";

/**
 * Collects the stages, steps, lanes, cards and emotions a parser finds, checking each card where it was found so an
 * error names the file's own location ("Map!E7", "nodes[3]"), then builds the map through the document operations.
 */
export class MapDraftBuilder {
  private readonly ops: MapOperation[] = [];
  private readonly laneTypes = new Map<string, LaneType>();

  /** Adds a stage and returns its id. */
  addStage(name: string, extra: { color?: string; description?: string } = {}): string {
    const id = newId();
    this.ops.push({ op: "addStage", id, name: name.slice(0, 200), ...extra });
    return id;
  }

  /** Adds a step at the end of a stage and returns its id. */
  addStep(stageId: string, name: string, extra: { parallel?: boolean; description?: string } = {}): string {
    const id = newId();
    this.ops.push({ op: "addStep", id, stageId, name: name.slice(0, 200), ...extra });
    return id;
  }

  /** Adds a lane and returns its id. */
  addLane(type: LaneType, name: string, extra: { color?: string } = {}): string {
    const id = newId();
    this.ops.push({ op: "addLane", id, type, name: name.slice(0, 200), ...extra });
    this.laneTypes.set(id, type);
    return id;
  }

  /** Hides or collapses a lane (as a hidden row in a spreadsheet says). */
  updateLane(laneId: string, change: { hidden?: boolean; collapsed?: boolean }): void {
    this.ops.push({ op: "updateLane", laneId, ...change });
  }

  /** The type of a lane added earlier. */
  laneType(laneId: string): LaneType | undefined {
    return this.laneTypes.get(laneId);
  }

  /** Adds a card after checking it, so a bad one is reported at `where` in the file. */
  addCard(laneId: string, stepId: string, card: CardContentInput, where: string): void {
    const type = this.laneTypes.get(laneId);
    const checked = CardSchema.safeParse({ id: "check", order: "a0", ...card });
    if (!checked.success) {
      const issue = checked.error.issues[0];
      throw importFileError(where, `${pathOf(issue?.path ?? []) || "card"}: ${issue?.message ?? "invalid"}`);
    }
    if (type && !cardKindsForLane(type).includes(checked.data.kind)) throw importFileError(where, `a ${checked.data.kind} card cannot go in a ${type} lane`);
    const { id: _id, order: _order, ...content } = checked.data;
    this.ops.push({ op: "addCard", id: newId(), laneId, stepId, card: content });
  }

  /** Sets one persona's emotion at a step. */
  setEmotion(personaId: string, stepId: string, value: number, note = ""): void {
    this.ops.push({ op: "setEmotion", personaId, stepId, value, note: note.slice(0, 500) });
  }

  /** Builds the snapshot; settings are checked here, so a bad title or scale is reported with its field. */
  build(settings: MapSettingsInput, where = "file"): MapSnapshot {
    const parsed = MapSettingsSchema.safeParse(settings);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      throw importFileError(`${where} ${pathOf(issue?.path ?? [])}`.trim(), issue?.message ?? "invalid");
    }
    const doc = createMapDocument(parsed.data);
    try {
      applyMapOperations(doc, this.ops);
      return docToSnapshot(doc);
    } catch (err) {
      if (err instanceof MapOperationError) throw importFileError(where, err.message);
      throw err;
    } finally {
      doc.destroy();
    }
  }
}
