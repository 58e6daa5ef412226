/**
 * A workspace whose ClickHouse tables exist but hold no published batch yet (a first publication that failed after
 * creating them): the caller publishes and asks again, instead of recognising the case by an error's wording.
 */
export class NothingPublishedError extends Error {
  constructor(readonly workspaceId: string) {
    super(`no events are published to ClickHouse for workspace ${workspaceId} yet`);
    this.name = "NothingPublishedError";
  }
}
