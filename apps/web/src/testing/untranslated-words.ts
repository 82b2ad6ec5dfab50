import { parseSync } from "vite";

// Finds words a member or a manager would see that do not come from the message catalog: JSX text,
// and string literals in user-visible attributes or in what a JSX expression renders. Words inside
// the catalog's macros (`t`, `msg`, `plural`, `select`…) are the catalog's and are skipped.

/**
 * Attributes and props whose value no person reads or hears: names, ids, references, kinds, styles,
 * the drawing of an icon. Every other attribute or prop, a component's own included (`heading`,
 * `message`, `children`…), is taken as shown.
 */
const HIDDEN_ATTRIBUTES = new Set([
  "className",
  "id",
  "key",
  "href",
  "to",
  "src",
  "srcSet",
  "sizes",
  "rel",
  "target",
  "type",
  "role",
  "name",
  "value",
  "defaultValue",
  "htmlFor",
  "form",
  "method",
  "action",
  "lang",
  "dir",
  "scope",
  "loading",
  "decoding",
  "autoComplete",
  "inputMode",
  "pattern",
  "download",
  "tabIndex",
  "aria-hidden",
  "aria-live",
  "aria-current",
  "aria-keyshortcuts",
  "aria-labelledby",
  "aria-describedby",
  "aria-controls",
  "aria-owns",
  "aria-haspopup",
  "aria-expanded",
  "aria-invalid",
  "aria-busy",
  "aria-disabled",
  "viewBox",
  "d",
  "fill",
  "stroke",
  "strokeWidth",
  "strokeLinecap",
  "strokeLinejoin",
  "fillRule",
  "clipRule",
  "xmlns",
]);

const isShownAttribute = (name: string) => !HIDDEN_ATTRIBUTES.has(name) && !name.startsWith("data-");

const MACROS = new Set(["t", "msg", "defineMessage", "plural", "select", "selectOrdinal", "ph"]);
const HAS_WORD = /\p{L}{2,}/u;
/** Punctuation that French spaces differently: written beside a word outside a message, it is wrong there. */
const SPACED_PUNCTUATION = /[:;!?«»]/;

export interface UntranslatedWord {
  line: number;
  text: string;
  where: string;
}

type Node = { type: string; start: number; [key: string]: unknown };

const isNode = (value: unknown): value is Node =>
  typeof value === "object" && value !== null && typeof (value as { type?: unknown }).type === "string";

function isMacro(node: Node): boolean {
  if (node.type === "TaggedTemplateExpression") return isNode(node.tag) && MACROS.has(String(node.tag.name));
  if (node.type === "CallExpression") return isNode(node.callee) && MACROS.has(String(node.callee.name));
  return false;
}

export function untranslatedWords(filename: string, source: string): UntranslatedWord[] {
  const { program, errors } = parseSync(filename, source, { lang: "tsx" });
  if (errors.length > 0) throw new Error(`${filename}: ${errors[0]?.message}`);
  const found: UntranslatedWord[] = [];
  const lineOf = (offset: number) => source.slice(0, offset).split("\n").length;
  const report = (node: Node, text: string, where: string) => {
    if (HAS_WORD.test(text)) found.push({ line: lineOf(node.start), text: text.trim(), where });
  };

  /** What an expression shows: itself, either branch, the right side of `a && b` / `a ?? b`, list items. */
  function rendered(node: unknown, where: string): void {
    if (!isNode(node) || isMacro(node)) return;
    switch (node.type) {
      case "Literal":
        if (typeof node.value === "string") report(node, node.value, where);
        return;
      case "TemplateLiteral":
        for (const quasi of node.quasis as Node[])
          report(quasi, String((quasi.value as { raw: string }).raw), where);
        return;
      case "ConditionalExpression":
        rendered(node.consequent, where);
        rendered(node.alternate, where);
        return;
      case "LogicalExpression":
        rendered(node.right, where);
        if (node.operator !== "&&") rendered(node.left, where);
        return;
      case "BinaryExpression":
        if (node.operator === "+") {
          rendered(node.left, where);
          rendered(node.right, where);
        }
        return;
      case "ArrayExpression":
        for (const element of node.elements as unknown[]) rendered(element, where);
        return;
      case "ParenthesizedExpression":
      case "TSAsExpression":
        rendered(node.expression, where);
        return;
    }
  }

  function spreadAttributes(node: unknown): void {
    if (!isNode(node)) return;
    if (node.type === "ObjectExpression") {
      for (const property of node.properties as Node[]) {
        const key = isNode(property.key) ? (property.key.name ?? property.key.value) : undefined;
        if (property.type === "Property" && typeof key === "string" && isShownAttribute(key))
          rendered(property.value, key);
      }
    } else if (node.type === "LogicalExpression") spreadAttributes(node.right);
    else if (node.type === "ConditionalExpression") {
      spreadAttributes(node.consequent);
      spreadAttributes(node.alternate);
    } else if (node.type === "ParenthesizedExpression") spreadAttributes(node.expression);
  }

  function walk(node: unknown): void {
    if (Array.isArray(node)) {
      for (const item of node) walk(item);
      return;
    }
    if (!isNode(node) || isMacro(node)) return;
    if (node.type === "JSXText") {
      const text = String(node.value);
      if (HAS_WORD.test(text)) report(node, text, "text");
      else if (SPACED_PUNCTUATION.test(text))
        found.push({ line: lineOf(node.start), text: text.trim(), where: "text" });
    }
    if ((node.type === "JSXElement" || node.type === "JSXFragment") && Array.isArray(node.children)) {
      for (const child of node.children as Node[]) {
        if (child.type === "JSXExpressionContainer") rendered(child.expression, "expression");
      }
    }
    if (node.type === "JSXAttribute" && isNode(node.name)) {
      const name = String(node.name.name);
      if (isShownAttribute(name)) {
        const value = node.value;
        if (isNode(value)) rendered(value.type === "JSXExpressionContainer" ? value.expression : value, name);
      }
    }
    // `{...{ "aria-label": "…" }}`, `{...(wide && { title: "…" })}`: the object's keys are attributes.
    if (node.type === "JSXSpreadAttribute") spreadAttributes(node.argument);
    for (const [key, value] of Object.entries(node)) if (key !== "type") walk(value);
  }

  walk(program);
  return found;
}

/** A capitalised word ("Points", "Closed.") or two or more plain words ("points earned"). */
const CAPITALISED = /^\p{Lu}\p{Ll}+[.,;:!?…]?$/u;
const PLAIN_WORD = /^[\p{L}’']+[.,;:!?…]?$/u;
function looksLikeWords(text: string): boolean {
  const tokens = text.trim().split(/\s+/).filter(Boolean);
  return (
    tokens.some((token) => CAPITALISED.test(token)) ||
    (tokens.length > 1 && tokens.every((token) => PLAIN_WORD.test(token)))
  );
}

/** Nodes that hold no words a person reads: types, imports, errors for the console, the cookie. */
function holdsNoShownWords(node: Node, ignored: ReadonlySet<string>): boolean {
  if (isMacro(node)) return true;
  if (node.type.startsWith("TS") && !/^TS(As|Satisfies|NonNull)Expression$/.test(node.type)) return true;
  if (node.type === "ImportDeclaration" || node.type === "ImportExpression") return true;
  if ((node.type === "ExportNamedDeclaration" || node.type === "ExportAllDeclaration") && node.source)
    return true;
  if (node.type === "NewExpression" && isNode(node.callee) && /Error$/.test(String(node.callee.name)))
    return true;
  if (node.type === "CallExpression" && isNode(node.callee) && isNode(node.callee.object))
    if (node.callee.object.name === "console") return true;
  if (node.type === "AssignmentExpression" && isNode(node.left) && isNode(node.left.property))
    if (node.left.property.name === "cookie") return true;
  if (node.type === "VariableDeclarator" && isNode(node.id) && ignored.has(String(node.id.name))) return true;
  if (node.type === "JSXAttribute" && isNode(node.name)) return !isShownAttribute(String(node.name.name));
  if (node.type === "Property" && isNode(node.key)) {
    const key = node.key.name ?? node.key.value;
    return typeof key === "string" && !isShownAttribute(key);
  }
  return false;
}

/**
 * Every string in a module, component or not, that reads as words: a constant in a `.ts` file that a
 * component shows, a prop, a default value. Words meant to stay the same in every language are
 * declared by name in `ignored`.
 */
export function sentencesOutsideCatalog(
  filename: string,
  source: string,
  ignored: ReadonlySet<string> = new Set(),
): UntranslatedWord[] {
  const lang = filename.endsWith(".tsx") ? "tsx" : "ts";
  const { program, errors } = parseSync(filename, source, { lang });
  if (errors.length > 0) throw new Error(`${filename}: ${errors[0]?.message}`);
  const found: UntranslatedWord[] = [];
  const lineOf = (offset: number) => source.slice(0, offset).split("\n").length;
  function walk(node: unknown): void {
    if (Array.isArray(node)) {
      for (const item of node) walk(item);
      return;
    }
    if (!isNode(node) || holdsNoShownWords(node, ignored)) return;
    const text =
      node.type === "Literal" && typeof node.value === "string"
        ? node.value
        : node.type === "TemplateElement" || node.type === "JSXText"
          ? String(node.type === "JSXText" ? node.value : (node.value as { raw: string }).raw)
          : null;
    if (text !== null && looksLikeWords(text))
      found.push({ line: lineOf(node.start), text: text.trim(), where: "module" });
    for (const [key, value] of Object.entries(node)) if (key !== "type") walk(value);
  }
  walk(program);
  return found;
}
