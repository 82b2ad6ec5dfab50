export const send = "send";
