import { send } from "../../upstream-http/src/send.ts";

export const a = send;
