// The sync protocol's version, shared by tablet and server. Tablets run old builds for days:
// each side compares the other's number and says clearly "update the app" or "the server is
// too old" instead of exchanging data it may misread.
export const PROTOCOL_VERSION = 1;
