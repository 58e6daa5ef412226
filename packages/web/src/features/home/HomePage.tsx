import { useEffect, useState } from "react";
import { Link } from "wouter";
import { api } from "../../api/apiClient.js";
import { useT } from "../../i18n/I18nProvider.js";

interface MapSummary {
  id: string;
  title: string;
  type: string;
  status: string;
  updatedAt: string;
}

/** The workspace's maps (placeholder until the full home screen lands). */
export default function HomePage({ workspaceId }: { workspaceId: string }) {
  const t = useT();
  const [maps, setMaps] = useState<MapSummary[] | null>(null);
  useEffect(() => {
    void api.get<MapSummary[]>(`/api/workspaces/${workspaceId}/maps`).then(setMaps, () => setMaps([]));
  }, [workspaceId]);
  if (!maps) return null;
  return (
    <ul>
      {maps.map((m) => (
        <li key={m.id}>
          <Link href={`/maps/${m.id}`}>{m.title}</Link> — {t(`common.mapType.${m.type}`)}
        </li>
      ))}
    </ul>
  );
}
