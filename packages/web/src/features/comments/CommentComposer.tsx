import * as Popover from "@radix-ui/react-popover";
import { COMMENT_TEXT_MAX, type CommentBodyInput, type MemberInfo } from "@opencjm/core";
import { useId, useMemo, useRef, useState, type ChangeEvent, type FormEvent, type KeyboardEvent } from "react";
import { useT } from "../../i18n/I18nProvider.js";
import { useCommentError } from "./useCommentError.js";
import styles from "./Comments.module.css";

const MAX_SUGGESTIONS = 8;

/** The `@word` being typed right before the caret, if any (a mention starts the text or follows a space). */
function mentionQuery(text: string, caret: number): { query: string; start: number } | null {
  const match = /(^|\s)@([^\s@]{0,40})$/.exec(text.slice(0, caret));
  return match ? { query: match[2]!, start: caret - match[2]!.length - 1 } : null;
}

/**
 * Where a comment is written: plain text, with suggestions of the workspace's members by name or e-mail while an
 * `@name` is typed (arrows and Enter pick one, Escape closes them). A picked member is sent as a mention as long as
 * their `@Name` is still in the text.
 */
export function CommentComposer({
  members,
  label,
  submitLabel,
  initial,
  onSubmit,
  onCancel,
  autoFocus = false,
}: {
  members: readonly MemberInfo[];
  label: string;
  submitLabel: string;
  initial?: { text: string; mentions: ReadonlyArray<{ userId: string; name: string }> };
  onSubmit: (body: CommentBodyInput) => Promise<unknown>;
  onCancel?: () => void;
  autoFocus?: boolean;
}) {
  const t = useT();
  const errorOf = useCommentError();
  const listId = useId();
  const inputRef = useRef<HTMLTextAreaElement>(null);
  const [text, setText] = useState(initial?.text ?? "");
  const [picked, setPicked] = useState(() => new Map(initial?.mentions.map((m) => [m.userId, m.name])));
  const [typing, setTyping] = useState<{ query: string; start: number } | null>(null);
  const [active, setActive] = useState(0);
  const [sending, setSending] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);

  const suggestions = useMemo(() => {
    if (!typing) return [];
    const q = typing.query.toLocaleLowerCase();
    return members
      .filter((m) => m.name.toLocaleLowerCase().includes(q) || m.email.toLocaleLowerCase().includes(q))
      .slice(0, MAX_SUGGESTIONS);
  }, [members, typing]);
  const open = suggestions.length > 0;

  const onChange = (e: ChangeEvent<HTMLTextAreaElement>) => {
    setText(e.target.value);
    setTyping(mentionQuery(e.target.value, e.target.selectionStart));
    setActive(0);
    setProblem(null);
  };
  const pick = (member: MemberInfo) => {
    if (!typing) return;
    const caret = typing.start + 1 + typing.query.length;
    const inserted = `@${member.name} `;
    const next = text.slice(0, typing.start) + inserted + text.slice(caret);
    setText(next);
    setPicked((p) => new Map(p).set(member.userId, member.name));
    setTyping(null);
    const at = typing.start + inserted.length;
    requestAnimationFrame(() => {
      inputRef.current?.focus();
      inputRef.current?.setSelectionRange(at, at);
    });
  };
  const submit = async (e?: FormEvent) => {
    e?.preventDefault();
    if (!text.trim() || sending) return;
    const mentions = [...picked].filter(([, name]) => text.includes(`@${name}`)).map(([id]) => id);
    setSending(true);
    try {
      await onSubmit({ text, mentions });
      setText("");
      setPicked(new Map());
      setProblem(null);
    } catch (err) {
      setProblem(errorOf(err));
    } finally {
      setSending(false);
    }
  };
  const onKeyDown = (e: KeyboardEvent<HTMLTextAreaElement>) => {
    if (open && (e.key === "ArrowDown" || e.key === "ArrowUp")) {
      e.preventDefault();
      setActive((i) => (i + (e.key === "ArrowDown" ? 1 : suggestions.length - 1)) % suggestions.length);
    } else if (open && (e.key === "Enter" || e.key === "Tab")) {
      e.preventDefault();
      pick(suggestions[active] ?? suggestions[0]!);
    } else if (open && e.key === "Escape") {
      e.preventDefault();
      e.stopPropagation();
      setTyping(null);
    } else if (e.key === "Enter" && (e.ctrlKey || e.metaKey)) {
      e.preventDefault();
      void submit();
    } else if (e.key === "Escape" && onCancel) {
      e.stopPropagation();
      onCancel();
    }
  };

  return (
    <form className={styles.composer} onSubmit={submit}>
      <Popover.Root open={open} onOpenChange={(o) => !o && setTyping(null)}>
        <Popover.Anchor asChild>
          <textarea
            ref={inputRef}
            className={styles.input}
            aria-label={label}
            placeholder={label}
            dir="auto"
            rows={3}
            maxLength={COMMENT_TEXT_MAX}
            value={text}
            autoFocus={autoFocus}
            role="combobox"
            aria-autocomplete="list"
            aria-expanded={open}
            aria-controls={open ? listId : undefined}
            aria-activedescendant={open ? `${listId}-${active}` : undefined}
            onChange={onChange}
            onKeyDown={onKeyDown}
            onBlur={() => setTyping(null)}
          />
        </Popover.Anchor>
        <Popover.Portal>
          <Popover.Content
            className={styles.suggestions}
            side="bottom"
            align="start"
            sideOffset={4}
            // Typing goes on in the text box: the list never takes the focus.
            onOpenAutoFocus={(e) => e.preventDefault()}
            onCloseAutoFocus={(e) => e.preventDefault()}
          >
            <ul id={listId} role="listbox" aria-label={t("comments.composer.suggestions")}>
              {suggestions.map((member, index) => (
                <li
                  key={member.userId}
                  id={`${listId}-${index}`}
                  role="option"
                  aria-selected={index === active}
                  className={styles.suggestion}
                  // Before the text box loses focus (which closes the list).
                  onMouseDown={(e) => {
                    e.preventDefault();
                    pick(member);
                  }}
                >
                  <span dir="auto">{member.name}</span>
                  <span className={styles.email} dir="ltr">
                    {member.email}
                  </span>
                </li>
              ))}
            </ul>
          </Popover.Content>
        </Popover.Portal>
      </Popover.Root>
      {problem && (
        <p className={styles.problem} role="alert">
          {problem}
        </p>
      )}
      <div className={styles.actions}>
        {onCancel && (
          <button type="button" className="btn btn-small" onClick={onCancel}>
            {t("comments.action.cancel")}
          </button>
        )}
        <button type="submit" className="btn btn-small btn-primary" disabled={!text.trim() || sending}>
          {submitLabel}
        </button>
      </div>
    </form>
  );
}
