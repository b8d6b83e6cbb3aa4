/**
 * Incremental parse of one YAML document being edited: the stream is split into segments
 * (`segments.ts`), each segment is parsed on its own with offsets in the whole text, and a
 * segment whose text did not change since the last parse is reused (moved to its new offset)
 * instead of parsed again. The assembled `YamlFile` is the same as `parseYaml(text)` gives.
 */
import { LineIndex } from '../text';
import { DocumentSplitter } from './segments';
import { assembleYamlFile, parseSegment, rebaseSegment, type YamlFile, type YamlSegment } from './documents';

/** The result of one incremental parse. */
export interface IncrementalYaml {
  file: YamlFile;
  segments: readonly YamlSegment[];
  /** Per segment: true when it was parsed by this call, false when reused. */
  fresh: readonly boolean[];
}

/** Parse state of one document (keep one per open document). */
export class YamlFileCache {
  private readonly splitter = new DocumentSplitter();
  private segments: YamlSegment[] = [];

  /** Parses `text`, reusing the segments of the previous call whose text is unchanged. */
  parse(text: string): IncrementalYaml {
    const starts = this.splitter.update(text);
    const pool = new Map<string, YamlSegment[]>();
    for (const s of this.segments) {
      if (s.volatile) continue;
      const list = pool.get(s.text);
      if (list) list.push(s);
      else pool.set(s.text, [s]);
    }
    const segments: YamlSegment[] = [];
    const fresh: boolean[] = [];
    for (let i = 0; i < starts.length; i++) {
      const start = starts[i] ?? 0;
      const end = starts[i + 1] ?? text.length;
      const reused = pool.get(text.slice(start, end))?.shift();
      if (reused) rebaseSegment(reused, start);
      segments.push(reused ?? parseSegment(text, start, end));
      fresh.push(reused === undefined);
    }
    this.segments = segments;
    return { file: assembleYamlFile(text, new LineIndex(text), segments), segments, fresh };
  }
}
