import { r } from "./routes/r.ts";

export const service = r;
