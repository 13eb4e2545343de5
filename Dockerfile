# Container image of the peer-learning Teams bot (an alternative to the App Service code deployment in
# docs/deployment.md). Two stages: compile with all dependencies, then run with production dependencies only.
# Not built on the machine this was written on (no container engine there): `docker build .` is the check.

# ---- build: install everything, compile TypeScript to dist/, then drop the dev dependencies ----
FROM node:20-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
# Dev dependencies are needed here: TypeScript, and rimraf for botbuilder-dialogs' postinstall script.
RUN npm ci --no-audit --no-fund
COPY tsconfig.json tsconfig.build.json ./
COPY src ./src
RUN npm run build \
 && npm prune --omit=dev --no-audit --no-fund

# ---- runtime: compiled code, production dependencies and the program content, as a non-root user ----
FROM node:20-bookworm-slim AS runtime
ENV NODE_ENV=production \
    PORT=3978 \
    CONTENT_DIR=/app/content \
    DATA_DIR=/app/.data
WORKDIR /app
COPY --from=build --chown=root:root /app/package.json ./package.json
COPY --from=build --chown=root:root /app/node_modules ./node_modules
COPY --from=build --chown=root:root /app/dist ./dist
COPY --chown=root:root content ./content
# The code is read-only for the service user; only DATA_DIR is writable (embedded storage when no
# STORAGE_* variable is set, which is for trying the image out, not for production).
RUN mkdir -p /app/.data && chown node:node /app/.data
USER node
EXPOSE 3978
HEALTHCHECK --interval=30s --timeout=5s --start-period=20s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:' + (process.env.PORT || 3978) + '/healthz').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
# node directly (not npm) so that SIGTERM reaches the service and it shuts down gracefully.
CMD ["node", "dist/index.js"]
