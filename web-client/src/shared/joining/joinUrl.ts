/** The address a resident opens to accept an invitation: the QR code holds it, the code alone can be typed. */
export function joinUrl(code: string, origin: string = window.location.origin): string {
  return `${origin}/join/${encodeURIComponent(code)}`;
}

/** A code in two groups of four, as it is read aloud: ABCD EFGH. */
export function spacedInvitationCode(code: string): string {
  return code.length === 8 ? `${code.slice(0, 4)} ${code.slice(4)}` : code;
}
