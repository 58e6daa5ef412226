import { translate, type Persona } from "@opencjm/core";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createPersona } from "../../commands/personaCreator.js";
import { updateProfile } from "../../store/userStore.js";
import { buildWorkspace, type TestWorkspace } from "../../testing/factories.js";
import { createTestApp, type TestApp } from "../../testing/testApp.js";
import { testDialects } from "../../testing/testDatabases.js";
import { MAX_PHOTO_BYTES } from "./personaPhotoRoutes.js";

const PNG = Uint8Array.from(
  Buffer.from("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=", "base64"),
);
const JPEG = Uint8Array.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46, 0x00, 0x01, 0xff, 0xd9]);
const SVG = new TextEncoder().encode('<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"></svg>');

describe.each(testDialects)("persona photos on %s", (dialect) => {
  let t: TestApp;
  let ws: TestWorkspace;
  let persona: Persona;
  let path: string;
  beforeEach(async () => {
    t = await createTestApp(dialect);
    ws = await buildWorkspace(t.services.db);
    persona = await createPersona(t.services.db, ws.id, { name: "Ana", urgency: "high", decisionRole: "decider" });
    path = `/api/workspaces/${ws.id}/personas/${persona.id}`;
  });
  afterEach(() => t.dispose());

  const upload = (bytes: Uint8Array<ArrayBuffer>, contentType: string, role: "editor" | "viewer" = "editor") =>
    t.app.request(`${path}/photo`, {
      method: "POST",
      headers: { ...ws.users[role].headers, "content-type": contentType },
      body: bytes,
    });

  it("stores an uploaded photo, points photoUrl at it and serves it back to any member", async () => {
    const res = await upload(PNG, "image/png");
    expect(res.status).toBe(200);
    const updated = (await res.json()) as Persona;
    expect(updated.photoUrl).toMatch(new RegExp(`^/api/workspaces/${ws.id}/personas/${persona.id}/photo\\?v=\\d+$`));
    const read = await t.app.request(updated.photoUrl!, { headers: ws.users.viewer.headers });
    expect([read.status, read.headers.get("content-type"), read.headers.get("x-content-type-options")]).toEqual([
      200,
      "image/png",
      "nosniff",
    ]);
    expect(new Uint8Array(await read.arrayBuffer())).toEqual(PNG);
    // A second upload replaces the first.
    const again = await upload(JPEG, "image/jpeg");
    expect(again.status).toBe(200);
    const second = await t.app.request(`${path}/photo`, { headers: ws.users.viewer.headers });
    expect([second.headers.get("content-type"), new Uint8Array(await second.arrayBuffer())]).toEqual([
      "image/jpeg",
      JPEG,
    ]);
  });

  it("refuses files that are not the image they claim to be, other types, and oversized ones", async () => {
    const svg = await upload(SVG, "image/png");
    expect([
      svg.status,
      ((await svg.json()) as { error: { issues: Array<{ path: string }> } }).error.issues[0]!.path,
    ]).toEqual([400, "body"]);
    const svgType = await upload(SVG, "image/svg+xml");
    expect([svgType.status, ((await svgType.json()) as { error: { code: string } }).error.code]).toEqual([
      415,
      "unsupported_media_type",
    ]);
    const mismatch = await upload(JPEG, "image/png");
    expect(mismatch.status).toBe(400);
    const big = new Uint8Array(MAX_PHOTO_BYTES + 1);
    big.set(PNG);
    const tooBig = await upload(big, "image/png");
    expect(tooBig.status).toBe(413);
    const empty = await upload(new Uint8Array(), "image/png");
    expect(empty.status).toBe(400);
    const after = await t.request("GET", path, { headers: ws.users.editor.headers });
    expect((after.body as unknown as Persona).photoUrl).toBeUndefined();
    expect((await t.app.request(`${path}/photo`, { headers: ws.users.editor.headers })).status).toBe(404);
  });

  it("tells a Persian editor in Persian why a photo is refused, naming the type, the size and the bytes", async () => {
    await updateProfile(t.services.db, ws.users.editor.id, { locale: "fa" });
    const refusal = async (bytes: Uint8Array<ArrayBuffer>, contentType: string) =>
      (
        (await (await upload(bytes, contentType)).json()) as {
          error: { message: string; issues: Array<{ message: string }> };
        }
      ).error;
    const svg = await refusal(SVG, "image/svg+xml");
    expect(svg.message).toBe(
      `content-type: ${translate("fa", "errors", "unsupported_media_type.photo", { type: "image/svg+xml" })}`,
    );
    expect(svg.issues[0]!.message).toBe(translate("fa", "errors", "unsupported_media_type.photoTypes"));
    const big = new Uint8Array(MAX_PHOTO_BYTES + 1);
    big.set(PNG);
    expect((await refusal(big, "image/png")).message).toBe(
      `photo: ${translate("fa", "errors", "payload_too_large.photo", { bytes: String(MAX_PHOTO_BYTES + 1), limit: String(MAX_PHOTO_BYTES) })}`,
    );
    const mismatch = await refusal(JPEG, "image/png");
    expect(mismatch.message).toBe(
      `body: ${translate("fa", "errors", "invalid_request.photoOtherType", { actual: "image/jpeg", declared: "image/png" })}`,
    );
    expect(mismatch.issues[0]!.message).toBe(translate("fa", "errors", "invalid_request.notDeclaredType"));
    expect((await refusal(SVG, "image/png")).message).toBe(
      `body: ${translate("fa", "errors", "invalid_request.photoNotImage", { declared: "image/png" })}`,
    );
  });

  it("lets a viewer see but not change the photo, and hides it from other workspaces", async () => {
    expect((await upload(PNG, "image/png", "viewer")).status).toBe(403);
    await upload(PNG, "image/png");
    expect((await t.app.request(`${path}/photo`, { headers: ws.outsider.headers })).status).toBe(404);
    expect((await t.app.request(`${path}/photo`, { method: "DELETE", headers: ws.users.viewer.headers })).status).toBe(
      403,
    );
  });

  it("removes the photo (the avatar shows again) and deletes it with its persona", async () => {
    await upload(PNG, "image/png");
    const removed = await t.app.request(`${path}/photo`, { method: "DELETE", headers: ws.users.editor.headers });
    expect(((await removed.json()) as Persona).photoUrl).toBeUndefined();
    expect((await t.app.request(`${path}/photo`, { headers: ws.users.editor.headers })).status).toBe(404);
    await upload(PNG, "image/png");
    expect((await t.request("DELETE", path, { headers: ws.users.editor.headers })).status).toBe(200);
    const left = await t.services.db.kysely
      .selectFrom("persona_photos")
      .select("persona_id")
      .where("persona_id", "=", persona.id)
      .execute();
    expect(left).toEqual([]);
  });

  it("clears an optional field sent as null and keeps the fields left out", async () => {
    const res = await t.request("PATCH", path, {
      headers: ws.users.editor.headers,
      body: { urgency: null, quote: "Hi" },
    });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ quote: "Hi", decisionRole: "decider" });
    expect(res.body).not.toHaveProperty("urgency");
  });
});
