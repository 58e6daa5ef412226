import { randomBytes } from "node:crypto";
import type { Redis } from "ioredis";
import { hashSecret } from "../auth/resolveCaller.js";
import { DomainError } from "../errors/DomainError.js";
import {
  TICKET_PREFIX,
  TICKET_TTL_MS,
  type CollabTicketStore,
  type IssuedTicket,
  type SessionCaller,
} from "../collab/collabTickets.js";

/** Tickets one session may take per minute; the web app takes one per connection attempt. */
const TICKETS_PER_SESSION_MINUTE = 120;

/**
 * Collaboration tickets in Redis, for several instances: the web app fetches a ticket through whichever instance
 * answers its API call and opens the socket on the instance its proxy routes the map to. Keys are the ticket's hash
 * (reading Redis gives no usable ticket); Redis expires them; GETDEL redeems each exactly once across instances.
 */
export class RedisCollabTickets implements CollabTicketStore {
  constructor(
    private readonly redis: Redis,
    private readonly prefix: string,
  ) {}

  async issue(caller: SessionCaller, now = Date.now()): Promise<IssuedTicket> {
    // Unused tickets expire on their own; the count keeps one session from filling Redis meanwhile.
    const counter = `${this.prefix}:tickets-of:${hashSecret(caller.sessionId)}`;
    const [[, taken]] = (await this.redis.multi().incr(counter).pexpire(counter, 60_000, "NX").exec()) as [
      [Error | null, number],
    ];
    if (taken > TICKETS_PER_SESSION_MINUTE)
      throw new DomainError({
        kind: "too_many",
        code: "too_many_tickets",
        message: `this session took more than ${TICKETS_PER_SESSION_MINUTE} collaboration tickets in a minute; try again shortly`,
        params: { limit: TICKETS_PER_SESSION_MINUTE },
        retryAfterSeconds: 60,
      });
    const ticket = `${TICKET_PREFIX}${randomBytes(24).toString("base64url")}`;
    await this.redis.set(this.key(ticket), JSON.stringify(caller), "PX", TICKET_TTL_MS);
    return { ticket, expiresAt: new Date(now + TICKET_TTL_MS).toISOString() };
  }

  async redeem(ticket: string): Promise<SessionCaller | undefined> {
    const stored = await this.redis.getdel(this.key(ticket));
    if (!stored) return undefined;
    const caller = JSON.parse(stored) as SessionCaller;
    return caller.kind === "session" ? caller : undefined;
  }

  private key(ticket: string): string {
    return `${this.prefix}:ticket:${hashSecret(ticket)}`;
  }
}
