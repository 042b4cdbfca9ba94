# Seatkeeper: the compiled bot (or, with another command, the worker) on Node 24 LTS.
# CI rehearses this file's steps outside Docker (.ci/rehearse-dockerfile.ts): keep to FROM,
# WORKDIR, ENV, COPY, RUN, USER, EXPOSE, HEALTHCHECK and CMD, which the rehearsal understands.

FROM node:24-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY . .
RUN npm run build
RUN npm prune --omit=dev --no-audit --no-fund && mkdir -p .data

FROM node:24-bookworm-slim
ENV NODE_ENV=production
WORKDIR /app
COPY --from=build /app/package.json ./package.json
COPY --from=build /app/node_modules ./node_modules
COPY --from=build /app/dist ./dist
# the embedded database's folder, for a first try without DATABASE_URL
COPY --from=build --chown=node:node /app/.data ./.data
USER node
EXPOSE 3000
HEALTHCHECK --interval=15s --timeout=5s --start-period=30s --retries=3 CMD ["node", "-e", "fetch(`http://127.0.0.1:${process.env.PORT || 3000}/healthz`).then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
CMD ["node", "--enable-source-maps", "dist/src/main.js"]
