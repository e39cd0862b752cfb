// The baseline for desk latency: a bare Socket.IO server with nothing of the app in it. POST
// /emit/<room>/<id> emits to that room and answers 201, as an accepted report does after its event.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Server } from 'socket.io';

const http = createServer((req, res) => {
  const match = /^\/emit\/([\w-]+)\/(\d+)$/.exec(req.url ?? '');
  if (req.method !== 'POST' || !match) { res.writeHead(404).end(); return; }
  req.resume();
  req.on('end', () => {
    io.to(match[1]).emit('msg', { id: Number(match[2]) });
    res.writeHead(201, { 'Content-Type': 'application/json' }).end(JSON.stringify({ ok: true }));
  });
});
const io = new Server(http, { serveClient: false, transports: ['websocket'] });
io.on('connection', (socket) => { socket.join(String(socket.handshake.query.room)); });
http.listen(0, '127.0.0.1', () => process.send?.({ type: 'ready', port: (http.address() as AddressInfo).port }));
process.on('message', () => { io.close(); http.close(() => process.exit(0)); });
