import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { z } from "zod";
import { prefetchGet } from "./api/apiClient.js";
import { prefetchSession } from "./api/sessionApi.js";
import { preconnectMap } from "./collab/openMapConnection.js";
import { App, preloadScreen } from "./app/App.js";
import { storedLocale } from "./i18n/I18nProvider.js";
import { pickLocale } from "./i18n/locales.js";
import { loadMessages } from "./i18n/messages.js";
import "./styles/global.css";

// zod's compiled parsers probe `new Function`, which the Content-Security-Policy forbids; the interpreter is enough here.
z.config({ jitless: true });

// Everything the first screen needs starts loading at once instead of one after another.
void loadMessages(pickLocale(storedLocale(), navigator.languages)).catch(() => undefined);
if (!window.location.pathname.match(/^\/(share|embed|print)\//)) prefetchSession();
preloadScreen(window.location.pathname);
const editing = /^\/w\/([^/]+)\/maps\/([^/]+)\/?$/.exec(window.location.pathname);
if (editing) {
  preconnectMap(decodeURIComponent(editing[2]!));
  const base = `/api/workspaces/${editing[1]}`;
  prefetchGet([`${base}/maps`, `${base}/personas`, `${base}/touchpoints`, `${base}/channels`]);
}

createRoot(document.getElementById("root")!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
