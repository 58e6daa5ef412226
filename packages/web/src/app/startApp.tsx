import "./zodWithoutEval.js";
import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { App, preloadScreen } from "./App.js";

// Imported by main.tsx once the page's first requests are on the wire: this module's graph (React DOM, the router,
// every screen's shell) is most of what a first visit downloads and compiles, and compiling it no longer holds them.
preloadScreen(window.location.pathname);
createRoot(document.getElementById("root")!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
