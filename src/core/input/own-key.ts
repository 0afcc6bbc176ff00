/**
 * A lookup in a table written as an object literal, by a word people typed. Plain indexing
 * also finds what every object inherits: `/issues constructor` found Object's constructor
 * and answered 內部錯誤. Only the table's own entries count.
 */
export function ownKey<T>(table: Readonly<Record<string, T>>, key: string): T | undefined {
  return Object.hasOwn(table, key) ? table[key] : undefined;
}
