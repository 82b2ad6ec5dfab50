import { parseSync } from "vite";

// Finds words a member or a manager would see that do not come from the message catalog: JSX text,
// and string literals in user-visible attributes or in what a JSX expression renders. Words inside
// the catalog's macros (`t`, `msg`, `plural`, `select`…) are the catalog's and are skipped.

/** Attributes and props whose value is read or heard by a person. */
const VISIBLE_ATTRIBUTES = new Set([
  "aria-label",
  "aria-description",
  "aria-valuetext",
  "aria-roledescription",
  "aria-placeholder",
  "title",
  "placeholder",
  "alt",
  "label",
  "documentTitle",
  "errorTitle",
]);

const MACROS = new Set(["t", "msg", "defineMessage", "plural", "select", "selectOrdinal", "ph"]);
const HAS_WORD = /\p{L}{2,}/u;

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
      case "ArrayExpression":
        for (const element of node.elements as unknown[]) rendered(element, where);
        return;
      case "ParenthesizedExpression":
      case "TSAsExpression":
        rendered(node.expression, where);
        return;
    }
  }

  function walk(node: unknown): void {
    if (Array.isArray(node)) {
      for (const item of node) walk(item);
      return;
    }
    if (!isNode(node) || isMacro(node)) return;
    if (node.type === "JSXText") report(node, String(node.value), "text");
    if ((node.type === "JSXElement" || node.type === "JSXFragment") && Array.isArray(node.children)) {
      for (const child of node.children as Node[]) {
        if (child.type === "JSXExpressionContainer") rendered(child.expression, "expression");
      }
    }
    if (node.type === "JSXAttribute" && isNode(node.name)) {
      const name = String(node.name.name);
      if (VISIBLE_ATTRIBUTES.has(name)) {
        const value = node.value;
        if (isNode(value)) rendered(value.type === "JSXExpressionContainer" ? value.expression : value, name);
      }
    }
    for (const [key, value] of Object.entries(node)) if (key !== "type") walk(value);
  }

  walk(program);
  return found;
}
