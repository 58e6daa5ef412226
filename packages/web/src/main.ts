import { format, pickLocale, UI_LOCALES, type Messages, type UiLocale } from "./i18n/catalogue.js";

interface Session {
  user: { name: string };
  workspaces: Array<{ id: string; name: string; role: string }>;
}

const STORAGE_KEY = "opencjm.locale";

async function loadMessages(locale: UiLocale): Promise<Messages> {
  const res = await fetch(`/i18n/${locale}.json`);
  return (await res.json()) as Messages;
}

function el<K extends keyof HTMLElementTagNameMap>(tag: K, text?: string): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  // textContent only: user content (workspace names) can never become markup.
  if (text !== undefined) node.textContent = text;
  return node;
}

async function render(locale: UiLocale): Promise<void> {
  const messages = await loadMessages(locale);
  const t = (key: string, values?: Record<string, string>) => format(messages, key, values);
  const meta = UI_LOCALES.find((l) => l.code === locale)!;
  document.documentElement.lang = locale;
  document.documentElement.dir = meta.dir;
  document.title = t("app.title");
  const root = document.getElementById("app")!;
  root.replaceChildren();

  const header = el("header");
  header.append(el("h1", t("app.title")), el("p", t("app.tagline")));
  const label = el("label", `${t("home.language")} `);
  const select = el("select");
  select.id = "language";
  for (const l of UI_LOCALES) {
    const option = el("option", l.label);
    option.value = l.code;
    option.selected = l.code === locale;
    select.append(option);
  }
  select.addEventListener("change", () => {
    localStorage.setItem(STORAGE_KEY, select.value);
    void render(select.value as UiLocale);
  });
  label.append(select);
  header.append(label);

  const main = el("main");
  main.append(el("p", t("home.editorComing")));
  const docs = el("a", t("home.apiReference"));
  docs.href = "/api/docs";
  main.append(docs);

  const res = await fetch("/api/auth/session", { credentials: "same-origin" });
  if (res.ok) {
    const session = (await res.json()) as Session;
    main.append(el("p", t("home.signedInAs", { name: session.user.name })), el("h2", t("home.workspaces")));
    if (session.workspaces.length === 0) main.append(el("p", t("home.noWorkspaces")));
    const list = el("ul");
    for (const ws of session.workspaces) list.append(el("li", `${ws.name} (${t(`role.${ws.role}`)})`));
    main.append(list);
  } else {
    main.append(el("p", t("home.notSignedIn")));
  }
  root.append(header, main);
}

void render(pickLocale(localStorage.getItem(STORAGE_KEY), navigator.languages));
