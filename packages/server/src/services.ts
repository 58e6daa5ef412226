import type { AppConfig } from "./config.js";
import type { Db } from "./db/createDb.js";
import type { MapDocumentService } from "./store/MapDocumentService.js";

/** Everything a route, command or collaboration hook needs, built once per server. */
export interface Services {
  config: AppConfig;
  db: Db;
  maps: MapDocumentService;
}
