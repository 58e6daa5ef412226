import type { ButtonHTMLAttributes } from "react";
import styles from "./Button.module.css";

/** What a button does: the screen's main action, an ordinary one, one that destroys, or a quiet one in a toolbar. */
export type ButtonVariant = "primary" | "secondary" | "danger" | "ghost";

/** The classes of the app's one button family, for a `Link` or a menu button that must look like a `Button`. */
export function buttonClassName(variant: ButtonVariant = "secondary", size: "normal" | "small" = "normal"): string {
  return [styles.button, styles[variant], size === "small" ? styles.small : ""].filter(Boolean).join(" ");
}

/** The app's button: one of four variants in two sizes, `type="button"` unless told otherwise. */
export function Button({
  variant = "secondary",
  size = "normal",
  className,
  type = "button",
  ...props
}: ButtonHTMLAttributes<HTMLButtonElement> & { variant?: ButtonVariant; size?: "normal" | "small" }) {
  const classes = buttonClassName(variant, size);
  return <button type={type} className={className ? `${classes} ${className}` : classes} {...props} />;
}
