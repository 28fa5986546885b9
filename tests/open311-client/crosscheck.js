// Drives the portal's Open311 API with Code for America's node-open311 client (npm "open311"), a client we did not
// write: discovery, services, a service definition, a POST with an attribute, and reading the request back singly,
// by a list of ids and by status. Usage: OPEN311_BASE=http://127.0.0.1:5000 OPEN311_KEY=ik_… node crosscheck.js
'use strict';
const assert = require('assert');
const Open311 = require('./vendor/open311.js');

const base = process.env.OPEN311_BASE || 'http://127.0.0.1:5000';
const key = process.env.OPEN311_KEY;
assert.ok(key, 'set OPEN311_KEY to a key from `integritas apikey create`');

const call = (fn, ...args) => new Promise((resolve, reject) =>
  fn(...args, (err, data) => (err ? reject(new Error(`${err}: ${data}`)) : resolve(data))));

(async () => {
  const client = new Open311({ discovery: `${base}/open311/v2/discovery.json`, apiKey: key });
  const discovery = await call(client.serviceDiscovery.bind(client), { cache: true });
  assert.strictEqual(discovery.endpoints[0].specification, 'http://wiki.open311.org/GeoReport_v2');
  assert.strictEqual(client.endpoint, `${base}/open311/v2/`);
  console.log('discovery ok:', client.endpoint);

  const services = await call(client.serviceList.bind(client));
  const road = services.find(s => s.service_code === 'jalan-rusak');
  assert.ok(road && road.metadata === true, 'jalan-rusak with metadata');
  console.log('services ok:', services.length);

  const definition = await call(client.serviceDefinition.bind(client), 'jalan-rusak');
  assert.strictEqual(definition.attributes[0].code, 'tingkat');
  console.log('service definition ok:', definition.attributes.map(a => a.code).join(','));

  const created = await call(client.submitRequest.bind(client), {
    service_code: 'jalan-rusak', lat: 3.7551, long: 98.4551, address_string: 'Jl. Sudirman, Stabat',
    description: 'Dikirim oleh klien node-open311.', email: 'warga@contoh.id', first_name: 'Siti', last_name: 'Aminah',
    attributes: { tingkat: 'sedang' },
  });
  const id = created[0].service_request_id;
  assert.ok(id && !created[0].token, 'service_request_id, not a token');
  console.log('submitRequest ok:', id);

  const one = await call(client.serviceRequests.bind(client), id);
  assert.strictEqual(one[0].service_request_id, id);
  assert.strictEqual(one[0].status, 'open');
  assert.ok(one[0].requested_datetime instanceof Date && !isNaN(one[0].requested_datetime), 'requested_datetime parses');
  assert.ok(one[0].expected_datetime instanceof Date && one[0].expected_datetime > one[0].requested_datetime, 'expected_datetime after requested');
  console.log('serviceRequest ok:', one[0].requested_datetime.toISOString(), '->', one[0].expected_datetime.toISOString());

  const many = await call(client.serviceRequests.bind(client), [id, 'ZZZZ-ZZZZ']);
  assert.deepStrictEqual(many.map(r => r.service_request_id), [id]);
  const open = await call(client.serviceRequests.bind(client), { status: 'open', service_code: 'jalan-rusak' });
  assert.ok(open.some(r => r.service_request_id === id) && open.every(r => r.status === 'open'));
  console.log('serviceRequests ok:', open.length, 'open road reports');

  // A bad submission surfaces as the client's error with our Open311 error body.
  await assert.rejects(call(client.submitRequest.bind(client), { service_code: 'tidak-ada', lat: 3.7, long: 98.4, description: 'x' }), /404/);
  const keyless = new Open311({ endpoint: client.endpoint, apiKey: 'ik_salah' });
  await assert.rejects(call(keyless.submitRequest.bind(keyless), { service_code: 'sampah', address_string: 'Pasar', description: 'x' }), /403/);
  console.log('errors ok: 404 unknown service, 403 bad key');
  console.log('node-open311 cross-check passed');
})().catch(e => { console.error('FAILED:', e.message); process.exit(1); });
