// The baseline: one HTML file served by Node's http module and nothing else, as a plain file
// server would (stat, then stream from disk). Run as a child: `node static-server.mjs <file>`;
// prints its port on stdout.
import fs from 'node:fs'
import http from 'node:http'

const file = process.argv[2]
const server = http.createServer((req, res) => {
  fs.stat(file, (error, stat) => {
    if (error) {
      res.writeHead(404).end()
      return
    }
    res.writeHead(200, {
      'Content-Type': 'text/html; charset=utf-8',
      'Content-Length': stat.size,
      'Last-Modified': stat.mtime.toUTCString(),
    })
    fs.createReadStream(file).pipe(res)
  })
})
server.listen(0, '127.0.0.1', () => console.log(server.address().port))
process.on('SIGTERM', () => server.close(() => process.exit(0)))
