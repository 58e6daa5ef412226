import type {
  KyselyPlugin,
  OperationNode,
  PluginTransformQueryArgs,
  PluginTransformResultArgs,
  QueryResult,
  RootOperationNode,
  UnknownRow,
} from "kysely";

/** Tables whose deleted rows take rights away: sign-outs, revoked tokens, removed members, deleted workspaces or users. */
const DELETE_TABLES = new Set(["sessions", "api_tokens", "members", "workspaces", "users"]);
/** Tables whose updated rows change rights (roles, revocation, expiry), with columns that do not (bookkeeping). */
const UPDATE_TABLES = new Map([
  ["sessions", new Set<string>()],
  ["api_tokens", new Set(["last_used_at", "name"])],
  ["members", new Set<string>()],
]);

/** Follow-up pass after a change: on PostgreSQL the change may commit after its statement returned. */
const SETTLE_MS = 300;

/**
 * Tells open connections that someone's rights may have changed. Every UPDATE or DELETE on a table that grants
 * access raises the generation and notifies listeners at once and again shortly after (a change made inside a
 * transaction is visible to other connections only once it commits). Several server instances carry the signal over
 * their cluster bus (cluster/bridgeToCluster.ts): `onLocalChange` hears only this instance's changes, to pass on, and
 * `changedElsewhere` takes another instance's.
 */
export class AccessChanges {
  private current = 0;
  private readonly listeners = new Set<() => void>();
  private readonly localListeners = new Set<() => void>();
  private settleTimer: NodeJS.Timeout | undefined;

  /** Increases whenever rights may have changed; a check made at an older generation must be made again. */
  get generation(): number {
    return this.current;
  }

  /** Runs `listener` after every change (and once more when it has settled); returns the unsubscribe function. */
  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Runs `listener` after each change made by this instance (not those heard from others); returns the unsubscribe. */
  onLocalChange(listener: () => void): () => void {
    this.localListeners.add(listener);
    return () => this.localListeners.delete(listener);
  }

  /** Records that rights may have changed. */
  changed(): void {
    for (const listener of this.localListeners) listener();
    this.changedElsewhere();
  }

  /** Records that another instance changed rights: the same checks follow, but nothing is passed on. */
  changedElsewhere(): void {
    this.current += 1;
    this.notify();
    clearTimeout(this.settleTimer);
    this.settleTimer = setTimeout(() => {
      this.current += 1;
      this.notify();
    }, SETTLE_MS);
    this.settleTimer.unref();
  }

  /**
   * A Kysely plugin that calls `changed()` for each UPDATE or DELETE of an access table. It sees the statement before
   * it runs, so the first notification is deferred to the next turn of the event loop (and the settle pass follows).
   */
  plugin(): KyselyPlugin {
    return {
      transformQuery: ({ node }: PluginTransformQueryArgs): RootOperationNode => {
        if (changesAccess(node)) setImmediate(() => this.changed());
        return node;
      },
      transformResult: async ({ result }: PluginTransformResultArgs): Promise<QueryResult<UnknownRow>> => result,
    };
  }

  private notify(): void {
    for (const listener of this.listeners) {
      try {
        listener();
      } catch (err) {
        console.error("access change listener failed:", err instanceof Error ? err.message : err);
      }
    }
  }
}

/** True for an UPDATE or DELETE that can change someone's rights. */
function changesAccess(node: OperationNode): boolean {
  if (node.kind === "DeleteQueryNode") return tableNames(node).some((name) => DELETE_TABLES.has(name));
  if (node.kind !== "UpdateQueryNode") return false;
  const updates =
    (node as unknown as { updates?: ReadonlyArray<{ column?: { column?: { name?: string } } }> }).updates ?? [];
  const columns = updates.map((u) => u.column?.column?.name ?? "");
  return tableNames(node).some((name) => {
    const bookkeeping = UPDATE_TABLES.get(name);
    return bookkeeping !== undefined && columns.some((c) => !bookkeeping.has(c));
  });
}

/** Table names an UPDATE (its table) or DELETE (its FROM list) writes to. */
function tableNames(node: OperationNode): string[] {
  const record = node as unknown as { table?: OperationNode; from?: { froms?: readonly OperationNode[] } };
  const targets = [record.table, ...(record.from?.froms ?? [])].filter((n): n is OperationNode => n !== undefined);
  return targets.flatMap((t) => {
    const table = t as unknown as { kind: string; table?: { identifier?: { name?: string } }; node?: OperationNode };
    if (table.kind === "AliasNode" && table.node) return tableNames({ table: table.node } as unknown as OperationNode);
    const name = table.table?.identifier?.name;
    return name ? [name] : [];
  });
}
