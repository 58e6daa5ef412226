import { useLocation } from "wouter";
import { useT } from "../i18n/I18nProvider.js";
import { Menu, MenuItem, MenuNote, MenuSeparator } from "./Menu.js";
import { useSession } from "./SessionProvider.js";
import styles from "./AppShell.module.css";

/** The signed-in user's name; opens their e-mail and sign-out. */
export function UserMenu() {
  const t = useT();
  const { session, signOut } = useSession();
  const [, navigate] = useLocation();
  if (!session) return null;
  return (
    <Menu
      testId="user-menu"
      label={
        <span className={styles.user}>
          <span className={styles.initial} aria-hidden="true">
            {[...session.user.name.trim()][0]?.toLocaleUpperCase() ?? "?"}
          </span>
          <bdi>{session.user.name}</bdi>
        </span>
      }
    >
      <MenuNote>
        <bdi>{session.user.email}</bdi>
      </MenuNote>
      <MenuSeparator />
      <MenuItem
        testId="sign-out"
        onSelect={async () => {
          await signOut();
          navigate("~/signin", { replace: true });
        }}
      >
        {t("auth.signOut")}
      </MenuItem>
    </Menu>
  );
}
