# The bot as a container: Node 20 on Debian bookworm, production dependencies only, run as the
# unprivileged "node" user under tini (signals reach node, zombies are reaped), with a
# HEALTHCHECK on /healthz and CJK fonts for the charts. Build:
#   docker build -t zhaoshang-bot .
# Without access to Docker Hub, build a base first (scripts/build-base-image.sh) and pass it:
#   docker build --build-arg BASE_IMAGE=zhaoshang-base:bookworm-node20 -t zhaoshang-bot .
ARG BASE_IMAGE=node:20-bookworm-slim

FROM ${BASE_IMAGE} AS deps
# Behind an HTTPS-inspecting proxy, pass its CA certificate (PEM text) so npm trusts it:
#   --build-arg EXTRA_CA_CERT="$(cat proxy-ca.crt)". Used in this stage only.
ARG EXTRA_CA_CERT=""
WORKDIR /app
COPY package.json package-lock.json ./
# tsx is a runtime dependency: the service runs its TypeScript sources directly.
RUN if [ -n "$EXTRA_CA_CERT" ]; then printf '%s\n' "$EXTRA_CA_CERT" > /tmp/extra-ca.pem; export NODE_EXTRA_CA_CERTS=/tmp/extra-ca.pem; fi \
 && npm ci --omit=dev --no-audit --no-fund && npm cache clean --force && rm -f /tmp/extra-ca.pem

FROM ${BASE_IMAGE}
RUN apt-get update \
 && apt-get install -y --no-install-recommends tini ca-certificates fonts-noto-cjk \
 && rm -rf /var/lib/apt/lists/* \
 && (id -u node >/dev/null 2>&1 || (groupadd --gid 1000 node && useradd --uid 1000 --gid node --create-home node))
WORKDIR /app
COPY --from=deps /app/node_modules ./node_modules
COPY package.json package-lock.json tsconfig.json ./
COPY src ./src
COPY commands ./commands
COPY schedules ./schedules
ENV NODE_ENV=production PORT=3000 LOG_FORMAT=json
USER node
EXPOSE 3000
HEALTHCHECK --interval=30s --timeout=5s --start-period=30s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:'+(process.env.PORT||3000)+'/healthz').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"]
STOPSIGNAL SIGTERM
ENTRYPOINT ["/usr/bin/tini", "--"]
# node directly (not npm start): SIGTERM reaches the service, which stops gracefully.
CMD ["node", "--import", "tsx", "src/main.ts", "serve"]
