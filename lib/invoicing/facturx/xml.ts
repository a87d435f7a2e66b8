/** A tiny XML writer: elements as plain objects, serialized with two-space indentation. */
export interface XmlNode {
  name: string;
  attrs?: Record<string, string>;
  text?: string;
  children?: (XmlNode | null | false)[];
}

/** Text as XML character data: NFC, no characters XML 1.0 forbids, markup escaped. */
export function escapeXml(value: string): string {
  return value
    .normalize("NFC")
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g, "")
    .replace(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, "")
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;")
    .replace(/'/g, "&apos;");
}

export function serializeXml(node: XmlNode, depth = 0): string {
  const indent = "  ".repeat(depth);
  const attrs = Object.entries(node.attrs ?? {})
    .map(([key, value]) => ` ${key}="${escapeXml(value)}"`)
    .join("");
  const children = (node.children ?? []).filter((child): child is XmlNode => !!child);
  if (children.length > 0) {
    return `${indent}<${node.name}${attrs}>\n${children.map((child) => serializeXml(child, depth + 1)).join("")}${indent}</${node.name}>\n`;
  }
  if (node.text !== undefined) return `${indent}<${node.name}${attrs}>${escapeXml(node.text)}</${node.name}>\n`;
  return `${indent}<${node.name}${attrs}/>\n`;
}

/** Shorthand for a leaf: `leaf("ram:ID", "F-1")`, or null when the value is missing. */
export function leaf(name: string, text: string | null | undefined, attrs?: Record<string, string>): XmlNode | null {
  return text === null || text === undefined || text.trim() === "" ? null : { name, text, attrs };
}

export function node(name: string, ...children: (XmlNode | null | false)[]): XmlNode {
  return { name, children };
}
