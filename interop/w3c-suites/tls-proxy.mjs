// A TLS front for a Skillpass service on loopback, as a deployment puts a TLS-terminating
// proxy before it (the services speak plain HTTP on loopback):
//
//   node tls-proxy.mjs PORT TARGET CERT KEY      # https://127.0.0.1:PORT -> TARGET (http)
//
// The suites reach local implementations over https:// through their shared registry,
// which reads the VC-API's {"verifiableCredential": …} answers; their own http:// path does
// not (CONFORMANCE.md). Requests and answers pass through unchanged.
import {createServer} from 'node:https';
import {request} from 'node:http';
import {readFileSync} from 'node:fs';

const [port, target, cert, key] = process.argv.slice(2);
const to = new URL(target);

createServer({cert: readFileSync(cert), key: readFileSync(key)}, (req, res) => {
  const upstream = request({
    host: to.hostname, port: to.port, method: req.method, path: req.url,
    headers: {...req.headers, host: to.host}
  }, answer => {
    res.writeHead(answer.statusCode, answer.headers);
    answer.pipe(res);
  });
  upstream.on('error', () => {
    res.writeHead(502, {'content-type': 'application/json'});
    res.end(JSON.stringify({error: 'the service behind the proxy did not answer'}));
  });
  req.pipe(upstream);
}).listen(Number(port), '127.0.0.1');
