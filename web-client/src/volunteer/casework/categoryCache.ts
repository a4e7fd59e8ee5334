import type { KeyValueStorage } from '../../shared/storage';

export interface CachedCategory {
  id: string;
  name: string;
}

const KEY = 'qibao.caseCategories';

/**
 * The community's categories as last loaded, so that a report can be written where the phone has
 * no connection (the report itself waits in the queue).
 */
export function cachedCategories(storage: KeyValueStorage, communityId: string, language: string): CachedCategory[] {
  try {
    const parsed: unknown = JSON.parse(storage.getItem(`${KEY}.${communityId}.${language}`) ?? '[]');
    return Array.isArray(parsed) ? parsed.filter((c): c is CachedCategory => typeof c?.id === 'string' && typeof c?.name === 'string') : [];
  } catch {
    return [];
  }
}

export function cacheCategories(storage: KeyValueStorage, communityId: string, language: string, categories: readonly CachedCategory[]): void {
  storage.setItem(`${KEY}.${communityId}.${language}`, JSON.stringify(categories.map(({ id, name }) => ({ id, name }))));
}
