import { useLayoutEffect, useState } from "react";
import type * as Y from "yjs";
import { createPresence, type AwarenessLike, type Presence } from "../../../collab/createPresence.js";
import { createLiveMapView } from "../store/createLiveMapView.js";
import type { MapView } from "../store/MapView.js";
import { createMapEditor } from "./createMapEditor.js";
import type { EditRefusal, MapEditor } from "./MapEditor.js";

/** The live parts of an open map: the view the grid reads, the editor that writes, and presence. */
export interface EditorSession {
  view: MapView;
  editor: MapEditor;
  presence: Presence | null;
}

/**
 * Creates the view, editor and presence for a synced document and tears them down when it closes. They are made in an
 * effect (not during render) so React's double mounting in development cannot leave a destroyed one in use — a layout
 * effect, so the grid renders in the same frame instead of one frame later.
 */
export function useEditorSession(
  doc: Y.Doc,
  awareness: AwarenessLike | null,
  me: { id: string; name: string },
  readOnly: boolean,
  onRefused: (r: EditRefusal) => void,
): EditorSession | null {
  const [session, setSession] = useState<EditorSession | null>(null);
  useLayoutEffect(() => {
    const view = createLiveMapView(doc);
    const editor = createMapEditor(doc, view, { readOnly, onRefused });
    const presence = awareness ? createPresence(awareness, me) : null;
    setSession({ view, editor, presence });
    return () => {
      presence?.destroy();
      editor.destroy();
      view.destroy();
    };
    // me is compared by value: a new object with the same user must not rebuild the session.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [doc, awareness, me.id, me.name, readOnly, onRefused]);
  return session;
}
