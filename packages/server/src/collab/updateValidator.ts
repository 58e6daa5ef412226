import { checkMapChanges, type MapDocumentProblem } from "@opencjm/core";
import * as Y from "yjs";

/** Why an incoming update was refused; `message` is shown to the sender. */
export class RefusedUpdate extends Error {
  constructor(
    readonly code: "update_malformed" | "update_incomplete" | "update_invalid",
    message: string,
    readonly problems: MapDocumentProblem[] = [],
  ) {
    super(message);
  }
}

/**
 * Checks a live map's incoming Yjs updates before they are stored, on a shadow copy of the map kept in step with it:
 * an update must decode whole, apply to the shadow without leaving content waiting for parts the map does not have,
 * and leave every stage, step, lane, card, setting and emotion point it touched valid (`checkMapChanges`, which costs
 * what the change touched, not the map's size). A refused update never touches the live map nor the log. The shadow costs a second copy of the map in
 * memory, made on the first write after the map is opened.
 */
export class UpdateValidator {
  private shadow: Y.Doc | undefined;
  /** Which shadow this is (numbered across validators), so a check made on an earlier one is not taken for its own. */
  private generation = 0;
  private readonly follow = (update: Uint8Array, origin: unknown) => {
    // Updates that reached the live map by other routes (API edits, other instances) keep the shadow in step. An
    // editor's update this shadow already took in `check` is skipped: applying it again changes nothing but costs a
    // decode and a transaction, once per edit.
    if (origin === this || !this.shadow || checkedOn(origin) === this.generation) return;
    Y.applyUpdate(this.shadow, update, this);
  };

  constructor(private readonly live: Y.Doc) {}

  /**
   * Throws RefusedUpdate when `update` must not be stored. `origin` is what the live map will apply it with (the
   * editor's connection), if the update is accepted and stored.
   */
  check(update: Uint8Array, origin?: object): void {
    try {
      Y.decodeUpdate(update);
    } catch (err) {
      throw new RefusedUpdate(
        "update_malformed",
        `refused a malformed map update (${err instanceof Error ? err.message : "unreadable"})`,
      );
    }
    const shadow = this.ensureShadow();
    let problems: MapDocumentProblem[] = [];
    const inspect = (transaction: Y.Transaction) => {
      if (transaction.origin === this) problems = checkMapChanges(shadow, transaction);
    };
    shadow.on("afterTransaction", inspect);
    try {
      Y.applyUpdate(shadow, update, this);
    } catch (err) {
      this.reset();
      throw new RefusedUpdate(
        "update_malformed",
        `refused a map update that cannot be applied (${err instanceof Error ? err.message : "unreadable"})`,
      );
    } finally {
      shadow.off("afterTransaction", inspect);
    }
    if (shadow.store.pendingStructs || shadow.store.pendingDs) {
      this.reset();
      throw new RefusedUpdate(
        "update_incomplete",
        "refused a map update that builds on content this map does not have",
      );
    }
    if (problems.length > 0) {
      this.reset();
      const first = problems[0]!;
      throw new RefusedUpdate(
        "update_invalid",
        `refused a map update that leaves the map invalid: ${first.path ? `${first.path}: ` : ""}${first.message}`,
        problems,
      );
    }
    if (origin) noteChecked(origin, this.generation);
  }

  /**
   * The shadow, for an edit that must be made and stored before the live map sees it (API edits): cheaper than a
   * fresh copy of a big map. Whoever changes it must then store the change and apply it to the live map, or call
   * `releaseValidator` so the next check starts from a fresh copy.
   */
  scratch(): Y.Doc {
    return this.ensureShadow();
  }

  /** Stops following the live map and frees the shadow. */
  destroy(): void {
    this.live.off("update", this.follow);
    this.shadow?.destroy();
    this.shadow = undefined;
  }

  private ensureShadow(): Y.Doc {
    if (!this.shadow) {
      this.shadow = new Y.Doc({ gc: this.live.gc });
      this.generation = ++shadows;
      Y.applyUpdate(this.shadow, Y.encodeStateAsUpdate(this.live), this);
      this.live.on("update", this.follow);
    }
    return this.shadow;
  }

  private reset(): void {
    this.destroy();
  }
}

const validators = new WeakMap<Y.Doc, UpdateValidator>();

let shadows = 0;
/**
 * Per origin (an editor's connection), the shadow each accepted update was checked on, in order. The live map applies
 * an origin's updates in the order they were checked, so the entry taken when one arrives is its own — or, if an
 * earlier update never reached the live map (its commit failed, or it changed nothing), an older one: an older entry
 * names the current shadow only when the update arriving was checked on it too, so skipping it is always safe.
 */
const checked = new WeakMap<object, number[]>();

function noteChecked(origin: object, generation: number): void {
  const queue = checked.get(origin);
  if (queue) queue.push(generation);
  else checked.set(origin, [generation]);
}

function checkedOn(origin: unknown): number | undefined {
  return typeof origin === "object" && origin !== null ? checked.get(origin)?.shift() : undefined;
}

/** The validator of a live map, made on first use. */
export function validatorFor(doc: Y.Doc): UpdateValidator {
  let validator = validators.get(doc);
  if (!validator) {
    validator = new UpdateValidator(doc);
    validators.set(doc, validator);
  }
  return validator;
}

/** Frees the validator of a map that is being unloaded. */
export function releaseValidator(doc: Y.Doc): void {
  validators.get(doc)?.destroy();
  validators.delete(doc);
}
