import {
  applyMapOperation,
  CardSchema,
  cardKindsForLane,
  createMapDocument,
  docToSnapshot,
  MapBatchError,
  MapIndex,
  mapLimitError,
  MAP_LIMITS,
  MapOperationError,
  MapSettingsSchema,
  newId,
  type CardContentInput,
  type LaneType,
  type MapLimit,
  type MapOperation,
  type MapSettingsInput,
  type MapSnapshot,
} from "@opencjm/core";
import { droppedItem } from "./dropReason.js";
import { importFileError, pathOf } from "./importFileError.js";
import type { ImportReport } from "./ImportDraft.js";

const CELL_KEY = (laneId: string, stepId: string) => `${laneId}\u0000${stepId}`;

/**
 * Collects the stages, steps, lanes, cards and emotions a parser finds, checking each card where it was found so an
 * error names the file's own location ("Map!E7", "nodes[3]"), then builds the map through the document operations.
 * It counts what it collects against `MAP_LIMITS`: past a limit it only counts on (so a huge file costs no memory)
 * and `build` refuses the file naming the limit and the count.
 */
export class MapDraftBuilder {
  private readonly ops: MapOperation[] = [];
  private readonly laneTypes = new Map<string, LaneType>();
  private readonly counts: Record<MapLimit, number> = {
    stages: 0,
    steps: 0,
    lanes: 0,
    cards: 0,
    cardsPerCell: 0,
    emotions: 0,
  };
  private readonly cellCounts = new Map<string, number>();
  private readonly emotionKeys = new Set<string>();
  private over: MapLimit | undefined;
  private placeholders = 0;

  /** With a report, a name or note longer than the map holds is cut and the whole text listed as dropped. */
  constructor(private readonly report?: ImportReport) {}

  /** A text cut to what the map holds; what had to be cut is reported with the whole text. */
  private fit(text: string, max: number, what: string): string {
    if (text.length <= max) return text;
    this.report?.dropped.push(droppedItem(what, { code: "cutToFit", values: { max } }, [text]));
    return text.slice(0, max);
  }

  /** Records a count against its limit; the first limit passed is the one `build` names. */
  private count(limit: MapLimit, count: number): void {
    this.counts[limit] = Math.max(this.counts[limit], count);
    if (count > MAP_LIMITS[limit]) this.over ??= limit;
  }

  /** A new id; past a limit nothing will be built, so a cheap placeholder spares the random source. */
  private nextId(): string {
    return this.over ? `over${++this.placeholders}` : newId();
  }

  /** Counts one more item against a limit; the operation is kept only while every limit holds. */
  private push(limit: MapLimit, count: number, op: MapOperation): void {
    this.count(limit, count);
    if (!this.over) this.ops.push(op);
  }

  /** Adds a stage and returns its id. */
  addStage(name: string, extra: { color?: string; description?: string } = {}): string {
    const id = this.nextId();
    this.push("stages", this.counts.stages + 1, {
      op: "addStage",
      id,
      name: this.fit(name, 200, "stage name"),
      ...extra,
    });
    return id;
  }

  /** Adds a step at the end of a stage and returns its id; `goal` marks it as the journey's goal. */
  addStep(
    stageId: string,
    name: string,
    { goal, ...extra }: { parallel?: boolean; description?: string; goal?: boolean } = {},
  ): string {
    const id = this.nextId();
    this.push("steps", this.counts.steps + 1, {
      op: "addStep",
      id,
      stageId,
      name: this.fit(name, 200, "step name"),
      ...extra,
    });
    // The goal is a mark a journey has once, set as the editor sets it, not a field of a new step.
    if (goal && !this.over) this.ops.push({ op: "updateStep", stepId: id, goal: true });
    return id;
  }

  /** Adds a lane and returns its id. */
  addLane(type: LaneType, name: string, extra: { color?: string } = {}): string {
    const id = this.nextId();
    this.push("lanes", this.counts.lanes + 1, {
      op: "addLane",
      id,
      type,
      name: this.fit(name, 200, "lane name"),
      ...extra,
    });
    this.laneTypes.set(id, type);
    return id;
  }

  /** Hides or collapses a lane (as a hidden row in a spreadsheet says). */
  updateLane(laneId: string, change: { hidden?: boolean; collapsed?: boolean }): void {
    if (!this.over) this.ops.push({ op: "updateLane", laneId, ...change });
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
    if (type && !cardKindsForLane(type).includes(checked.data.kind))
      throw importFileError(where, `a ${checked.data.kind} card cannot go in a ${type} lane`);
    const { id: _id, order: _order, ...content } = checked.data;
    const cell = CELL_KEY(laneId, stepId);
    const inCell = (this.cellCounts.get(cell) ?? 0) + 1;
    this.cellCounts.set(cell, inCell);
    this.count("cardsPerCell", inCell);
    this.push("cards", this.counts.cards + 1, { op: "addCard", id: this.nextId(), laneId, stepId, card: content });
  }

  /** Sets one persona's emotion at a step. */
  setEmotion(personaId: string, stepId: string, value: number, note = ""): void {
    // Past the limit the keys are no longer kept, so the count goes on by points set (an upper bound).
    const key = `${personaId}:${stepId}`;
    const known = this.emotionKeys.has(key);
    if (!known && this.emotionKeys.size <= MAP_LIMITS.emotions) this.emotionKeys.add(key);
    this.push("emotions", known ? this.counts.emotions : this.counts.emotions + 1, {
      op: "setEmotion",
      personaId,
      stepId,
      value,
      note: this.fit(note, 500, "emotion note"),
    });
  }

  /**
   * Builds the snapshot; settings are checked here, so a bad title or scale is reported with its field. The
   * operations run straight on a new document, without the dry run `applyMapOperations` makes: a failure throws the
   * whole document away anyway.
   */
  build(settings: MapSettingsInput, where = "file"): MapSnapshot {
    if (this.over) throw importFileError(where, mapLimitError(this.over, this.counts[this.over]).message);
    const parsed = MapSettingsSchema.safeParse(settings);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      throw importFileError(`${where} ${pathOf(issue?.path ?? [])}`.trim(), issue?.message ?? "invalid");
    }
    const doc = createMapDocument(parsed.data);
    try {
      doc.transact(() => {
        const index = new MapIndex(doc);
        this.ops.forEach((op, i) => {
          try {
            applyMapOperation(doc, op, index);
          } catch (err) {
            throw err instanceof MapOperationError ? new MapBatchError(i, err) : err;
          }
        });
      });
      return docToSnapshot(doc);
    } catch (err) {
      if (err instanceof MapOperationError) throw importFileError(where, err.message);
      throw err;
    } finally {
      doc.destroy();
    }
  }
}
