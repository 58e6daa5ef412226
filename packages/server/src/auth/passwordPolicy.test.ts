import { describe, expect, it } from "vitest";
import { passwordWeakness, requireStrongPassword } from "./passwordPolicy.js";
import { DomainError } from "../errors/DomainError.js";
import { apiErrorOf } from "../http/errorHandling.js";

const ana = { email: "ana.lima@example.com", name: "Ana Lima" };

describe("password policy", () => {
  it("refuses passwords from the breached and common passwords list", () => {
    for (const password of ["password123456", "iloveyou12345", "qwertyuiop1", "1234567890"]) {
      expect([password, passwordWeakness(password, ana)]).toEqual([
        password,
        expect.stringMatching(/common or breached|too easy to guess/),
      ]);
    }
    expect(passwordWeakness("password123456", ana)).toMatch(/common or breached/);
  });

  it("refuses a password built on the person's e-mail or name", () => {
    expect(passwordWeakness("ana.lima@example.com", ana)).toMatch(/e-mail address or name/);
    expect(passwordWeakness("Ana.Lima.2024!", ana)).toMatch(/e-mail address or name/);
    expect(passwordWeakness("mylimapassword", ana)).toMatch(/e-mail address or name/);
  });

  it("refuses keyboard patterns and repetitions", () => {
    expect(passwordWeakness("aaaaaaaaaaaa", ana)).toBeDefined();
    expect(passwordWeakness("asdfghjkl;'", ana)).toBeDefined();
  });

  it("accepts a few unrelated words or a long random string", () => {
    expect(passwordWeakness("correct horse battery staple", ana)).toBeUndefined();
    expect(passwordWeakness("q7#Rv!2mZp@x", ana)).toBeUndefined();
  });

  it("names the field in a 400 weak_password error", () => {
    let error: unknown;
    try {
      requireStrongPassword("password123456", ana, "newPassword");
    } catch (err) {
      error = err;
    }
    expect(error).toBeInstanceOf(DomainError);
    expect(apiErrorOf(error as DomainError)).toMatchObject({
      status: 400,
      code: "weak_password",
      issues: [{ path: "newPassword" }],
    });
  });
});
