import type { AppConfig } from "../config.js";
import type { Db } from "../db/createDb.js";
import type { MapDocumentService } from "./MapDocumentService.js";

/** Placeholder until the durable document store lands. */
export function createMapDocumentService(_deps: { db: Db; config: AppConfig }): MapDocumentService {
  const todo = () => Promise.reject(new Error("map document store not implemented yet"));
  return { create: todo, find: todo, list: todo, readSnapshot: todo, edit: todo, remove: todo, compact: todo };
}
