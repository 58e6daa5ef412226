import type { Idea } from "@opencjm/core";

/** An idea as the API answers it, with the fields a test cares about. */
export function ideaFixture(fields: Partial<Idea> & Pick<Idea, "id" | "title">): Idea {
  return {
    workspaceId: "ws",
    description: "",
    ownerId: null,
    ownerName: null,
    tags: [],
    status: "new",
    anchors: [],
    steps: [],
    touchpointIds: [],
    kpiIds: [],
    ice: null,
    iceScore: null,
    rice: null,
    riceScore: null,
    matrix: null,
    history: [],
    shippedAt: null,
    createdBy: "u1",
    createdAt: "2026-12-01T00:00:00.000Z",
    updatedAt: "2026-12-01T00:00:00.000Z",
    ...fields,
  };
}
