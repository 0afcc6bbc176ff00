# Build stage: compiles TypeScript and the better-sqlite3 native addon (needs python3/make/g++).
FROM node:20-bookworm-slim AS build
WORKDIR /app
RUN apt-get update && apt-get install -y --no-install-recommends python3 make g++ && rm -rf /var/lib/apt/lists/*
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY tsconfig.json tsconfig.build.json ./
COPY src ./src
RUN npm run build && npm prune --omit=dev

# Runtime stage: no compilers, non-root, database on a volume.
FROM node:20-bookworm-slim
ENV NODE_ENV=production DATABASE_PATH=/data/po-bot.sqlite BOT_CONFIG=/app/bot.config.json
WORKDIR /app
COPY --from=build /app/node_modules ./node_modules
COPY --from=build /app/dist ./dist
COPY migrations ./migrations
COPY bot.config.json package.json ./
RUN mkdir -p /data && chown node:node /data
USER node
VOLUME ["/data"]
CMD ["node", "dist/main.js"]
