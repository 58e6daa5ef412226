import { BlockList, isIP } from "node:net";

/** Named groups of addresses TRUST_PROXY accepts besides single addresses and CIDR ranges. */
const NAMED: Record<string, Array<[string, number, "ipv4" | "ipv6"]>> = {
  loopback: [
    ["127.0.0.0", 8, "ipv4"],
    ["::1", 128, "ipv6"],
  ],
  linklocal: [
    ["169.254.0.0", 16, "ipv4"],
    ["fe80::", 10, "ipv6"],
  ],
  uniquelocal: [
    ["10.0.0.0", 8, "ipv4"],
    ["172.16.0.0", 12, "ipv4"],
    ["192.168.0.0", 16, "ipv4"],
    ["fc00::", 7, "ipv6"],
  ],
};

/**
 * The proxies whose `X-Forwarded-For` is believed, from TRUST_PROXY's comma-separated entries: `loopback`,
 * `linklocal`, `uniquelocal`, single addresses and CIDR ranges (`10.0.0.0/8`, `fd00::/8`); throws naming a bad entry.
 */
export function trustedProxies(entries: string[]): BlockList {
  const list = new BlockList();
  for (const raw of entries) {
    const entry = raw.trim().toLowerCase();
    if (!entry) continue;
    const named = NAMED[entry];
    if (named) {
      for (const [network, prefix, type] of named) list.addSubnet(network, prefix, type);
      continue;
    }
    const [address = "", prefix] = entry.split("/");
    const version = isIP(address);
    const bits = prefix === undefined ? (version === 6 ? 128 : 32) : Number(prefix);
    if (version === 0 || !Number.isInteger(bits) || bits < 0 || bits > (version === 6 ? 128 : 32)) {
      throw new Error(`"${raw.trim()}" is not an address, a CIDR range, loopback, linklocal or uniquelocal`);
    }
    list.addSubnet(address, bits, version === 6 ? "ipv6" : "ipv4");
  }
  return list;
}

/** `::ffff:1.2.3.4` as `1.2.3.4`, so IPv4 clients of a dual-stack socket are one address whichever way they came. */
function plainAddress(address: string): string {
  const mapped = address.match(/^::ffff:(\d+\.\d+\.\d+\.\d+)$/i);
  return mapped ? mapped[1]! : address;
}

function isTrusted(list: BlockList, address: string): boolean {
  const version = isIP(address);
  return version !== 0 && list.check(address, version === 6 ? "ipv6" : "ipv4");
}

/**
 * The client's address: the socket's peer, unless that peer is a trusted proxy; then the rightmost hop of
 * `X-Forwarded-For` that is not itself a trusted proxy (the hops to its left were written by the client and prove
 * nothing). Without trusted proxies the header is ignored, so nobody can choose the address they are counted under.
 */
export function clientAddress(
  socketAddress: string | undefined,
  forwardedFor: string | undefined,
  proxies: BlockList | undefined,
): string {
  const peer = plainAddress(socketAddress ?? "unknown");
  if (!proxies || !forwardedFor || !isTrusted(proxies, peer)) return peer;
  const hops = forwardedFor.split(",").map((hop) => plainAddress(hop.trim()));
  for (let i = hops.length - 1; i >= 0; i--) {
    const hop = hops[i]!;
    // A malformed hop cannot be trusted or believed; count the request under it, as a stranger.
    if (isIP(hop) === 0) return hop.slice(0, 64) || peer;
    if (!isTrusted(proxies, hop)) return hop;
  }
  return hops[0] ?? peer;
}
