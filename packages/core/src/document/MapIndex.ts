import type * as Y from "yjs";
import { mapRoots, type Entity, type EntityRoot } from "./mapDocument.js";
import { sortSiblings, type Sibling } from "./position.js";

/** Key of the cell a card sits in: its lane and step (ids never hold a NUL). */
export function cellKey(laneId: string, stepId: string): string {
  return `${laneId}\u0000${stepId}`;
}

/** The lane and step of a cell key. */
export function cellOfKey(key: string): { laneId: string; stepId: string } {
  const split = key.indexOf("\u0000");
  return { laneId: key.slice(0, split), stepId: key.slice(split + 1) };
}

/** Which group an entity of a root belongs to: steps by stage, cards by cell, stages and lanes all together. */
export function parentKeyOf(root: EntityRoot, entity: Entity): string {
  if (root === "steps") return String(entity.get("stageId"));
  if (root === "cards") return cellKey(String(entity.get("laneId")), String(entity.get("stepId")));
  return "";
}

const before = (a: Sibling, b: Sibling) => a.order < b.order || (a.order === b.order && a.id < b.id);

/** The entities of one root grouped by parent, each group sorted the way readers sort siblings. */
export class SiblingGroups {
  private readonly groups = new Map<string, Sibling[]>();
  private total = 0;

  constructor(root: Y.Map<Entity>, name: EntityRoot) {
    for (const [id, entity] of root.entries())
      this.push(parentKeyOf(name, entity), { id, order: String(entity.get("order")) });
    for (const group of this.groups.values()) sortSiblings(group);
  }

  private push(parent: string, sibling: Sibling): void {
    const group = this.groups.get(parent);
    if (group) group.push(sibling);
    else this.groups.set(parent, [sibling]);
    this.total++;
  }

  /** How many entities the root holds. */
  count(): number {
    return this.total;
  }

  /** How many entities share a parent. */
  countOf(parent: string): number {
    return this.groups.get(parent)?.length ?? 0;
  }

  /** The sorted siblings under a parent, leaving out `exclude`; read it, do not keep it (it is the live list). */
  siblings(parent: string, exclude?: string): readonly Sibling[] {
    const group = this.groups.get(parent) ?? [];
    return exclude === undefined ? group : group.filter((s) => s.id !== exclude);
  }

  /** The parents that have entities. */
  parents(): string[] {
    return [...this.groups.keys()];
  }

  /** Records an entity placed under a parent; appends cost O(log n), so a batch of adds stays linear. */
  insert(parent: string, sibling: Sibling): void {
    const group = this.groups.get(parent);
    if (!group) return this.push(parent, sibling);
    let lo = 0;
    let hi = group.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (before(group[mid]!, sibling)) lo = mid + 1;
      else hi = mid;
    }
    group.splice(lo, 0, sibling);
    this.total++;
  }

  /** Forgets an entity. */
  remove(parent: string, id: string): void {
    const group = this.groups.get(parent);
    const at = group?.findIndex((s) => s.id === id) ?? -1;
    if (at < 0) return;
    group!.splice(at, 1);
    if (group!.length === 0) this.groups.delete(parent);
    this.total--;
  }

  /** Forgets every entity under a parent and returns their ids. */
  removeParent(parent: string): string[] {
    const group = this.groups.get(parent) ?? [];
    this.groups.delete(parent);
    this.total -= group.length;
    return group.map((s) => s.id);
  }
}

/**
 * What operations look up again and again — the siblings of a new item, how many cards a map or a cell holds, which
 * emotion points exist — computed once per batch from the document and kept up to date by the operations, so a batch
 * of n operations costs O(n log n) instead of a scan of the whole map per operation. It is read lazily from `source`,
 * which must not change meanwhile except through the operations given this index (or not at all, for a dry run on
 * a scratch document).
 */
export class MapIndex {
  private readonly groups = new Map<EntityRoot, SiblingGroups>();
  private emotions: Set<string> | undefined;

  constructor(private readonly source: Y.Doc) {}

  /** The grouped siblings of a root, built on first use. */
  of(root: EntityRoot): SiblingGroups {
    let groups = this.groups.get(root);
    if (!groups) this.groups.set(root, (groups = new SiblingGroups(mapRoots(this.source)[root], root)));
    return groups;
  }

  /** The keys (`personaId:stepId`) of the map's emotion points. */
  emotionKeys(): Set<string> {
    this.emotions ??= new Set(mapRoots(this.source).emotions.keys());
    return this.emotions;
  }
}
