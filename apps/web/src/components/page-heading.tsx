import { type ReactNode, useEffect, useRef } from "react";
import { brand } from "../lib/brand.ts";
import { takeFocusRequest } from "../lib/router.tsx";

interface Props {
  children: ReactNode;
  /** The browser tab's title; defaults to the heading's text when it is a string. */
  documentTitle?: string;
  className?: string;
  /** The heading's language when it is not the page's (the brand's words: lib/brand.ts `brandLang`). */
  lang?: string | undefined;
}

/** The page's one h1. After an in-app navigation it takes focus, as a page load would reset it. */
export function PageHeading({ children, documentTitle, className = "", lang }: Props) {
  const ref = useRef<HTMLHeadingElement>(null);
  const title = documentTitle ?? (typeof children === "string" ? children : null);
  useEffect(() => {
    if (title) document.title = `${title} · ${brand().name}`;
    if (takeFocusRequest()) ref.current?.focus();
  }, [title]);
  return (
    <h1
      ref={ref}
      tabIndex={-1}
      lang={lang}
      className={`text-2xl font-bold tracking-tight sm:text-3xl ${className}`}
    >
      {children}
    </h1>
  );
}
