import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { Dialog } from "../../app/Dialog.js";
import { useI18n } from "../../i18n/I18nProvider.js";
import { CopyField } from "./CopyField.js";
import { ErrorNote } from "./ErrorNote.js";
import { createShareLink, revokeShareLink, type ShareLink } from "./exchangeApi.js";
import styles from "./Exchange.module.css";
import { shareLinkListQuery, shareLinksKey } from "./shareLinkQueries.js";

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
  const queryClient = useQueryClient();
  const links = useQuery(shareLinkListQuery(workspaceId, mapId));
  const [label, setLabel] = useState("");
  const [expiry, setExpiry] = useState<Expiry>("never");
  // Research is for members: a link shows it only when the sharer says so, each time.
  const [includeResearch, setIncludeResearch] = useState(false);
  const [created, setCreated] = useState<{ url: string; embedUrl: string } | undefined>(undefined);
  const [notice, setNotice] = useState("");
  const reloadLinks = () => queryClient.invalidateQueries({ queryKey: shareLinksKey(workspaceId, mapId) });

  const create = useMutation({
    mutationFn: () => {
      const days = EXPIRY_DAYS[expiry];
      const expiresAt = days ? new Date(Date.now() + days * 86_400_000).toISOString() : null;
      return createShareLink(workspaceId, mapId, { label: label.trim(), expiresAt, includeResearch });
    },
    onSuccess: (result) => {
      const origin = window.location.origin;
      setCreated({ url: origin + result.url, embedUrl: origin + result.embedUrl });
      setLabel("");
      setIncludeResearch(false);
      setNotice("");
      return reloadLinks();
    },
  });
  const revoke = useMutation({
    mutationFn: (link: ShareLink) => revokeShareLink(workspaceId, mapId, link.id),
    onSuccess: () => {
      setNotice(t("exchange.share.revoked"));
      return reloadLinks();
    },
  });
  // The last action's failure, else the list's: one note, as before.
  const error = create.error ?? revoke.error ?? links.error;

  return (
    <Dialog title={t("exchange.share.title")} onClose={onClose}>
      <div className={styles.form} data-testid="share-dialog">
        <p className={styles.status}>{t("exchange.share.intro")}</p>
        <form
          className={styles.form}
          onSubmit={(e) => {
            e.preventDefault();
            revoke.reset();
            create.mutate();
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
          <label className={styles.check}>
            <input
              type="checkbox"
              checked={includeResearch}
              onChange={(e) => setIncludeResearch(e.target.checked)}
              data-testid="share-research"
            />
            {t("exchange.share.includeResearch")}
          </label>
          <div className={styles.actions}>
            <button type="submit" className="btn btn-primary" disabled={create.isPending} data-testid="share-create">
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
        {error && <ErrorNote error={error} />}
        {notice && (
          <p className={styles.status} role="status">
            {notice}
          </p>
        )}
        <h3 className={styles.section}>{t("exchange.share.existing")}</h3>
        {links.data?.length === 0 && <p className={styles.muted}>{t("exchange.share.none")}</p>}
        <ul className={styles.links} data-testid="share-links">
          {links.data?.map((link) => (
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
              {link.includeResearch && (
                <span className="badge" data-testid="share-research-badge">
                  {t("exchange.share.researchAppendix")}
                </span>
              )}
              {link.expired && <span className="badge badge-warning">{t("exchange.share.expiredBadge")}</span>}
              <button
                type="button"
                className="btn btn-small btn-danger"
                onClick={() => {
                  create.reset();
                  revoke.mutate(link);
                }}
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
