/**
 * A category's name in the language shown. The server's `name` follows the request's language, but
 * live updates come over the WebSocket, which carries none; both names travel, the screen picks.
 */
export function categoryName(category: { name: string; nameZh?: string | null; nameEn?: string | null }, language: string): string {
  const picked = language.startsWith('zh') ? category.nameZh : category.nameEn;
  return picked || category.name;
}
