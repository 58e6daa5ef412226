import type { Redis } from "ioredis";
import { LoginRateLimiter, type LoginLimits } from "../auth/loginRateLimiter.js";
import { RedisLoginLimits } from "../auth/RedisLoginLimits.js";
import { CollabTickets, type CollabTicketStore } from "../collab/collabTickets.js";
import type { AppConfig } from "../config.js";
import { LocalClusterBus, type ClusterBus } from "./ClusterBus.js";
import { connectRedis } from "./connectRedis.js";
import { RedisClusterBus } from "./RedisClusterBus.js";
import { RedisCollabTickets } from "./RedisCollabTickets.js";

/** What an instance shares with the others of its deployment, and how to let go of it. */
export interface Cluster {
  bus: ClusterBus;
  tickets: CollabTicketStore;
  /** Failed sign-ins, counted together by every instance (Redis) or by this one alone. */
  loginLimits: LoginLimits;
  close(): Promise<void>;
}

/** One instance alone (no REDIS_URL), or one of several sharing Redis: connected and checked before it serves. */
export async function openCluster(
  config: Pick<AppConfig, "redisUrl" | "redisPrefix" | "loginRateLimit">,
): Promise<Cluster> {
  if (!config.redisUrl)
    return {
      bus: new LocalClusterBus(),
      tickets: new CollabTickets(),
      loginLimits: new LoginRateLimiter(config.loginRateLimit),
      close: async () => {},
    };
  const bus = await RedisClusterBus.connect(config.redisUrl, config.redisPrefix);
  const redis: Redis = connectRedis(config.redisUrl, "opencjm-tickets");
  return {
    bus,
    tickets: new RedisCollabTickets(redis, config.redisPrefix),
    loginLimits: new RedisLoginLimits(redis, config.redisPrefix, config.loginRateLimit),
    close: async () => {
      await bus.close();
      redis.disconnect();
    },
  };
}
