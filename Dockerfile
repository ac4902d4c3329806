# Minhu's gateway image: the API, the H5 site and the staff console on one port, run as `node` (not root).
# Stage 1 installs everything and builds the two front ends; stage 2 keeps the runtime dependencies and the
# built files only. TypeScript runs through tsx as in development (there is no separate compile step).
# Needs MONGODB_URI (a replica set, `?replicaSet=rs0&w=majority`) and S3_*: the image holds no database or storage.
FROM node:20-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
COPY packages/shared/package.json packages/shared/
COPY apps/gateway/package.json apps/gateway/
COPY apps/miniprogram/package.json apps/miniprogram/
COPY apps/h5/package.json apps/h5/
COPY apps/console/package.json apps/console/
RUN npm ci --no-audit --no-fund
COPY . .
RUN npm run build:h5 && npm run build:console
# Runtime: production dependencies plus tsx, which runs the TypeScript sources.
RUN TSX_VERSION=$(node -p "require('./node_modules/tsx/package.json').version") \
 && npm prune --omit=dev --no-audit --no-fund \
 && npm install --no-save --no-audit --no-fund "tsx@${TSX_VERSION}"

FROM node:20-bookworm-slim AS runtime
ENV NODE_ENV=production \
    HOST=0.0.0.0 \
    PORT=3000 \
    WEB_CONCURRENCY=auto \
    MINHU_DATA_DIR=/data \
    MINHU_CACHE_DIR=/data/cache
WORKDIR /app
COPY --from=build --chown=root:root /app/package.json ./
COPY --from=build --chown=root:root /app/node_modules node_modules
COPY --from=build --chown=root:root /app/packages/shared packages/shared
COPY --from=build --chown=root:root /app/apps/gateway apps/gateway
COPY --from=build --chown=root:root /app/apps/h5/dist apps/h5/dist
COPY --from=build --chown=root:root /app/apps/console/dist apps/console/dist
# The code belongs to root and is read-only to the process; only /data (dispatch model cache) is writable.
RUN mkdir -p /data/cache && chown -R node:node /data
USER node
EXPOSE 3000
HEALTHCHECK --interval=10s --timeout=3s --start-period=120s \
  CMD node -e "fetch('http://127.0.0.1:3000/api/health/live').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"
# SIGTERM drains every worker (readiness 503, requests in flight answered) before the container exits.
STOPSIGNAL SIGTERM
CMD ["node", "--import", "tsx", "apps/gateway/src/main.ts"]
