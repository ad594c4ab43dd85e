// Debian's nginx (nginx-light) as the load balancer of the scale tests (scripts/scale.mjs) and of
// `npm run bench -- --instances 2`: a config in `dir` that balances `upstreams` without sticky
// sessions, retrying a GET (never a POST) on the other instance when one is gone.
import fs from 'node:fs'
import path from 'node:path'

export const NGINX = process.env.NGINX || '/usr/sbin/nginx'
export const NGINX_MISSING = `${NGINX} not found: install Debian's nginx-light (apt-get install nginx-light; .ci/run does) or set NGINX`

/** Writes `dir`/nginx.conf listening on 127.0.0.1:`port`; returns `dir`. Run: nginx -p dir -c dir/nginx.conf. */
export function nginxConfig({ dir, port, upstreams }) {
  fs.mkdirSync(path.join(dir, 'logs'), { recursive: true })
  const conf = `
daemon off;
worker_processes 1;
pid ${dir}/nginx.pid;
error_log ${dir}/logs/error.log warn;
events { worker_connections 1024; }
http {
  access_log off;
  client_body_temp_path ${dir}/body;
  proxy_temp_path ${dir}/proxy;
  fastcgi_temp_path ${dir}/fastcgi;
  uwsgi_temp_path ${dir}/uwsgi;
  scgi_temp_path ${dir}/scgi;
  client_max_body_size 20m;
  upstream byline {
${upstreams.map((u) => `    server ${u} max_fails=1 fail_timeout=5s;`).join('\n')}
    keepalive 16;
  }
  server {
    listen 127.0.0.1:${port};
    location / {
      proxy_pass http://byline;
      proxy_http_version 1.1;
      proxy_set_header Connection "";
      proxy_set_header Host $http_host;
      proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;
      proxy_set_header X-Forwarded-Proto $scheme;
      # A GET whose instance died is tried on the other; a POST is not (it may have been stored).
      proxy_next_upstream error timeout http_502 http_503;
      proxy_connect_timeout 2s;
    }
  }
}
`
  fs.writeFileSync(path.join(dir, 'nginx.conf'), conf)
  return dir
}
