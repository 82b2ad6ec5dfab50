import { x } from "../apps/bff/src/y.ts";

export const bench = x;
