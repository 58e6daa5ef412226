import * as RadixDialog from "@radix-ui/react-dialog";
import { useState, type ReactNode } from "react";
import styles from "./Dialog.module.css";

/**
 * Where focus goes back to when the dialog closes: the element that had it when the dialog opened, or, when that was
 * an entry of a menu or a popover (gone by then, e.g. "Map settings" under "More"), the button that opened it.
 */
function openerOf(active: Element | null): HTMLElement | null {
  const menu = active?.closest("[role=menu]");
  const trigger = menu?.getAttribute("aria-labelledby");
  // A Radix popover is a dialog its button names as what it controls; a dialog of the app is controlled by nothing.
  const popover = active?.closest("[role=dialog][id]");
  const popoverButton = popover
    ? Array.from(document.querySelectorAll("[aria-controls]")).find(
        (b) => b.getAttribute("aria-controls") === popover.id,
      )
    : undefined;
  const opener = trigger ? document.getElementById(trigger) : (popoverButton ?? active);
  return opener instanceof HTMLElement ? opener : null;
}

/**
 * A modal dialog labelled by its title (Radix): Tab stays inside it, Escape or a click on the backdrop closes it, and
 * focus starts on its first field (or on the element marked `data-autofocus`) and returns to the opener afterwards.
 * Callers show it while open and drop it on `onClose`.
 */
export function Dialog({
  title,
  onClose,
  children,
  alert = false,
  testId,
  variant = "centered",
  closeLabel,
}: {
  title: string;
  onClose: () => void;
  children: ReactNode;
  /** A question that interrupts (a confirmation), announced as an alert dialog. */
  alert?: boolean;
  testId?: string;
  /** Centred over the page, or a drawer along the inline end (a panel of settings beside the map). */
  variant?: "centered" | "drawer";
  /** The accessible name of a × button in the corner; without it the dialog closes by its own buttons and Escape. */
  closeLabel?: string;
}) {
  const [opener] = useState(() => openerOf(document.activeElement));
  return (
    <RadixDialog.Root open onOpenChange={(open) => !open && onClose()}>
      <RadixDialog.Portal>
        <RadixDialog.Overlay className={styles.backdrop} />
        <RadixDialog.Content
          className={variant === "drawer" ? styles.drawer : styles.dialog}
          role={alert ? "alertdialog" : "dialog"}
          aria-describedby={undefined}
          data-testid={testId}
          onOpenAutoFocus={(event) => {
            const preferred = (event.currentTarget as HTMLElement | null)?.querySelector<HTMLElement>(
              "[data-autofocus]",
            );
            if (!preferred) return;
            event.preventDefault();
            preferred.focus();
          }}
          onCloseAutoFocus={(event) => {
            event.preventDefault();
            if (opener?.isConnected) opener.focus();
          }}
          // Keys typed in the dialog are the dialog's: the map editor's shortcuts below it must not see them.
          onKeyDown={(event) => event.stopPropagation()}
        >
          <RadixDialog.Title className={styles.title}>{title}</RadixDialog.Title>
          {children}
          {/* Last in the tab order: focus starts on the first field, not on closing. */}
          {closeLabel && (
            <RadixDialog.Close className={styles.close} aria-label={closeLabel}>
              ×
            </RadixDialog.Close>
          )}
        </RadixDialog.Content>
      </RadixDialog.Portal>
    </RadixDialog.Root>
  );
}
