// A static HTTPS file server on loopback, for the status list credentials an institution
// hosts itself (`skillpass status list-credential`): the Bitstring Status List suite only
// dereferences https:// status list URLs. The certificate is a throw-away self-signed one
// made by run.sh (the suite does not check it).
//
//   node static-https.mjs ROOT PORT CERT KEY
//
// A file whose text starts with `{` (JSON with an embedded proof) is served as
// application/vc, or as application/ld+json to a client that asks only for JSON-LD or JSON
// (the suite's HTTP client does); anything else as application/vc+jwt. Only GET and HEAD; no directory listings;
// nothing outside ROOT.
import {createServer} from 'node:https';
import {readFileSync, statSync} from 'node:fs';
import {resolve, sep} from 'node:path';

const [root, port, cert, key] = process.argv.slice(2);
const base = resolve(root);

createServer({cert: readFileSync(cert), key: readFileSync(key)}, (req, res) => {
  if(req.method !== 'GET' && req.method !== 'HEAD') {
    res.writeHead(405, {allow: 'GET, HEAD'}).end();
    return;
  }
  const path = resolve(base, '.' + decodeURIComponent(new URL(req.url, 'https://x').pathname));
  if(!(path === base || path.startsWith(base + sep))) {
    res.writeHead(404).end();
    return;
  }
  let body;
  try {
    if(!statSync(path).isFile()) {
      throw new Error('not a file');
    }
    body = readFileSync(path);
  } catch {
    res.writeHead(404).end();
    return;
  }
  const accept = String(req.headers.accept ?? '');
  const json = body.toString('utf8').trimStart().startsWith('{');
  const type = !json ? 'application/vc+jwt' :
    (/application\/(ld\+)?json/.test(accept) && !accept.includes('application/vc')) ?
      'application/ld+json' : 'application/vc';
  res.writeHead(200, {'content-type': type, 'content-length': body.length});
  res.end(req.method === 'HEAD' ? undefined : body);
}).listen(Number(port), '127.0.0.1');
