/**
 * Shape another locale must have for a zh-TW catalog part: the same keys, strings where zh-TW
 * has strings and functions of the same parameters where it has functions. A missing or
 * extra key fails to compile.
 */
export type Translation<T> = {
  readonly [K in keyof T]: T[K] extends (...args: infer A) => string ? (...args: A) => string : string;
};
