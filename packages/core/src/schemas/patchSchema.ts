import { z } from "zod";

type PatchShape<S extends z.ZodRawShape> = { [K in keyof S]: z.ZodOptional<S[K]> };

/**
 * A strict schema for a partial update of an object schema: every field optional and, unlike `.partial()`, with the
 * defaults removed, so a field the caller did not send stays as it is instead of being reset to its default.
 */
export function patchSchema<S extends z.ZodRawShape>(
  schema: z.ZodObject<S>,
): z.ZodObject<PatchShape<S>, z.core.$strict> {
  const shape = Object.fromEntries(
    Object.entries(schema.shape).map(([key, field]) => {
      const inner = field instanceof z.ZodDefault ? field.removeDefault() : field;
      return [key, (inner as z.ZodType).optional()];
    }),
  );
  return z.strictObject(shape) as unknown as z.ZodObject<PatchShape<S>, z.core.$strict>;
}
