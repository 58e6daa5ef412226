import type { Card } from "@opencjm/core";
import type { CardSave } from "../CardView.js";
import { useDraftField, type DraftField } from "./useDraftField.js";
import { formatNumberForInput, parseLocaleNumber } from "./parseLocaleNumber.js";
import type { UiLocale } from "../../../i18n/locales.js";

function fieldValue(card: Card, field: string): unknown {
  return (card as Record<string, unknown>)[field];
}

/** A draft bound to a text field of a card. */
export function useCardText(card: Card, field: string, save: CardSave): DraftField {
  const value = fieldValue(card, field);
  return useDraftField(`${card.id}:${field}`, typeof value === "string" ? value : "", (text) =>
    save({ [field]: text }),
  );
}

/**
 * A draft bound to an optional number field of a card, typed in the user's locale (Persian digits, a decimal comma);
 * an empty field clears the number.
 */
export function useCardNumber(card: Card, field: string, save: CardSave, locale: UiLocale): DraftField {
  const value = fieldValue(card, field);
  const stored = typeof value === "number" ? formatNumberForInput(value, locale) : "";
  return useDraftField(`${card.id}:${field}`, stored, (text) => {
    if (text.trim() === "") return save({ [field]: undefined });
    const parsed = parseLocaleNumber(text, locale);
    return parsed === null ? { field, code: "notNumber" } : save({ [field]: parsed });
  });
}
