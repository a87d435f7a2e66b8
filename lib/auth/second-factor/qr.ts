import QRCode from "qrcode";

/** The otpauth:// URI as an SVG QR code in a data: URL, made here (no third-party request, CSP img-src data:). */
export async function qrCodeDataUrl(uri: string): Promise<string> {
  const svg = await QRCode.toString(uri, { type: "svg", errorCorrectionLevel: "M", margin: 2 });
  return `data:image/svg+xml;base64,${Buffer.from(svg).toString("base64")}`;
}
