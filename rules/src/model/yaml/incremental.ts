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
    const previous = this.segments;
    const change = this.splitter.lastChange;
    /** The previous segment with this text, if any (by position when the splitter knows what moved). */
    let reuse: (i: number, segText: string) => YamlSegment | undefined;
    if (change) {
      const removed = change.to - change.from + 1;
      reuse = (i) => {
        const old = i < change.from ? previous[i] : i >= change.from + change.count ? previous[i - change.count + removed] : undefined;
        return old && !old.volatile ? old : undefined;
      };
    } else {
      const pool = new Map<string, YamlSegment[]>();
      for (const s of previous) {
        if (s.volatile) continue;
        const list = pool.get(s.text);
        if (list) list.push(s);
        else pool.set(s.text, [s]);
      }
      reuse = (_i, segText) => pool.get(segText)?.shift();
    }
    const segments: YamlSegment[] = [];
    const fresh: boolean[] = [];
    for (let i = 0; i < starts.length; i++) {
      const start = starts[i] ?? 0;
      const end = starts[i + 1] ?? text.length;
      const reused = reuse(i, change ? '' : text.slice(start, end));
      if (reused) rebaseSegment(reused, start);
      segments.push(reused ?? parseSegment(text, start, end));
      fresh.push(reused === undefined);
    }
    this.segments = segments;
    return { file: assembleYamlFile(text, new LineIndex(text), segments), segments, fresh };
  }
}
