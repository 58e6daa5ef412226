/** Where the language chosen on this device is remembered. */
export const LOCALE_STORAGE_KEY = "opencjm.locale";

/** The language remembered on this device, if any (read by the page's entry before the app has loaded). */
export function storedLocale(): string | null {
  try {
    return localStorage.getItem(LOCALE_STORAGE_KEY);
  } catch {
    return null;
  }
}
