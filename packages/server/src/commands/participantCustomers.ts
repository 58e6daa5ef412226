import { findCustomerByIdentifier } from "@opencjm/analytics";
import type { IdentifierKind, Participant } from "@opencjm/core";
import type { Services } from "../services.js";

// Attribute names that hold an identifier of the participant as a customer (lower case, without spaces or dashes).
const ATTRIBUTE_KINDS: Record<string, IdentifierKind> = {
  customerid: "customerId",
  customer: "customerId",
  clientid: "customerId",
  email: "email",
  phone: "phone",
};

/** The identifiers a participant's record gives: personal e-mail and phone, and identifier-like attributes. */
function identifiersOf(participant: Participant): Array<{ kind: IdentifierKind; value: string }> {
  const found: Array<{ kind: IdentifierKind; value: string }> = [];
  if (participant.personal.email.trim()) found.push({ kind: "email", value: participant.personal.email });
  if (participant.personal.phone.trim()) found.push({ kind: "phone", value: participant.personal.phone });
  for (const [name, value] of Object.entries(participant.attributes)) {
    const kind = ATTRIBUTE_KINDS[name.toLowerCase().replace(/[\s_-]/g, "")];
    if (kind && value.trim()) found.push({ kind, value });
  }
  return found;
}

/**
 * The customers (of the workspace's customer data) the participants are, found through their e-mail, phone or a
 * customer id attribute, so the survey answers joined to those customers can be erased with them. The event
 * database is only opened when some survey answer is joined to a customer at all.
 */
export async function customersOfParticipants(
  services: Services,
  workspaceId: string,
  participants: Participant[],
): Promise<number[]> {
  const identifiers = participants.flatMap(identifiersOf);
  if (identifiers.length === 0) return [];
  const joined = await services.db.kysely
    .selectFrom("research_survey_answers")
    .select("customer_id")
    .where("workspace_id", "=", workspaceId)
    .where("customer_id", "is not", null)
    .limit(1)
    .executeTakeFirst();
  if (!joined) return [];
  const { connection } = await services.analytics.open(workspaceId);
  const customers = new Set<number>();
  for (const { kind, value } of identifiers) {
    const id = await findCustomerByIdentifier(connection, kind, value);
    if (id !== undefined) customers.add(Number(id));
  }
  return [...customers];
}
