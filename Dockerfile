# syntax=docker/dockerfile:1
# Dossier's reference deployment (README › Operations):
#   docker build -t dossier .        or        docker compose up -d
# tests/ops/dockerfile.test.ts runs these steps as a script where no container engine is available.

# Build stage. The full Node.js image brings python3, make and g++, which better-sqlite3 needs when
# no prebuilt binary matches the platform.
FROM node:22-bookworm AS build
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY . .
RUN npm run build && npm run knowledge:check && npm prune --omit=dev --no-audit --no-fund && mkdir -p data

# Runtime stage: the bundled bot, production dependencies and the knowledge; no compiler, not root.
FROM node:22-bookworm-slim
ENV NODE_ENV=production \
    DATA_DIR=/data \
    METRICS_PORT=9464 \
    METRICS_HOST=127.0.0.1
WORKDIR /app
COPY --from=build /app/package.json ./
COPY --from=build /app/node_modules ./node_modules
COPY --from=build /app/dist ./dist
COPY --from=build /app/knowledge ./knowledge
# The moderators' database lives on a volume, owned by the user the bot runs as.
COPY --from=build --chown=node:node /app/data /data
USER node
VOLUME /data
EXPOSE 9464
HEALTHCHECK --interval=30s --timeout=5s --start-period=60s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:' + process.env.METRICS_PORT + '/healthz').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
# As `npm start` runs the bot (package.json): the allocator's setting and the heap's sizes keep it
# under 150 MB. SIGTERM (docker stop) lets answers in progress finish, then closes the database.
ENV MALLOC_MMAP_THRESHOLD_=131072
CMD ["node", "--expose-gc", "--max-semi-space-size=2", "--heap-growing-percent=20", "--minor-gc-task-trigger=50", "dist/main.js"]
