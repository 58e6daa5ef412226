import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { z } from "zod";
import { prefetchSession } from "./api/sessionApi.js";
import { channelListQuery, mapListQuery, personaListQuery, touchpointListQuery } from "./api/workspaceQueries.js";
import { preconnectMap } from "./collab/openMapConnection.js";
import { App, preloadScreen } from "./app/App.js";
import { appQueryClient } from "./app/queryClient.js";
import { storedLocale } from "./i18n/I18nProvider.js";
import { pickLocale } from "./i18n/locales.js";
import { loadMessages } from "./i18n/messages.js";
import "./styles/global.css";

// zod's compiled parsers probe `new Function`, which the Content-Security-Policy forbids; the interpreter is enough here.
z.config({ jitless: true });

// Everything the first screen needs starts loading at once instead of one after another.
const locale = pickLocale(storedLocale(), navigator.languages);
void loadMessages(locale).catch(() => undefined);
// The server preloads this language's catalogue in the next page it sends (web/cataloguePreload.ts), so it downloads
// beside the first scripts instead of after them. A preference only: no session, sent over HTTPS where the app is.
document.cookie = `cjm_locale=${locale}; path=/; max-age=31536000; samesite=lax${location.protocol === "https:" ? "; secure" : ""}`;
if (!window.location.pathname.match(/^\/(share|embed|print)\//)) prefetchSession();
preloadScreen(window.location.pathname);
const editing = /^\/w\/([^/]+)\/maps\/([^/]+)\/?$/.exec(window.location.pathname);
if (editing) {
  preconnectMap(decodeURIComponent(editing[2]!));
  // The editor's first queries start now and land in the app's cache, where the editor finds them (asked once).
  const workspaceId = decodeURIComponent(editing[1]!);
  void appQueryClient.prefetchQuery(mapListQuery(workspaceId));
  void appQueryClient.prefetchQuery(personaListQuery(workspaceId));
  void appQueryClient.prefetchQuery(touchpointListQuery(workspaceId));
  void appQueryClient.prefetchQuery(channelListQuery(workspaceId));
}

createRoot(document.getElementById("root")!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
