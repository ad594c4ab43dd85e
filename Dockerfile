# The app image for docker-compose.yml's `scale` profile (two web instances and the job worker
# run the same image). NEXT_SERVER_ACTIONS_ENCRYPTION_KEY must be the same at build and at run.
FROM node:20-bookworm-slim
WORKDIR /app
ENV NEXT_TELEMETRY_DISABLED=1
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY . .
ARG NEXT_SERVER_ACTIONS_ENCRYPTION_KEY
ARG BYLINE_BUILD_ID=docker
ENV BYLINE_BUILD_ID=${BYLINE_BUILD_ID}
RUN NEXT_SERVER_ACTIONS_ENCRYPTION_KEY=${NEXT_SERVER_ACTIONS_ENCRYPTION_KEY} npm run build
ENV HOST=0.0.0.0 PORT=3000
EXPOSE 3000
CMD ["node", "server/launcher.mjs", "start"]
