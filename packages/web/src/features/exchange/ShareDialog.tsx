import { useCallback, useEffect, useState } from "react";
import { Dialog } from "../../app/Dialog.js";
import { useI18n } from "../../i18n/I18nProvider.js";
import { CopyField } from "./CopyField.js";
import { ErrorNote } from "./ErrorNote.js";
import { createShareLink, listShareLinks, revokeShareLink, type ShareLink } from "./exchangeApi.js";
import styles from "./Exchange.module.css";

const EXPIRY_DAYS = { never: 0, day: 1, week: 7, month: 30 } as const;
type Expiry = keyof typeof EXPIRY_DAYS;

/** The `<iframe>` that embeds a shared map in another page; the title is escaped as an attribute value. */
export function embedSnippet(embedUrl: string, title: string): string {
  const attr = (s: string) =>
    s.replaceAll("&", "&amp;").replaceAll('"', "&quot;").replaceAll("<", "&lt;").replaceAll(">", "&gt;");
  return `<iframe src="${attr(embedUrl)}" title="${attr(title)}" width="100%" height="600" style="border:0" loading="lazy"></iframe>`;
}

/** Creates read-only links to a map (shown once, with an embed snippet), lists them and revokes them. */
export function ShareDialog({
  workspaceId,
  mapId,
  onClose,
}: {
  workspaceId: string;
  mapId: string;
  onClose: () => void;
}) {
  const { t, formatDate, formatRelative } = useI18n();
  const [links, setLinks] = useState<ShareLink[] | undefined>(undefined);
  const [label, setLabel] = useState("");
  const [expiry, setExpiry] = useState<Expiry>("never");
  const [created, setCreated] = useState<{ url: string; embedUrl: string } | undefined>(undefined);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(undefined);
  const [notice, setNotice] = useState("");

  const reload = useCallback(() => {
    listShareLinks(workspaceId, mapId).then(setLinks, setError);
  }, [workspaceId, mapId]);
  useEffect(reload, [reload]);

  const handleCreate = async () => {
    setBusy(true);
    setError(undefined);
    try {
      const days = EXPIRY_DAYS[expiry];
      const expiresAt = days ? new Date(Date.now() + days * 86_400_000).toISOString() : null;
      const result = await createShareLink(workspaceId, mapId, { label: label.trim(), expiresAt });
      const origin = window.location.origin;
      setCreated({ url: origin + result.url, embedUrl: origin + result.embedUrl });
      setLabel("");
      setNotice("");
      reload();
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };

  const handleRevoke = async (link: ShareLink) => {
    setError(undefined);
    try {
      await revokeShareLink(workspaceId, mapId, link.id);
      setNotice(t("exchange.share.revoked"));
      reload();
    } catch (err) {
      setError(err);
    }
  };

  return (
    <Dialog title={t("exchange.share.title")} onClose={onClose}>
      <div className={styles.form} data-testid="share-dialog">
        <p className={styles.status}>{t("exchange.share.intro")}</p>
        <form
          className={styles.form}
          onSubmit={(e) => {
            e.preventDefault();
            void handleCreate();
          }}
        >
          <div className={styles.row}>
            <label className="field">
              {t("exchange.share.label")}
              <input
                className="input"
                value={label}
                maxLength={120}
                onChange={(e) => setLabel(e.target.value)}
                data-testid="share-label"
              />
            </label>
            <label className="field">
              {t("exchange.share.expiry")}
              <select
                className="input"
                value={expiry}
                onChange={(e) => setExpiry(e.target.value as Expiry)}
                data-testid="share-expiry"
              >
                {(Object.keys(EXPIRY_DAYS) as Expiry[]).map((k) => (
                  <option key={k} value={k}>
                    {t(`exchange.expiry.${k}`)}
                  </option>
                ))}
              </select>
            </label>
          </div>
          <div className={styles.actions}>
            <button type="submit" className="btn btn-primary" disabled={busy} data-testid="share-create">
              {t("exchange.share.create")}
            </button>
          </div>
        </form>
        {created && (
          <>
            <p className={styles.status} role="status">
              {t("exchange.share.created")}
            </p>
            <CopyField label={t("exchange.share.link")} value={created.url} testId="share-url" />
            <CopyField
              label={t("exchange.share.embed")}
              value={embedSnippet(created.embedUrl, t("exchange.share.embedTitle"))}
              multiline
              testId="share-embed"
            />
          </>
        )}
        {error !== undefined && <ErrorNote error={error} />}
        {notice && (
          <p className={styles.status} role="status">
            {notice}
          </p>
        )}
        <h3 className={styles.section}>{t("exchange.share.existing")}</h3>
        {links?.length === 0 && <p className={styles.muted}>{t("exchange.share.none")}</p>}
        <ul className={styles.links} data-testid="share-links">
          {links?.map((link) => (
            <li key={link.id} className={styles.link} data-testid="share-link">
              <span className={styles.linkText}>
                <bdi>{link.label || t("exchange.share.untitled")}</bdi>
                <span className={styles.linkMeta}>
                  {link.expiresAt
                    ? t("exchange.share.expiresOn", { date: formatDate(link.expiresAt) })
                    : t("exchange.share.neverExpires")}
                  {" · "}
                  {link.lastUsedAt
                    ? t("exchange.share.lastUsed", { when: formatRelative(link.lastUsedAt) })
                    : t("exchange.share.neverUsed")}
                </span>
              </span>
              {link.expired && <span className="badge badge-warning">{t("exchange.share.expiredBadge")}</span>}
              <button
                type="button"
                className="btn btn-small btn-danger"
                onClick={() => void handleRevoke(link)}
                data-testid="share-revoke"
              >
                {t("exchange.share.revoke")}
              </button>
            </li>
          ))}
        </ul>
        <div className={styles.actions}>
          <button type="button" className="btn" onClick={onClose}>
            {t("exchange.close")}
          </button>
        </div>
      </div>
    </Dialog>
  );
}
