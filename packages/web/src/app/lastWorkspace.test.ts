// @vitest-environment jsdom
import { afterEach, describe, expect, it } from "vitest";
import { rememberWorkspace, startWorkspace } from "./lastWorkspace.js";

afterEach(() => localStorage.clear());

describe("the workspace a visit starts in", () => {
  const workspaces = [{ id: "ws_a" }, { id: "ws_b" }];

  it("is the one last opened on this device", () => {
    rememberWorkspace("ws_b");
    expect(startWorkspace(workspaces)?.id).toBe("ws_b");
  });

  it("is the first one when nothing is remembered or the user left the remembered one", () => {
    expect(startWorkspace(workspaces)?.id).toBe("ws_a");
    rememberWorkspace("ws_gone");
    expect(startWorkspace(workspaces)?.id).toBe("ws_a");
    expect(startWorkspace([])).toBeUndefined();
  });
});
