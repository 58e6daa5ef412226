import { randomBytes } from "node:crypto";
import type { Caller } from "../auth/resolveCaller.js";

/** How long a ticket may wait before the socket that uses it authenticates. */
export const TICKET_TTL_MS = 60_000;
/** Unused tickets one session may hold (each browser tab takes one per connection attempt). */
const TICKETS_PER_SESSION = 20;
/** All unused tickets held at once; past it the oldest go first. */
const TICKETS_IN_ALL = 50_000;

/** The prefix that tells a collaboration token is a ticket. */
export const TICKET_PREFIX = "cjt_";

/** A signed-in session, which a ticket stands for. */
export type SessionCaller = Extract<Caller, { kind: "session" }>;

/** A ticket as handed to the web app. */
export interface IssuedTicket {
  ticket: string;
  expiresAt: string;
}

/**
 * Where tickets live: this process's memory for one instance (`CollabTickets`), Redis for several
 * (cluster/RedisCollabTickets.ts), since a ticket fetched through one instance may open a socket on another.
 */
export interface CollabTicketStore {
  issue(caller: SessionCaller): IssuedTicket | Promise<IssuedTicket>;
  /** The session a ticket was issued to, once: a redeemed or expired ticket gives undefined. */
  redeem(ticket: string): SessionCaller | undefined | Promise<SessionCaller | undefined>;
}

interface Ticket {
  caller: Extract<Caller, { kind: "session" }>;
  expiresAt: number;
}

/**
 * Short-lived, single-use tickets for the collaboration socket. The web app fetches one from the API (same origin, so
 * another site cannot read it) and sends it as the provider's token, so a socket never needs the session cookie,
 * which a page on another origin could make the browser send. Kept in memory: a ticket lives a minute at most.
 */
export class CollabTickets implements CollabTicketStore {
  // Insertion order is expiry order (one TTL for all), so expired tickets are always at the front.
  private readonly tickets = new Map<string, Ticket>();
  private readonly bySession = new Map<string, string[]>();

  /** Issues a ticket for a signed-in session. */
  issue(caller: Extract<Caller, { kind: "session" }>, now = Date.now()): { ticket: string; expiresAt: string } {
    this.sweep(now);
    const mine = (this.bySession.get(caller.sessionId) ?? []).filter((t) => this.tickets.has(t));
    while (mine.length >= TICKETS_PER_SESSION) this.tickets.delete(mine.shift()!);
    if (this.tickets.size >= TICKETS_IN_ALL) this.tickets.delete(this.tickets.keys().next().value!);
    const ticket = `${TICKET_PREFIX}${randomBytes(24).toString("base64url")}`;
    const expiresAt = now + TICKET_TTL_MS;
    this.tickets.set(ticket, { caller, expiresAt });
    mine.push(ticket);
    this.bySession.set(caller.sessionId, mine);
    return { ticket, expiresAt: new Date(expiresAt).toISOString() };
  }

  /** The session a ticket was issued to, once: a redeemed or expired ticket gives undefined. */
  redeem(ticket: string, now = Date.now()): Extract<Caller, { kind: "session" }> | undefined {
    const found = this.tickets.get(ticket);
    this.tickets.delete(ticket);
    if (found) {
      const left = this.bySession.get(found.caller.sessionId)?.filter((k) => k !== ticket);
      if (left?.length) this.bySession.set(found.caller.sessionId, left);
      else this.bySession.delete(found.caller.sessionId);
    }
    return found && found.expiresAt > now ? found.caller : undefined;
  }

  private sweep(now: number): void {
    for (const [key, t] of this.tickets) {
      if (t.expiresAt > now) break;
      this.tickets.delete(key);
      const left = this.bySession.get(t.caller.sessionId)?.filter((k) => k !== key);
      if (left?.length) this.bySession.set(t.caller.sessionId, left);
      else this.bySession.delete(t.caller.sessionId);
    }
  }
}
