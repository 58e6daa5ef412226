/** Stub: the "import a map" button of the home screen (owned by the exchange feature). */
export function ImportMapButton(_props: { workspaceId: string }) {
  return null;
}
