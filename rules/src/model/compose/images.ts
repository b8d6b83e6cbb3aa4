/** The literal image a service pulls, shared by the image rules. */
import { stringValue } from '../yaml/documents';
import { parseImageRef, type ImageRef } from '../dockerfile/image-ref';
import { fieldOf, resolvedField, type ComposeService, type ServiceField } from './services';
import { hasInterpolation } from './interpolation';

/** The `image` of a service that is pulled as written: undefined when unset, interpolated, built locally (`build`) or unparsable. */
export function pulledImage(s: ComposeService): { field: ServiceField; raw: string; ref: ImageRef } | undefined {
  const field = fieldOf(s, 'image');
  const raw = stringValue(field?.value);
  if (!field || raw === undefined || hasInterpolation(raw) || resolvedField(s, 'build')) return undefined;
  const ref = parseImageRef(raw);
  return ref ? { field, raw, ref } : undefined;
}
