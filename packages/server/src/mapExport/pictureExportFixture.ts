import { CardSchema, LaneSchema, type LaneId } from "@opencjm/core";
import type { ExportInput } from "./ExportInput.js";

/** A 48 × 32 picture as an upload stores it in a card: a WebP data URL, as Chromium's canvas encodes it. */
export const UPLOADED_PICTURE =
  "data:image/webp;base64,UklGRkwCAABXRUJQVlA4WAoAAAAgAAAALwAAHwAASUNDUMgBAAAAAAHIAAAAAAQwAABtbnRyUkdCIFhZWiAH4AABAAEAAAAAAABhY3NwAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAQAA9tYAAQAAAADTLQAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAlkZXNjAAAA8AAAACRyWFlaAAABFAAAABRnWFlaAAABKAAAABRiWFlaAAABPAAAABR3dHB0AAABUAAAABRyVFJDAAABZAAAAChnVFJDAAABZAAAAChiVFJDAAABZAAAAChjcHJ0AAABjAAAADxtbHVjAAAAAAAAAAEAAAAMZW5VUwAAAAgAAAAcAHMAUgBHAEJYWVogAAAAAAAAb6IAADj1AAADkFhZWiAAAAAAAABimQAAt4UAABjaWFlaIAAAAAAAACSgAAAPhAAAts9YWVogAAAAAAAA9tYAAQAAAADTLXBhcmEAAAAAAAQAAAACZmYAAPKnAAANWQAAE9AAAApbAAAAAAAAAABtbHVjAAAAAAAAAAEAAAAMZW5VUwAAACAAAAAcAEcAbwBvAGcAbABlACAASQBuAGMALgAgADIAMAAxADZWUDggXgAAADAEAJ0BKjAAIAA+tUqcSickIqGwFV1Q4BaJZAC1GxyGF7oAM2hd5RHcAAD+eYX51r2/d/+CtpWL7heWdLyo2ZSOOZTgfopjmNiC+OnmF9m0kbufVq5r1KAIwBAgAAA=";

/** A picture on another site, which exports never fetch (no server-side request to an address a card names). */
export const PICTURE_ELSEWHERE = "https://pictures.example.test/shelf.jpg";

/** The captions of the fixture's two picture cards. */
export const PICTURE_CAPTIONS = { uploaded: "Shoe wall at the store", elsewhere: "Shelf photo" } as const;

/**
 * The export input with an images lane added: an uploaded picture with a caption at the first step and a picture
 * from another site at the second, the two ways a picture card holds its picture.
 */
export function withPictures(input: ExportInput): ExportInput {
  const [first, second] = input.snapshot.steps;
  const laneId = "lane_pictures" as LaneId;
  const lane = LaneSchema.parse({ id: laneId, type: "images", name: "Pictures", order: "zz" });
  const card = (id: string, url: string, alt: string) => CardSchema.parse({ id, order: "a0", kind: "image", url, alt });
  const cells = [
    { laneId, stepId: first!.id, cards: [card("card_uploaded", UPLOADED_PICTURE, PICTURE_CAPTIONS.uploaded)] },
    { laneId, stepId: second!.id, cards: [card("card_elsewhere", PICTURE_ELSEWHERE, PICTURE_CAPTIONS.elsewhere)] },
  ];
  return {
    ...input,
    snapshot: {
      ...input.snapshot,
      lanes: [...input.snapshot.lanes, lane],
      cells: [...input.snapshot.cells, ...cells],
    },
  };
}
