// Validates a JSON document against a JSON Schema with ajv (from .ci/node).
// Usage: node validate_json.js SCHEMA.json DOCUMENT.json
const path = require('path');
const fs = require('fs');
const nodeModules = path.join(__dirname, '..', '..', '.ci', 'node', 'node_modules');
let Ajv;
try {
  Ajv = require(path.join(nodeModules, 'ajv'));
} catch (e) {
  console.error('ajv is not installed: run .ci/setup --test (npm ci in .ci/node)');
  process.exit(2);
}
const [schemaFile, docFile] = process.argv.slice(2);
const ajv = new Ajv({allErrors: true, strict: true});
const validate = ajv.compile(JSON.parse(fs.readFileSync(schemaFile, 'utf8')));
const doc = JSON.parse(fs.readFileSync(docFile, 'utf8'));
if (!validate(doc)) {
  console.error(JSON.stringify(validate.errors, null, 2));
  process.exit(1);
}
console.log('valid: ' + docFile);
