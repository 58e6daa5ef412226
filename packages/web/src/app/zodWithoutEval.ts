import { z } from "zod";

// zod's compiled parsers probe `new Function`, which the Content-Security-Policy forbids; the interpreter is enough
// here. Imported first by startApp.tsx, so it runs before any module of the app has made (let alone used) a schema.
z.config({ jitless: true });
