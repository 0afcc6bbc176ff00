# po-bot container image.
#
# `npm run test:container` (scripts/container-test.sh; CI runs it after npm test) builds this file
# with podman and runs the image: /healthz, the HEALTHCHECK, the non-root user, /data writable and
# /app read-only, SIGTERM, a console session, and no build leftovers. See docs/docker.md.

# ---- build: compilers for better-sqlite3's native addon, dev dependencies, tsc.
FROM node:20-bookworm-slim AS build
WORKDIR /app
RUN apt-get update \
 && apt-get install -y --no-install-recommends python3 make g++ \
 && rm -rf /var/lib/apt/lists/*
# The lockfile alone first: this layer is rebuilt only when dependencies change.
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY tsconfig.json tsconfig.build.json bot.config.json ./
COPY src ./src
COPY scripts/build ./scripts/build
# The build type-checks, bundles src/ into dist/po-bot.js and runs it once (start-up and /help on
# a throwaway database) to write V8's code cache for this image's Node: that run needs the
# migrations and the calendar.
COPY migrations ./migrations
COPY calendar ./calendar
RUN npm run build && npm prune --omit=dev --no-audit --no-fund
# better-sqlite3 needs its compiled addon and nothing else node-gyp left behind: object files, the
# static SQLite library, a test extension, the SQLite and addon sources (about 37 MB).
RUN cd node_modules/better-sqlite3 \
 && mv build/Release/better_sqlite3.node /tmp/ \
 && rm -rf build deps src \
 && mkdir -p build/Release && mv /tmp/better_sqlite3.node build/Release/

# ---- runtime: node, production dependencies (addon already compiled on the same base), the
# bundled code (dist/main.js starts dist/po-bot.js with its code cache) and the migrations. No
# compilers, no TypeScript sources.
FROM node:20-bookworm-slim AS runtime
ENV NODE_ENV=production \
    DATABASE_PATH=/data/po-bot.sqlite \
    BOT_CONFIG=/app/bot.config.json \
    PORT=3000
WORKDIR /app
COPY --from=build /app/node_modules ./node_modules
COPY --from=build /app/dist ./dist
# The bot applies migrations/ next to package.json (= /app/migrations) at every start-up.
COPY migrations ./migrations
# The official office calendar (working days, holidays, 補行上班): the bot reads
# calendar/ next to package.json (= /app/calendar). An operator adds later years through calendar.dir, not here.
COPY calendar ./calendar
COPY bot.config.json package.json ./
# The database lives on the volume, owned by the unprivileged `node` user (uid 1000) of the base
# image; ./data (the config's default database path, the console's exports) points there too.
# Ownership is set before VOLUME: changes to a volume's path after it is declared are discarded.
# The application files stay root-owned, so the running bot cannot rewrite its own code.
RUN mkdir -p /data && chown node:node /data && ln -s /data /app/data
VOLUME ["/data"]
USER node
EXPOSE 3000
STOPSIGNAL SIGTERM
# Slim images have no curl: node itself asks GET /healthz on PORT; 200 is healthy, anything
# else (503, refused, no answer in 4 s) is not.
HEALTHCHECK --interval=30s --timeout=5s --start-period=30s --retries=3 \
  CMD ["node", "-e", "require('http').get({host:'127.0.0.1',port:Number(process.env.PORT)||3000,path:'/healthz',timeout:4000},(r)=>process.exit(r.statusCode===200?0:1)).on('timeout',()=>process.exit(1)).on('error',()=>process.exit(1))"]
# Exec form: node is PID 1 and receives SIGTERM itself (src/main.ts shuts down on it).
CMD ["node", "dist/main.js"]
