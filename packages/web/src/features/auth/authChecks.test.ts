import { describe, expect, it } from "vitest";
import { ApiRequestError } from "../../api/apiClient.js";
import { fieldErrors } from "./fieldErrors.js";
import { safeNext } from "./SignInPage.js";
import { checkSignUp } from "./SignUpPage.js";

describe("sign-in and sign-up checks", () => {
  it("returns only to paths inside the app after signing in", () => {
    expect(safeNext("?next=%2Fw%2Fws_1%2Fmaps%2Fm")).toBe("/w/ws_1/maps/m");
    expect(safeNext("?next=https%3A%2F%2Fevil.example")).toBe("/");
    expect(safeNext("?next=%2F%2Fevil.example")).toBe("/");
    expect(safeNext("?next=%2F%5Cevil.example")).toBe("/");
    expect(safeNext("")).toBe("/");
  });

  it("names each sign-up field that is wrong before asking the server", () => {
    expect(checkSignUp({ name: " ", email: "ana@", password: "short" })).toEqual({
      name: "auth.nameRequired",
      email: "auth.emailInvalid",
      password: "auth.passwordRule",
    });
    expect(checkSignUp({ name: "Ana", email: "ana@example.com", password: "long enough!" })).toEqual({});
  });

  it("reads the fields the server named", () => {
    const err = new ApiRequestError(409, "email_taken", "exists", [{ path: "email", message: "already registered" }]);
    expect(fieldErrors(err, ["name", "email", "password"])).toEqual({ email: true });
    expect(fieldErrors(new Error("x"), ["email"])).toEqual({});
  });
});
