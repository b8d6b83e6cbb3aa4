/** The image a fake `docker build` "produces" for the Dockerfile below (its history matches the Dockerfile's lines). */
import { makeTar, type ImageSpec } from './helpers';

export const DOCKERFILE = 'FROM alpine:3.19\nRUN apk add curl\nCOPY app/ /app/\nUSER root\n';

export const BUILT_SPEC: ImageSpec = {
  layers: [
    { tar: makeTar([{ name: 'etc/', type: 'directory' }, { name: 'etc/passwd', content: 'root:x:0:0::/root:/bin/sh\n' }]), createdBy: '/bin/sh -c #(nop) ADD file:abc in / ' },
    { tar: makeTar([{ name: 'usr/', type: 'directory' }, { name: 'usr/bin/curl', content: 'bin' }]), createdBy: 'RUN /bin/sh -c apk add curl # buildkit' },
    { tar: makeTar([{ name: 'app/', type: 'directory' }, { name: 'app/.env', content: 'DB_PASSWORD=hunter2-fake\n' }]), createdBy: 'COPY app/ /app/ # buildkit' },
  ],
  emptyHistory: [{ before: 3, createdBy: 'USER root' }],
  config: { config: { User: 'root' } },
};

