import { useState } from "react";
import { Link } from "wouter";
import { useT } from "../i18n/I18nProvider.js";
import { CreateWorkspaceForm } from "./CreateWorkspaceForm.js";
import { Dialog } from "./Dialog.js";
import { Menu } from "./Menu.js";
import { useSession } from "./SessionProvider.js";
import styles from "./AppShell.module.css";

/** The current workspace's name; opens the list of the user's workspaces and a way to create one. */
export function WorkspaceSwitcher({ workspaceId }: { workspaceId: string }) {
  const t = useT();
  const { session } = useSession();
  const [creating, setCreating] = useState(false);
  const workspaces = session?.workspaces ?? [];
  const current = workspaces.find((w) => w.id === workspaceId);
  return (
    <>
      <Menu
        align="start"
        testId="workspace-switcher"
        label={
          <span className={styles.workspace}>
            <span className="visually-hidden">{t("shell.workspace")}: </span>
            <bdi>{current?.name ?? t("shell.workspace")}</bdi>
          </span>
        }
      >
        {(close) => (
          <>
            <p>{t("shell.yourWorkspaces")}</p>
            {workspaces.map((w) => (
              <Link
                key={w.id}
                href={`~/w/${w.id}`}
                onClick={close}
                aria-current={w.id === workspaceId ? "page" : undefined}
              >
                <bdi>{w.name}</bdi>
                <span className="badge">{t(`common.role.${w.role}`)}</span>
              </Link>
            ))}
            <hr />
            <Link href={`~/w/${workspaceId}/members`} onClick={close} data-testid="workspace-members">
              {t("members.nav")}
            </Link>
            <button
              type="button"
              onClick={() => {
                close();
                setCreating(true);
              }}
            >
              + {t("shell.createWorkspace")}
            </button>
          </>
        )}
      </Menu>
      {creating && (
        <Dialog title={t("shell.createWorkspace")} onClose={() => setCreating(false)}>
          <CreateWorkspaceForm onCancel={() => setCreating(false)} />
        </Dialog>
      )}
    </>
  );
}
