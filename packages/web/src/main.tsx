import { prefetchSession } from "./api/sessionApi.js";
import { channelListQuery, mapListQuery, personaListQuery, touchpointListQuery } from "./api/workspaceQueries.js";
import { preconnectMap } from "./collab/openMapConnection.js";
import { appQueryClient } from "./app/queryClient.js";
import { storedLocale } from "./i18n/storedLocale.js";
import { pickLocale } from "./i18n/locales.js";
import { loadMessages } from "./i18n/messages.js";
import "./styles/global.css";

// The page's first requests (session, catalogue, the map's socket and lists) start here, in a small entry that
// imports only what they need; the app itself (startApp.tsx) is imported after them, so its download and compilation
// (most of a first visit's main-thread time) overlap the round trips instead of preceding them.
const locale = pickLocale(storedLocale(), navigator.languages);
void loadMessages(locale).catch(() => undefined);
// The server preloads this language's catalogue in the next page it sends (web/cataloguePreload.ts), so it downloads
// beside the first scripts instead of after them. A preference only: no session, sent over HTTPS where the app is.
document.cookie = `cjm_locale=${locale}; path=/; max-age=31536000; samesite=lax${location.protocol === "https:" ? "; secure" : ""}`;
if (!window.location.pathname.match(/^\/(share|embed|print)\//)) prefetchSession();
const editing = /^\/w\/([^/]+)\/maps\/([^/]+)\/?$/.exec(window.location.pathname);
if (editing) {
  const workspaceId = decodeURIComponent(editing[1]!);
  preconnectMap(workspaceId, decodeURIComponent(editing[2]!));
  // The editor's first queries start now and land in the app's cache, where the editor finds them (asked once).
  void appQueryClient.prefetchQuery(mapListQuery(workspaceId));
  void appQueryClient.prefetchQuery(personaListQuery(workspaceId));
  void appQueryClient.prefetchQuery(touchpointListQuery(workspaceId));
  void appQueryClient.prefetchQuery(channelListQuery(workspaceId));
}

void import("./app/startApp.js");
