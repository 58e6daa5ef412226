import { describe, expect, it } from "vitest";
import { clientAddress, trustedProxies } from "./clientAddress.js";

describe("the client address behind a trusted proxy", () => {
  const loopback = trustedProxies(["loopback"]);

  it("ignores X-Forwarded-For unless the socket's peer is a trusted proxy", () => {
    expect(clientAddress("203.0.113.9", "198.51.100.1", undefined)).toBe("203.0.113.9");
    expect(clientAddress("203.0.113.9", "198.51.100.1", loopback)).toBe("203.0.113.9");
    expect(clientAddress("::ffff:203.0.113.9", undefined, loopback)).toBe("203.0.113.9");
  });

  it("takes the rightmost hop that is not a trusted proxy, so a client cannot choose its address by writing the header", () => {
    expect(clientAddress("127.0.0.1", "198.51.100.1", loopback)).toBe("198.51.100.1");
    expect(clientAddress("::1", "6.6.6.6, 198.51.100.1", loopback)).toBe("198.51.100.1");
    const chain = trustedProxies(["loopback", "10.0.0.0/8"]);
    expect(clientAddress("::ffff:127.0.0.1", "6.6.6.6, 198.51.100.1, 10.1.2.3", chain)).toBe("198.51.100.1");
    expect(clientAddress("127.0.0.1", "10.1.2.3, 127.0.0.1", chain)).toBe("10.1.2.3");
  });

  it("counts a malformed hop as the client rather than believing what lies left of it", () => {
    expect(clientAddress("127.0.0.1", "198.51.100.1, not-an-address", loopback)).toBe("not-an-address");
  });

  it("accepts named groups, addresses and CIDR ranges, and names a bad entry", () => {
    const list = trustedProxies(["uniquelocal", "203.0.113.7", "2001:db8::/32"]);
    expect([
      list.check("192.168.1.1"),
      list.check("203.0.113.7"),
      list.check("203.0.113.8"),
      list.check("2001:db8::1", "ipv6"),
    ]).toEqual([true, true, false, true]);
    expect(() => trustedProxies(["10.0.0.0/40"])).toThrow('"10.0.0.0/40" is not an address');
    expect(() => trustedProxies(["proxy.example.com"])).toThrow("proxy.example.com");
  });
});
