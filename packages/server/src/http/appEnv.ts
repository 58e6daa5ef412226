import type { Caller } from "../auth/resolveCaller.js";
import type { Services } from "../services.js";
import type { DomainError } from "../errors/DomainError.js";

/** Hono environment of every route: the services and the (lazily checked) caller. */
export type AppEnv = {
  Variables: {
    services: Services;
    caller: Caller | undefined;
    /** Set when credentials were sent but are invalid or expired; raised only by routes that need a caller. */
    callerError: DomainError | undefined;
  };
};
