// Security headers on every answer (helmet): the Content-Security-Policy of the pages the gateway serves
// — the H5 site at / and the staff console at /console/ — plus nosniff, no referrer, and the rest of
// helmet's defaults. Scripts only from our own origin (neither build has an inline script, and zod runs
// without eval); images, media and uploads also from the storage origin, where presigned POST uploads go
// and media links point; inline styles are allowed because Taro and antd inject them at run time, and
// data: fonts because Taro's components carry their icon fonts (WeUI's) inline in those styles.
import helmet from 'koa-helmet';

export function contentSecurityPolicy(storageOrigin: string): Record<string, string[]> {
  return {
    defaultSrc: ["'self'"],
    scriptSrc: ["'self'"],
    objectSrc: ["'none'"],
    baseUri: ["'self'"],
    frameAncestors: ["'none'"],
    imgSrc: ["'self'", 'data:', 'blob:', storageOrigin],
    mediaSrc: ["'self'", 'blob:', storageOrigin],
    connectSrc: ["'self'", storageOrigin],
    styleSrc: ["'self'", "'unsafe-inline'"],
    fontSrc: ["'self'", 'data:'],
  };
}

export function securityHeaders(storageOrigin: string) {
  return helmet({
    // Only the directives above: helmet's defaults would add upgrade-insecure-requests, which breaks
    // an http storage endpoint in development.
    contentSecurityPolicy: { useDefaults: false, directives: contentSecurityPolicy(storageOrigin) },
    crossOriginResourcePolicy: { policy: 'same-site' },
    referrerPolicy: { policy: 'no-referrer' },
    xContentTypeOptions: true,
  });
}
