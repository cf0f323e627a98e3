// The JavaScript side of tst_sigv4differential: signs every request described on stdin with the
// AWS SDK for JavaScript v3's signer (@smithy/signature-v4) and prints, for each, the canonical
// request it built and the Authorization it produced, as one JSON array.
//
// Usage: node sigv4_differential.cjs <node_modules dir> < cases.json
// cases.json: {accessKeyId, secretAccessKey, cases: [{method, host, path,
//              query: {name: decoded value | [decoded values]}, headers: {name: value}, body,
//              sessionToken (or ""), region, service, time (ISO 8601), applyChecksum}]}
// Exit code 77 (skip) when the signer is not installed.
"use strict";

const path = require("node:path");
const fs = require("node:fs");

const modules = path.resolve(process.argv[2] || "node_modules");
let SignatureV4, Sha256;
try {
    ({ SignatureV4 } = require(path.join(modules, "@smithy/signature-v4")));
    ({ Sha256 } = require(path.join(modules, "@aws-crypto/sha256-js")));
} catch (e) {
    console.log(`the AWS SDK signer is not installed in ${modules}: ${e.message}`);
    process.exit(77);
}

// Keeps the canonical request the SDK hashes, so a difference can be shown line by line.
class CapturingSigner extends SignatureV4 {
    createCanonicalRequest(request, canonicalHeaders, payloadHash) {
        this.lastCanonicalRequest = super.createCanonicalRequest(request, canonicalHeaders,
                                                                 payloadHash);
        return this.lastCanonicalRequest;
    }
}

async function signOne(spec, c) {
    const signer = new CapturingSigner({
        credentials: {
            accessKeyId: spec.accessKeyId,
            secretAccessKey: spec.secretAccessKey,
            sessionToken: c.sessionToken || undefined,
        },
        region: c.region,
        service: c.service,
        sha256: Sha256,
        applyChecksum: c.applyChecksum,
    });
    const signed = await signer.sign({
        method: c.method,
        protocol: "https:",
        hostname: c.host,
        path: c.path,
        query: c.query,
        headers: { ...c.headers },
        body: c.body,
    }, { signingDate: new Date(c.time) });
    return {
        canonicalRequest: signer.lastCanonicalRequest,
        authorization: signed.headers.authorization,
    };
}

async function main() {
    const spec = JSON.parse(fs.readFileSync(0, "utf8"));
    const results = [];
    for (const c of spec.cases)
        results.push(await signOne(spec, c));
    process.stdout.write(JSON.stringify(results));
}

main().catch((e) => {
    console.error(e && e.stack ? e.stack : String(e));
    process.exit(1);
});
