import { useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useLocation } from "wouter";
import { Dialog } from "../../app/Dialog.js";
import { FileChooser } from "../../app/FileChooser.js";
import { useSession } from "../../app/SessionProvider.js";
import { useT } from "../../i18n/I18nProvider.js";
import { ErrorNote } from "./ErrorNote.js";
import { previewImport, readImportFile, runImport, type ImportFile, type ImportPreview } from "./exchangeApi.js";
import { ImportPreviewSummary } from "./ImportPreviewSummary.js";
import styles from "./Exchange.module.css";

const ACCEPT = ".json,.ojf,.xlsx,.csv,.tsv,.mmd,.mermaid,.md,.txt,.gz,.zip";

/** Uploads a file, shows what importing it would create and leave out, then creates the map and opens it. */
function ImportDialog({ workspaceId, onClose }: { workspaceId: string; onClose: () => void }) {
  const t = useT();
  const [, navigate] = useLocation();
  const queryClient = useQueryClient();
  const [file, setFile] = useState<ImportFile | undefined>(undefined);
  const [preview, setPreview] = useState<ImportPreview | undefined>(undefined);
  const [busy, setBusy] = useState<"reading" | "creating" | undefined>(undefined);
  const [error, setError] = useState<unknown>(undefined);

  const handleChoose = async (chosen: File | undefined) => {
    setPreview(undefined);
    setError(undefined);
    setFile(undefined);
    if (!chosen) return;
    setBusy("reading");
    try {
      const read = await readImportFile(chosen);
      setPreview(await previewImport(workspaceId, read));
      setFile(read);
    } catch (err) {
      setError(err);
    } finally {
      setBusy(undefined);
    }
  };

  const handleCreate = async () => {
    if (!file) return;
    setBusy("creating");
    setError(undefined);
    try {
      const { mapId } = await runImport(workspaceId, file);
      // The import made a map and maybe personas and touchpoints: every cached list of the workspace is out of date.
      await queryClient.invalidateQueries({ queryKey: ["workspace", workspaceId] });
      onClose();
      navigate(`/maps/${mapId}`);
    } catch (err) {
      setError(err);
      setBusy(undefined);
    }
  };

  return (
    <Dialog title={t("exchange.import.title")} onClose={onClose}>
      <div className={styles.form} data-testid="import-dialog">
        <p className={styles.status}>{t("exchange.import.intro")}</p>
        <FileChooser
          label={t("exchange.import.choose")}
          accept={ACCEPT}
          onChoose={(chosen) => void handleChoose(chosen)}
          testId="import-file"
        />
        {busy === "reading" && (
          <p className={styles.status} role="status">
            {t("exchange.import.reading")}
          </p>
        )}
        {preview && <ImportPreviewSummary preview={preview} />}
        {error !== undefined && <ErrorNote error={error} />}
        <div className={styles.actions}>
          <button type="button" className="btn" onClick={onClose}>
            {t("exchange.cancel")}
          </button>
          <button
            type="button"
            className="btn btn-primary"
            disabled={!file || busy !== undefined}
            onClick={() => void handleCreate()}
            data-testid="import-create"
          >
            {busy === "creating" ? t("exchange.import.creating") : t("exchange.import.create")}
          </button>
        </div>
      </div>
    </Dialog>
  );
}

/** The home screen's "Import a map" button, for people who may create maps in the workspace. */
export function ImportMapButton({ workspaceId }: { workspaceId: string }) {
  const t = useT();
  const { roleIn } = useSession();
  const role = roleIn(workspaceId);
  const [open, setOpen] = useState(false);
  if (role !== "owner" && role !== "editor") return null;
  return (
    <>
      <button type="button" className="btn" onClick={() => setOpen(true)} data-testid="import-map">
        {t("exchange.import.button")}
      </button>
      {open && <ImportDialog workspaceId={workspaceId} onClose={() => setOpen(false)} />}
    </>
  );
}
