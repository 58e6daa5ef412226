import { describe, expect, it } from "vitest";
import { ApiRequestError } from "../../api/apiClient.js";
import { memberProblemKey } from "./memberProblems.js";

describe("memberProblemKey", () => {
  it("tells a used, an expired and a revoked or mistyped invitation link apart by the API's answer", () => {
    expect(memberProblemKey(new ApiRequestError(409, "invitation_used", "x"))).toBe("members.linkUsed");
    expect(memberProblemKey(new ApiRequestError(410, "invitation_expired", "x"))).toBe("members.linkExpired");
    expect(memberProblemKey(new ApiRequestError(404, "not_found", "x"))).toBe("members.linkInvalid");
    expect(memberProblemKey(new ApiRequestError(403, "forbidden", "x"))).toBe("members.wrongEmail");
  });

  it("explains the last owner's refusal and leaves every other error to the common sentences", () => {
    expect(memberProblemKey(new ApiRequestError(409, "last_owner", "x"))).toBe("members.lastOwner");
    expect(memberProblemKey(new ApiRequestError(409, "email_taken", "x"))).toBeNull();
    expect(memberProblemKey(new ApiRequestError(403, "signup_closed", "x"))).toBeNull();
    expect(memberProblemKey(new Error("boom"))).toBeNull();
  });
});
