import { describe, expect, it } from "vitest";
import { z } from "zod";
import { DomainError, fieldError, invalidInput, notFound } from "./DomainError.js";
import { localisedErrorMessage } from "./localiseError.js";

describe("error messages in another language", () => {
  it("sends English exactly as thrown", () => {
    const err = fieldError("personaId", `no persona "p_1" in this workspace`);
    expect(localisedErrorMessage(err, "en")).toBe(`personaId: no persona "p_1" in this workspace`);
  });

  it("rebuilds a sentence from its code, reading the values back from the English one, and keeps the field", () => {
    const err = fieldError("personaId", `no persona "p_1" in this workspace`);
    expect(localisedErrorMessage(err, "ru")).toBe(`personaId: в этом рабочем пространстве нет персоны «p_1»`);
    expect(localisedErrorMessage(notFound("touchpoint rule"), "zh-Hans")).toBe("找不到接触点规则");
  });

  it("names what a refused event file looks like in the reader's language", () => {
    const err = {
      code: "unknown_format",
      message:
        "journey.yaml: the file looks like YAML, which the event import does not read; give the events as CSV, JSON or XES",
    };
    expect(localisedErrorMessage(err, "ru")).toBe(
      "journey.yaml: файл похож на YAML, который импорт событий не читает; дайте события в CSV, JSON или XES",
    );
    const zip = {
      code: "unknown_format",
      message:
        "logs.zip: the ZIP archive holds more than one file (a.csv, b.csv); put the one event file in it alone, or unpack it first",
    };
    expect(localisedErrorMessage(zip, "zh-Hant")).toBe(
      "logs.zip：ZIP 壓縮檔包含不只一個檔案（a.csv、b.csv）；請只放入一個事件檔案，或先解壓縮",
    );
  });

  it("fills the catalogue's sentence from the error's params when it has them", () => {
    const err = new DomainError({
      kind: "conflict",
      code: "email_taken",
      message: "an account with e-mail a@b.test already exists",
      params: { email: "a@b.test" },
    });
    expect(localisedErrorMessage(err, "fa")).toBe("حسابی با ایمیل a@b.test از پیش وجود دارد");
  });

  it("words a schema problem in zod's own words for the language, but keeps a schema's own sentence", () => {
    const parsed = z
      .object({ name: z.string().min(3), url: z.string().refine(() => false, "must be a URL") })
      .safeParse({ name: "x", url: "y" });
    expect(localisedErrorMessage(invalidInput(parsed.error!), "ru")).toBe(
      "name: Слишком маленькое значение: ожидалось, что string будет иметь >=3 символа",
    );
    const own = z.object({ url: z.string().refine(() => false, "must be a URL") }).safeParse({ url: "y" });
    expect(localisedErrorMessage(invalidInput(own.error!), "ru")).toBe("url: запрос неверен (must be a URL)");
  });

  it("puts the code's general sentence before an English one it cannot rebuild", () => {
    const err = new DomainError({ kind: "invalid", code: "invalid_file", message: "sheet 2 has merged cells" });
    expect(localisedErrorMessage(err, "zh-Hant")).toBe("無法讀取檔案 (sheet 2 has merged cells)");
  });
});
