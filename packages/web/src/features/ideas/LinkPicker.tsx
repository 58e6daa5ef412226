import * as Popover from "@radix-ui/react-popover";
import { Plus, X } from "lucide-react";
import { useState } from "react";
import { buttonClassName } from "../../app/Button.js";
import { useI18n } from "../../i18n/I18nProvider.js";
import styles from "./LinkPicker.module.css";

/** One thing that can be linked: its key, its name, and where it sits (a stage, a channel) to tell twins apart. */
export interface LinkChoice {
  key: string;
  label: string;
  hint?: string;
}

/**
 * A list of linked things shown as removable chips, and an "Add" button opening a searchable list of the rest
 * (a Radix popover: Escape or a click outside closes it). Keys chosen earlier that are no longer offered keep the
 * label the caller knows them by, so a link to something removed from the map can still be seen and removed.
 */
export function LinkPicker({
  label,
  choices,
  selected,
  labelOf,
  disabled,
  onChange,
}: {
  label: string;
  choices: readonly LinkChoice[];
  selected: readonly string[];
  /** The label of a selected key that is not among the choices. */
  labelOf: (key: string) => string;
  disabled: boolean;
  onChange: (next: string[]) => void;
}) {
  const { t, dir } = useI18n();
  const [open, setOpen] = useState(false);
  const [search, setSearch] = useState("");
  const byKey = new Map(choices.map((c) => [c.key, c]));
  const needle = search.trim().toLocaleLowerCase();
  const offered = choices.filter(
    (c) =>
      !selected.includes(c.key) && (needle === "" || `${c.label} ${c.hint ?? ""}`.toLocaleLowerCase().includes(needle)),
  );
  const pick = (key: string) => {
    onChange([...selected, key]);
    setSearch("");
    setOpen(false);
  };

  return (
    <fieldset className={styles.picker}>
      <legend>{label}</legend>
      <ul className={styles.chips} aria-label={label}>
        {selected.length === 0 && <li className={styles.none}>{t("ideas.pick.none")}</li>}
        {selected.map((key) => {
          const name = byKey.get(key)?.label ?? labelOf(key);
          return (
            <li key={key} className={styles.chip}>
              <bdi>{name}</bdi>
              {!disabled && (
                <button
                  type="button"
                  className={styles.remove}
                  aria-label={t("ideas.pick.remove", { label: name })}
                  onClick={() => onChange(selected.filter((k) => k !== key))}
                >
                  <X size={12} aria-hidden="true" />
                </button>
              )}
            </li>
          );
        })}
      </ul>
      {!disabled && (
        <Popover.Root
          open={open}
          onOpenChange={(next) => {
            setOpen(next);
            if (!next) setSearch("");
          }}
        >
          <Popover.Trigger className={buttonClassName("ghost", "small")}>
            <Plus size={14} aria-hidden="true" /> {t("ideas.pick.add", { what: label })}
          </Popover.Trigger>
          <Popover.Content
            className={styles.panel}
            align="start"
            sideOffset={4}
            collisionPadding={8}
            dir={dir}
            aria-label={t("ideas.pick.add", { what: label })}
          >
            <input
              type="search"
              className={styles.search}
              value={search}
              dir="auto"
              aria-label={t("ideas.pick.search")}
              placeholder={t("ideas.pick.search")}
              onChange={(e) => setSearch(e.target.value)}
              onKeyDown={(e) => {
                // Enter picks the only match rather than submitting the idea's form.
                if (e.key !== "Enter") return;
                e.preventDefault();
                if (offered.length === 1) pick(offered[0]!.key);
              }}
            />
            {offered.length === 0 ? (
              <p className={styles.none}>{choices.length === 0 ? t("ideas.pick.empty") : t("ideas.pick.noMatch")}</p>
            ) : (
              <ul className={styles.options}>
                {offered.map((c) => (
                  <li key={c.key}>
                    <button type="button" className={styles.option} onClick={() => pick(c.key)}>
                      <bdi>{c.label}</bdi>
                      {c.hint && (
                        <span className={styles.hint}>
                          <bdi>{c.hint}</bdi>
                        </span>
                      )}
                    </button>
                  </li>
                ))}
              </ul>
            )}
          </Popover.Content>
        </Popover.Root>
      )}
    </fieldset>
  );
}
