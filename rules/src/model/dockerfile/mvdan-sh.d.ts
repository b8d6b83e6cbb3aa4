/**
 * Minimal typings for mvdan-sh (GopherJS build of mvdan.cc/sh/v3/syntax). The shell model reads
 * the parser's internal Go objects (`__internal_object__`) directly: going through the exported
 * JS wrappers costs ~17 µs per field access, the internal objects are plain JS properties.
 */
declare module 'mvdan-sh' {
  export interface ShFile {
    __internal_object__: unknown;
  }
  export interface ShParser {
    Parse(src: string, name: string): ShFile;
  }
  export const syntax: {
    NewParser(...options: unknown[]): ShParser;
    KeepComments(keep: boolean): unknown;
    Variant(lang: unknown): unknown;
    LangBash: unknown;
  };
}
