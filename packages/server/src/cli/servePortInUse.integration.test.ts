import { mkdtempSync, rmSync } from "node:fs";
import { createServer, type AddressInfo, type Server } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { runCli } from "../testing/serverProcess.js";

describe("cjm serve on a port another program holds", () => {
  let dir: string | undefined;
  let other: Server | undefined;
  afterEach(async () => {
    await new Promise<void>((resolve) => (other ? other.close(() => resolve()) : resolve()));
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it("says in one line that the port is in use and how to choose another, without a stack trace", async () => {
    other = createServer();
    const port = await new Promise<number>((resolve) =>
      other!.listen(0, "127.0.0.1", () => resolve((other!.address() as AddressInfo).port)),
    );
    dir = mkdtempSync(join(tmpdir(), "cjm-port-"));

    const result = runCli(["serve", "--port", String(port)], {
      DATA_DIR: join(dir, "data"),
      DATABASE_URL: "",
      HOST: "127.0.0.1",
    });

    expect(result.status).toBe(1);
    expect(result.stderr).toBe(
      `error: port ${port} on 127.0.0.1 is in use; set PORT=… (or --port) to another port, or stop the other program\n`,
    );
    expect(result.stdout).not.toContain("running at");
  });
});
