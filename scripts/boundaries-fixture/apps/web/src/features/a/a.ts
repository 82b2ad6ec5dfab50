import { x } from "../../../../bff/src/y.ts";
import { b } from "../b/b.ts";

export const a = x + b;
