export * from "./auth";
export * from "./organizations";
export * from "./email";
export * from "./security";
export * from "./catalog";
export * from "./experts";
export * from "./jobs";
export * from "./bids";
