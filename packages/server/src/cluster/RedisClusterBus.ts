import { randomUUID } from "node:crypto";
import type { Redis } from "ioredis";
import type { ClusterBus, ClusterListener, ClusterMessage, Readiness } from "./ClusterBus.js";
import { connectRedis } from "./connectRedis.js";

/** How long readiness waits to hear its own message back through Redis. */
const ROUND_TRIP_MS = 2000;

/** What goes over the channel: a message for the others, or a readiness probe only its sender listens for. */
type Envelope = { from: string; message: ClusterMessage } | { from: string; probe: string };

/**
 * The cluster bus over one Redis pub/sub channel (`<prefix>:cluster`). Redis is the deployment's own infrastructure,
 * but a message that does not parse is still dropped with a log line rather than trusted.
 */
export class RedisClusterBus implements ClusterBus {
  readonly instanceId = `instance-${randomUUID()}`;
  readonly shared = true;
  private readonly listeners = new Set<ClusterListener>();
  private readonly probes = new Map<string, () => void>();
  private readonly channel: string;

  private constructor(
    private readonly pub: Redis,
    private readonly sub: Redis,
    prefix: string,
  ) {
    this.channel = `${prefix}:cluster`;
    this.sub.on("message", (channel: string, raw: string) => {
      if (channel === this.channel) this.receive(raw);
    });
  }

  /** Connects, subscribes, and checks the subscription works before the instance says it is ready. */
  static async connect(url: string, prefix: string): Promise<RedisClusterBus> {
    const pub = connectRedis(url, "opencjm-bus-pub");
    const sub = connectRedis(url, "opencjm-bus-sub");
    const bus = new RedisClusterBus(pub, sub, prefix);
    try {
      await Promise.all([pub.ping(), sub.subscribe(bus.channel)]);
      const readiness = await bus.readiness();
      if (!readiness.ready) throw new Error(readiness.reason);
      return bus;
    } catch (err) {
      await bus.close();
      throw err;
    }
  }

  publish(message: ClusterMessage): void {
    const envelope: Envelope = { from: this.instanceId, message };
    this.pub.publish(this.channel, JSON.stringify(envelope)).catch((err: unknown) => {
      console.error(`could not publish ${message.type} to Redis:`, err instanceof Error ? err.message : err);
    });
  }

  subscribe(listener: ClusterListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  async readiness(): Promise<Readiness> {
    if (this.sub.status !== "ready" || this.pub.status !== "ready")
      return {
        ready: false,
        reason: `redis: connection ${this.sub.status === "ready" ? this.pub.status : this.sub.status}`,
      };
    const probe = randomUUID();
    let timer: NodeJS.Timeout | undefined;
    const heard = new Promise<boolean>((resolve) => {
      this.probes.set(probe, () => resolve(true));
      timer = setTimeout(() => resolve(false), ROUND_TRIP_MS);
    });
    try {
      await this.pub.publish(this.channel, JSON.stringify({ from: this.instanceId, probe } satisfies Envelope));
      if (await heard) return { ready: true };
      return {
        ready: false,
        reason: `redis: this instance did not hear its own message on ${this.channel} within ${ROUND_TRIP_MS} ms (not subscribed)`,
      };
    } catch (err) {
      return { ready: false, reason: `redis: ${err instanceof Error ? err.message : String(err)}` };
    } finally {
      clearTimeout(timer);
      this.probes.delete(probe);
    }
  }

  async close(): Promise<void> {
    this.listeners.clear();
    this.sub.disconnect();
    this.pub.disconnect();
  }

  private receive(raw: string): void {
    let envelope: Envelope;
    try {
      envelope = JSON.parse(raw) as Envelope;
    } catch {
      console.error(`dropped an unreadable message on ${this.channel}`);
      return;
    }
    if ("probe" in envelope) {
      if (envelope.from === this.instanceId) this.probes.get(envelope.probe)?.();
      return;
    }
    if (envelope.from === this.instanceId || typeof envelope.message?.type !== "string") return;
    for (const listener of this.listeners) {
      try {
        listener(envelope.message, envelope.from);
      } catch (err) {
        console.error(`cluster listener failed on ${envelope.message.type}:`, err instanceof Error ? err.message : err);
      }
    }
  }
}
