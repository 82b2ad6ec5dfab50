// Reads its input without the shared validator (routes/validate.ts): breaks bff-inputs-through-the-shared-validator.
import { zValidator } from "../../../../vendor/@hono/zod-validator/index.ts";

export const raw = zValidator;
