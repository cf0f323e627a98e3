// The JavaScript side of bench_sigv4: signs the request described on stdin with the AWS SDK for
// JavaScript v3's signer (@smithy/signature-v4) in a loop for a fixed time and prints one JSON
// line with the throughput of each hash implementation and the Authorization it produced (so the
// C++ side can check that both signed the very same request).
//
// Usage: node sigv4_smithy.cjs <node_modules dir> < spec.json
// spec: {method, hostname, path, query: {name: decoded value}, headers: {name: value},
//        accessKeyId, secretAccessKey, sessionToken, region, service, time (ISO 8601),
//        seconds (measuring time per hash), rounds}
"use strict";

const path = require("node:path");
const crypto = require("node:crypto");

const modules = path.resolve(process.argv[2] || "node_modules");
const { SignatureV4 } = require(path.join(modules, "@smithy/signature-v4"));
const { Sha256: JsSha256 } = require(path.join(modules, "@aws-crypto/sha256-js"));

// The Checksum the AWS SDK uses under node (@smithy/hash-node's Hash bound to "sha256"),
// written out here on node:crypto because that package is not among the pinned tools.
class NodeSha256 {
    constructor(secret) {
        this.secret = secret;
        this.reset();
    }
    update(data) {
        this.hash.update(typeof data === "string" ? Buffer.from(data, "utf8")
                                                 : Buffer.from(data.buffer, data.byteOffset,
                                                               data.byteLength));
    }
    digest() {
        return Promise.resolve(new Uint8Array(this.hash.digest()));
    }
    reset() {
        if (this.secret === undefined) {
            this.hash = crypto.createHash("sha256");
        } else {
            const key = typeof this.secret === "string" ? Buffer.from(this.secret, "utf8")
                                                        : Buffer.from(this.secret);
            this.hash = crypto.createHmac("sha256", key);
        }
    }
}

async function measure(spec, sha256) {
    const signer = new SignatureV4({
        credentials: {
            accessKeyId: spec.accessKeyId,
            secretAccessKey: spec.secretAccessKey,
            sessionToken: spec.sessionToken,
        },
        region: spec.region,
        service: spec.service,
        sha256,
        // SyncDeck does not send x-amz-content-sha256 to qbusiness: keep the requests identical.
        applyChecksum: false,
    });
    const request = {
        method: spec.method,
        protocol: "https:",
        hostname: spec.hostname,
        path: spec.path,
        query: spec.query,
        headers: spec.headers,
    };
    const signingDate = new Date(spec.time);
    const once = async () => signer.sign(request, { signingDate });

    const first = await once();
    // Warm up the JIT before measuring.
    const warmUntil = process.hrtime.bigint() + 300_000_000n;
    while (process.hrtime.bigint() < warmUntil)
        await once();

    // Best of `rounds` rounds, as the C++ side measures: the least disturbed figure.
    const rounds = spec.rounds || 5;
    const budget = BigInt(Math.round((spec.seconds / rounds) * 1e9));
    let best = 0;
    for (let round = 0; round < rounds; ++round) {
        const start = process.hrtime.bigint();
        let count = 0;
        let elapsed = 0n;
        do {
            for (let i = 0; i < 200; ++i)
                await once();
            count += 200;
            elapsed = process.hrtime.bigint() - start;
        } while (elapsed < budget);
        best = Math.max(best, count / (Number(elapsed) / 1e9));
    }
    return {
        signaturesPerSecond: best,
        authorization: first.headers.authorization,
    };
}

async function main() {
    const spec = JSON.parse(require("node:fs").readFileSync(0, "utf8"));
    const nodeCrypto = await measure(spec, NodeSha256);
    const jsSha = await measure(spec, JsSha256);
    process.stdout.write(JSON.stringify({
        node: process.version,
        signer: require(path.join(modules, "@smithy/signature-v4/package.json")).version,
        nodeCrypto,
        sha256Js: jsSha,
    }) + "\n");
}

main().catch((e) => {
    process.stderr.write(`sigv4_smithy: ${e.stack || e}\n`);
    process.exit(1);
});
