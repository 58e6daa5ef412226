import { Redis } from "ioredis";

/**
 * A Redis connection for OpenCJM. `disableClientInfo` skips the CLIENT SETINFO handshake: a known ioredis 5 bug let
 * its reply be taken for a subscription's, which left an instance unsubscribed (missing every live edit of the others)
 * in about a third of runs measured on the development machine. Readiness also checks the subscription by a round
 * trip (RedisClusterBus).
 */
export function connectRedis(url: string, name: string): Redis {
  return new Redis(url, {
    disableClientInfo: true,
    connectionName: name,
    // Commands wait while Redis restarts instead of failing after a few retries; the readiness check reports it.
    maxRetriesPerRequest: null,
  });
}
