import { NoteListSchema, NoteSchema, type Note } from "@opencjm/core";
import iconv from "iconv-lite";
import JSZip from "jszip";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { buildWorkspace, type TestWorkspace } from "../../testing/factories.js";
import { createTestApp, type TestApp } from "../../testing/testApp.js";
import { testDialects } from "../../testing/testDatabases.js";

/** A minimal Word document with these paragraphs, plus any extra parts. */
async function docx(paragraphs: string[], extra: (zip: JSZip) => void = () => {}): Promise<Buffer> {
  const zip = new JSZip();
  zip.file(
    "[Content_Types].xml",
    `<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>`,
  );
  zip.file(
    "_rels/.rels",
    `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>`,
  );
  const body = paragraphs.map((p) => `<w:p><w:r><w:t>${p}</w:t></w:r></w:p>`).join("");
  zip.file(
    "word/document.xml",
    `<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>${body}</w:body></w:document>`,
  );
  extra(zip);
  return zip.generateAsync({ type: "nodebuffer", compression: "DEFLATE", compressionOptions: { level: 9 } });
}

describe.each(testDialects)("transcript uploads on %s", (dialect) => {
  let t: TestApp;
  let ws: TestWorkspace;
  let studyId: string;
  beforeEach(async () => {
    t = await createTestApp(dialect);
    ws = await buildWorkspace(t.services.db);
    const study = await t.request("POST", `/api/workspaces/${ws.id}/research/studies`, {
      headers: ws.users.editor.headers,
      body: { title: "Interviews", method: "interview" },
    });
    studyId = study.body.id as string;
  });
  afterEach(() => t.dispose());

  const upload = (fileName: string, bytes: Buffer, extra: Record<string, unknown> = {}) =>
    t.request("POST", `/api/workspaces/${ws.id}/research/notes/upload`, {
      headers: ws.users.editor.headers,
      body: { studyId, fileName, content: bytes.toString("base64"), ...extra },
    });
  const uploaded = async (fileName: string, bytes: Buffer, extra: Record<string, unknown> = {}): Promise<Note> => {
    const res = await upload(fileName, bytes, extra);
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    return NoteSchema.parse(res.body);
  };
  const noteCount = async () => {
    const notes = await t.request("GET", `/api/workspaces/${ws.id}/research/notes`, {
      headers: ws.users.viewer.headers,
    });
    return NoteListSchema.parse(notes.body).notes.length;
  };
  const refused = async (fileName: string, bytes: Buffer, extra: Record<string, unknown> = {}) => {
    const before = await noteCount();
    const res = await upload(fileName, bytes, extra);
    // Nothing of a refused file is stored.
    expect(await noteCount()).toBe(before);
    return { status: res.status, code: res.body.error?.code, message: res.body.error?.message };
  };

  it("reads text in the five languages' legacy encodings, detected, and Persian letters from Windows-1256", async () => {
    const cases = [
      ["gb18030", "运费太贵了，我在结账时放弃了购买。这是第二次了。"],
      ["big5", "運費太貴了，我在結帳時放棄了購買。這是第二次了。"],
      ["win1251", "Доставка слишком дорогая, я бросил корзину на шаге оплаты."],
      ["win1256", "هزينه ارسال خيلي گران بود و من خريد را رها كردم."],
    ] as const;
    const read: Array<[string | null, string]> = [];
    for (const [encoding, text] of cases) {
      const note = await uploaded(`${encoding}.txt`, iconv.encode(text, encoding));
      read.push([note.charset, note.text]);
    }
    expect(read.map(([charset]) => charset)).toEqual(["gb18030", "big5", "windows-1251", "windows-1256"]);
    expect(read.slice(0, 3).map(([, text]) => text)).toEqual(cases.slice(0, 3).map(([, text]) => text));
    expect(read[3]![1]).toBe("هزینه ارسال خیلی گران بود و من خرید را رها کردم.");
    const markdown = await uploaded("notes.md", Buffer.from("# Session 2\r\n\r\n- *Liked* the map\r\n", "utf8"));
    expect([markdown.format, markdown.text]).toEqual(["markdown", "# Session 2\n\n- *Liked* the map"]);
  });

  it("refuses text in no encoding it knows, or an encoding it does not read, naming the file", async () => {
    const noise = Buffer.from(Array.from({ length: 400 }, (_, i) => 0x80 + ((i * 37 + ((i * i) % 11)) % 128)));
    expect(await refused("junk.txt", noise)).toEqual({
      status: 400,
      code: "transcript_unknown_encoding",
      message:
        'cannot tell the text encoding of "junk.txt"; give it as charset (utf-8, gb18030, big5, windows-1251, windows-1256)',
    });
    expect(await refused("a.txt", Buffer.from("hello"), { charset: "ebcdic" })).toMatchObject({
      status: 400,
      code: "transcript_unknown_charset",
    });
    const notUtf8 = Buffer.concat([Buffer.from("line one\nline two \u00e9", "latin1")]);
    expect(await refused("latin.txt", notUtf8, { charset: "utf-8" })).toMatchObject({
      code: "transcript_bad_encoding",
      message: 'line 2 of "latin.txt" has bytes that are not valid utf-8',
    });
  });

  it("reads a Word document's paragraphs and refuses a zip bomb, a damaged file and a Word 97 file", async () => {
    const note = await uploaded("session.docx", await docx(["Interviewer: How was delivery?", "P01: Slow."]));
    expect([note.format, note.charset, note.text]).toEqual([
      "docx",
      null,
      "Interviewer: How was delivery?\n\nP01: Slow.",
    ]);
    // 120 MB of zeros deflates to about 120 kB: far past what a transcript unpacks to.
    const bomb = await docx(["Hi"], (zip) => zip.file("word/media/filler.bin", Buffer.alloc(120 * 1024 * 1024)));
    expect(bomb.length).toBeLessThan(1024 * 1024);
    expect(await refused("bomb.docx", bomb)).toMatchObject({ status: 413, code: "transcript_docx_bomb" });
    const parts = await docx(["Hi"], (zip) => {
      for (let i = 0; i < 1200; i++) zip.file(`word/parts/p${i}.xml`, "<x/>");
    });
    expect(await refused("parts.docx", parts)).toMatchObject({ status: 413, code: "transcript_docx_bomb" });
    const whole = await docx(["Hi"]);
    expect(await refused("cut.docx", whole.subarray(0, whole.length - 40))).toMatchObject({
      status: 400,
      code: "transcript_docx_damaged",
    });
    const ole = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0, 0]);
    expect(await refused("old.doc", ole)).toMatchObject({ code: "transcript_legacy_doc" });
    expect(await refused("fake.docx", Buffer.from("not a zip"))).toMatchObject({ code: "transcript_not_docx" });
  });

  it("keeps speakers and times of WebVTT and SRT subtitles", async () => {
    const vtt = [
      "WEBVTT",
      "",
      "NOTE recorded in Moscow",
      "",
      "1",
      "00:00:01.000 --> 00:00:04.500",
      "<v Interviewer>Как вам доставка?</v>",
      "",
      "00:01:02.250 --> 00:01:05.000 align:start",
      "<v P01><i>Слишком</i> долго.",
    ].join("\n");
    const v = await uploaded("session.vtt", Buffer.from(vtt));
    expect(v.text).toBe("Interviewer: Как вам доставка?\nP01: Слишком долго.");
    expect(v.segments).toEqual([
      { speaker: "Interviewer", startMs: 1000, endMs: 4500, textStart: 0, textEnd: 30 },
      { speaker: "P01", startMs: 62250, endMs: 65000, textStart: 31, textEnd: 50 },
    ]);
    const srt =
      "1\r\n00:00:00,500 --> 00:00:02,000\r\n小王: 运费太贵\r\n\r\n2\r\n01:00:00,000 --> 01:00:01,000\r\n没有说话人\r\n";
    const s = await uploaded("session.srt", iconv.encode(srt, "gb18030"));
    expect([s.charset, s.text]).toEqual(["gb18030", "小王: 运费太贵\n没有说话人"]);
    expect(s.segments.map((x) => [x.speaker, x.startMs, x.endMs])).toEqual([
      ["小王", 500, 2000],
      [null, 3_600_000, 3_601_000],
    ]);
  });

  it("refuses malformed subtitles, unknown kinds of file, empty and oversized files, naming the problem", async () => {
    const badTime = "1\n00:00:01,000 -> 00:00:02,000\nHello\n";
    expect(await refused("bad.srt", Buffer.from(badTime))).toEqual({
      status: 400,
      code: "subtitle_bad_timing",
      message: 'line 2 of "bad.srt": expected a time range such as 00:00:01,000 --> 00:00:04,000',
    });
    const backwards = "1\n00:00:05,000 --> 00:00:02,000\nHello\n";
    expect(await refused("back.srt", Buffer.from(backwards))).toMatchObject({ code: "subtitle_time_order" });
    expect(await refused("no-header.vtt", Buffer.from("00:01.000 --> 00:02.000\nHi\n"))).toMatchObject({
      code: "subtitle_no_header",
    });
    expect(await refused("slides.pdf", Buffer.from("%PDF-1.7"))).toMatchObject({ code: "transcript_format" });
    expect(await refused("empty.txt", Buffer.from("  \n\n "))).toMatchObject({ code: "transcript_empty" });
    expect(await refused("binary.txt", Buffer.from([0x41, 0x00, 0x42, 0x00, 0x43]))).toMatchObject({
      code: "transcript_binary",
    });
    expect(await refused("big.txt", Buffer.alloc(3 * 1024 * 1024 + 1, 0x61))).toMatchObject({
      status: 413,
      code: "transcript_too_large",
    });
    const notBase64 = await t.request("POST", `/api/workspaces/${ws.id}/research/notes/upload`, {
      headers: ws.users.editor.headers,
      body: { studyId, fileName: "a.txt", content: "***" },
    });
    expect([notBase64.status, notBase64.body.error?.code]).toEqual([400, "transcript_bad_base64"]);
    // The server is still up.
    expect((await t.request("GET", "/api/health")).status).toBe(200);
  });
});
