import type { Channel } from "@opencjm/core";
import { describe, expect, it } from "vitest";
import { channelLabel } from "./channelLabel.js";

describe("channelLabel", () => {
  it("names built-in channels in the UI language and custom ones as stored", () => {
    const email = { id: "email", key: "email", name: "E-mail", online: true, icon: "mail", builtIn: true } as Channel;
    const kiosk = { id: "ch_1", key: "ch_1", name: "Киоск", online: false, icon: "circle", builtIn: false } as Channel;
    expect(channelLabel(email, "zh-Hant")).toBe("電子郵件");
    expect(channelLabel(email, "fa")).toBe("ایمیل");
    expect(channelLabel(kiosk, "en")).toBe("Киоск");
  });
});
