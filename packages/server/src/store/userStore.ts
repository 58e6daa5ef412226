import type { Db } from "../db/createDb.js";

/** An account as the API shows it. */
export interface User {
  id: string;
  email: string;
  name: string;
  locale: string;
}

/** The account with this id (which the caller's session or token vouches for). */
export async function getUser(db: Db, userId: string): Promise<User> {
  return db.kysely.selectFrom("users").select(["id", "email", "name", "locale"]).where("id", "=", userId).executeTakeFirstOrThrow();
}
