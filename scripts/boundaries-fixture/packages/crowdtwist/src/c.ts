import { l } from "../../loyalty/src/l.ts";

export const c = l;
