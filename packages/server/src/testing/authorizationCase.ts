import type { Permission } from "@opencjm/core";
import type { TestWorkspace } from "./factories.js";
import type { TestApp } from "./testApp.js";

/** How the authorization matrix (routes/authorizationMatrix.integration.test.ts) calls one workspace endpoint on fresh data, and the permission it needs. */
export interface AuthorizationCase {
  permission: Permission;
  /** A read-only token of a role with `permission` may still call it (it only reads, but not for every role). */
  readTokenAllowed?: boolean;
  /** Tokens may not use it (it needs a signed-in person). */
  sessionOnly?: boolean;
  /** It acts on a workspace of its own (a copy with the same members), which a token scoped to the first cannot see. */
  otherWorkspace?: boolean;
  /** What an allowed caller gets when not 200 (cancelling an import that has already finished: 409). */
  okStatus?: number;
  /**
   * `raw` is an uploaded file (sent as is with its content type) instead of a JSON body. `actor` is who will call it
   * (a role, "outsider", "anonymous", or "readToken"/"writeToken"/"scopedToken" of the editor), for endpoints that act
   * on the caller's own things (editing one's own comment).
   */
  build(
    t: TestApp,
    ws: TestWorkspace,
    actor: string,
  ): Promise<{ path: string; body?: unknown; raw?: { bytes: Uint8Array<ArrayBuffer>; contentType: string } }>;
}
