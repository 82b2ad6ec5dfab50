import { createContext, type ReactNode, use } from "react";

// A member's page shown to someone who may only look at it (a manager's preview): the same
// components, with whatever would act or navigate as the member rendered as plain text instead.

const ReadOnlyContext = createContext(false);

export function ReadOnly({ children }: { children: ReactNode }) {
  return <ReadOnlyContext value={true}>{children}</ReadOnlyContext>;
}

export const useReadOnly = () => use(ReadOnlyContext);
