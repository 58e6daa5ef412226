import { newId, type Locale } from "@opencjm/core";
import type { Db } from "../db/createDb.js";
import type { UserRow } from "../db/schema.js";
import { hashPassword } from "../auth/passwords.js";
import { DomainError } from "../errors/DomainError.js";

/** Creates an account; e-mails are unique regardless of case. */
export async function createUser(
  db: Db,
  input: { email: string; name: string; password: string; locale?: Locale },
): Promise<UserRow> {
  const email = input.email.trim().toLowerCase();
  const existing = await db.kysely.selectFrom("users").select("id").where("email", "=", email).executeTakeFirst();
  if (existing)
    throw new DomainError({
      kind: "conflict",
      code: "email_taken",
      message: `an account with e-mail ${email} already exists`,
      field: "email",
      details: [{ path: "email", message: "already registered" }],
    });
  const row: UserRow = {
    id: newId("u_"),
    email,
    name: input.name.trim(),
    password_hash: await hashPassword(input.password),
    locale: input.locale ?? "en",
    created_at: new Date().toISOString(),
  };
  await db.kysely.insertInto("users").values(row).execute();
  return row;
}
