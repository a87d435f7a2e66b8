import { readFileSync } from "node:fs";
import path from "node:path";
import { validateXML } from "xmllint-wasm";

const XSD_DIR = path.join(process.cwd(), "tests/fixtures/dac7");

/** Validates a DAC7 declaration against the DGFiP DPI XSD (v1.1-fr1) with libxml2 (WebAssembly, offline). */
export async function validateDac7Xsd(xml: string): Promise<{ valid: boolean; errors: string[] }> {
  const read = (fileName: string) => ({ fileName, contents: readFileSync(path.join(XSD_DIR, fileName), "utf8") });
  const result = await validateXML({
    xml: [{ fileName: "declaration.xml", contents: xml }],
    schema: [read("DPIXML_v1.1-fr1.xsd")],
    preload: [read("isodpitypes_v1.0-fr1.xsd"), read("oecddpitypes_v1.0-fr1.xsd")],
  });
  return { valid: result.valid, errors: result.errors.map((e) => e.rawMessage) };
}
