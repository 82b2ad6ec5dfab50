// @vitest-environment jsdom
// @vitest-environment-options {"url":"https://portal.test/"}
import { afterEach, describe, expect, test, vi } from "vitest";
import { chosenLocale, LOCALE_COOKIE, rememberLocale, startingLocale } from "./locale-choice.ts";

// The member's language choice survives what browsers do to storage: blocked, full, or holding a
// value the portal never wrote. Whatever happens, the portal opens and the switcher switches.

const cookieValue = () =>
  document.cookie
    .split("; ")
    .find((part) => part.startsWith(`${LOCALE_COOKIE}=`))
    ?.slice(LOCALE_COOKIE.length + 1);

// biome-ignore lint/suspicious/noDocumentCookie: the test sets the cookie as a browser would hold it
const setCookie = (value: string) => (document.cookie = `${LOCALE_COOKIE}=${value}; Path=/; Secure`);
const dropCookie = () => setCookie("x; Max-Age=0");

afterEach(() => {
  vi.restoreAllMocks();
  localStorage.clear();
  dropCookie();
});

describe("the remembered language", () => {
  test("is kept in storage and in the cookie the BFF reads", () => {
    rememberLocale("fr");
    expect(localStorage.getItem("portal.locale")).toBe("fr");
    expect(cookieValue()).toBe("fr");
    expect(chosenLocale()).toBe("fr");
  });

  test("storage that refuses to be written (full, or a private window) does not stop the switch", () => {
    vi.spyOn(Storage.prototype, "setItem").mockImplementation(() => {
      throw new DOMException("The quota has been exceeded.", "QuotaExceededError");
    });
    expect(() => rememberLocale("fr")).not.toThrow();
    // The cookie still carries it, and is read back when storage has nothing.
    expect(cookieValue()).toBe("fr");
    expect(chosenLocale()).toBe("fr");
  });

  test("storage that cannot even be read leaves the cookie to say it", () => {
    vi.spyOn(Storage.prototype, "getItem").mockImplementation(() => {
      throw new DOMException("The operation is insecure.", "SecurityError");
    });
    setCookie("fr");
    expect(chosenLocale()).toBe("fr");
  });

  test("a cookie the portal never wrote is no choice, and never an error", () => {
    for (const value of ["%E0%A4%A", "%", "de", "<b>"]) {
      setCookie(value);
      expect(() => chosenLocale()).not.toThrow();
      expect(chosenLocale()).toBeNull();
    }
  });

  test("on start, a choice kept only in storage is written to the cookie again", () => {
    // The cookie expired, or was cleared without storage: the BFF would serve the browser's
    // language's page while the app opens in the chosen one.
    localStorage.setItem("portal.locale", "fr");
    expect(cookieValue()).toBeUndefined();
    expect(startingLocale(["en-US"])).toBe("fr");
    expect(cookieValue()).toBe("fr");
  });

  test("on start without a choice, the browser's languages decide and nothing is written", () => {
    expect(startingLocale(["de-DE", "fr-CA"])).toBe("fr");
    expect(startingLocale(["de-DE"])).toBe("en");
    expect(cookieValue()).toBeUndefined();
    expect(localStorage.getItem("portal.locale")).toBeNull();
  });
});
