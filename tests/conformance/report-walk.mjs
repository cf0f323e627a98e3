// A run's document report through the emulator with the official AWS SDK for JavaScript v3
// (@aws-sdk/client-cloudwatch-logs, @aws-sdk/client-qbusiness): the same events as SyncDeck got,
// typed errors, and ListDocuments.
// Environment: SYNCDECK_ENDPOINT, SYNCDECK_THROTTLE_ENDPOINT (every call throttled),
// SYNCDECK_LOG_GROUP, SYNCDECK_LOG_STREAM, SYNCDECK_START_TIME, SYNCDECK_END_TIME (epoch ms),
// SYNCDECK_EXPECT_EVENTS, SYNCDECK_EXPECT_DIGEST (sha256 over "eventId\nmessage\n" of every event,
// in order), SYNCDECK_MISSING_GROUP, SYNCDECK_APPLICATION_ID, SYNCDECK_INDEX_ID,
// SYNCDECK_DATA_SOURCE_ID, SYNCDECK_EXPECT_DOCUMENTS, SYNCDECK_EXPECT_DOCUMENTS_DIGEST (sha256 over
// "documentId\nstatus\n"). Prints one line per check and "all checks passed"; exits 1 otherwise.
import {
  CloudWatchLogsClient,
  FilterLogEventsCommand,
  ResourceNotFoundException,
  ThrottlingException,
  paginateFilterLogEvents,
} from "@aws-sdk/client-cloudwatch-logs";
import { QBusinessClient, paginateListDocuments } from "@aws-sdk/client-qbusiness";
import { NodeHttpHandler } from "@smithy/node-http-handler";
import assert from "node:assert/strict";
import { createHash } from "node:crypto";

const env = (name) => {
  const value = process.env[name];
  if (value === undefined || value === "") throw new Error(`${name} is not set`);
  return value;
};
const credentials = {
  accessKeyId: "AKIDSYNCDECKEMULATOR",
  secretAccessKey: "SyncDeck/Emulator+Secret/Key0000000000000",
};
const options = (endpoint, extra = {}) => ({
  region: "us-east-1",
  endpoint,
  credentials,
  requestHandler: new NodeHttpHandler(),
  ...extra,
});
const check = (what) => console.log(`ok - ${what}`);

async function main() {
  const logs = new CloudWatchLogsClient(options(env("SYNCDECK_ENDPOINT")));
  const input = {
    logGroupName: env("SYNCDECK_LOG_GROUP"),
    logStreamNames: [env("SYNCDECK_LOG_STREAM")],
    startTime: Number(env("SYNCDECK_START_TIME")),
    endTime: Number(env("SYNCDECK_END_TIME")),
  };
  const started = process.hrtime.bigint();
  const hash = createHash("sha256");
  let events = 0;
  let pages = 0;
  for await (const page of paginateFilterLogEvents({ client: logs }, input)) {
    pages++;
    for (const e of page.events ?? []) {
      hash.update(`${e.eventId}\n${e.message}\n`);
      events++;
    }
  }
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  assert.equal(events, Number(env("SYNCDECK_EXPECT_EVENTS")), "events paged");
  assert.equal(hash.digest("hex"), env("SYNCDECK_EXPECT_DIGEST"), "digest of the events");
  check(`paginateFilterLogEvents: ${events} events in ${pages} pages, the same as SyncDeck's ` +
        `(${seconds.toFixed(2)} s)`);

  await assert.rejects(
    logs.send(new FilterLogEventsCommand({ ...input, logGroupName: env("SYNCDECK_MISSING_GROUP") })),
    (e) => e instanceof ResourceNotFoundException && /log group does not exist/.test(e.message));
  check("a missing log group is a ResourceNotFoundException");

  const throttled = new CloudWatchLogsClient(
    options(env("SYNCDECK_THROTTLE_ENDPOINT"), { maxAttempts: 1 }));
  await assert.rejects(throttled.send(new FilterLogEventsCommand(input)),
                       (e) => e instanceof ThrottlingException);
  check("a throttled call is a ThrottlingException");

  const qb = new QBusinessClient(options(env("SYNCDECK_ENDPOINT")));
  const docs = createHash("sha256");
  let documents = 0;
  for await (const page of paginateListDocuments({ client: qb, pageSize: 100 }, {
    applicationId: env("SYNCDECK_APPLICATION_ID"),
    indexId: env("SYNCDECK_INDEX_ID"),
    dataSourceIds: [env("SYNCDECK_DATA_SOURCE_ID")],
  })) {
    for (const d of page.documentDetailList ?? []) {
      assert.ok(d.createdAt instanceof Date && d.updatedAt instanceof Date, "timestamps");
      docs.update(`${d.documentId}\n${d.status}\n`);
      documents++;
    }
  }
  assert.equal(documents, Number(env("SYNCDECK_EXPECT_DOCUMENTS")), "documents listed");
  assert.equal(docs.digest("hex"), env("SYNCDECK_EXPECT_DOCUMENTS_DIGEST"), "documents digest");
  check(`paginateListDocuments: ${documents} documents, the same as SyncDeck's`);
  console.log("all checks passed");
}

main().catch((e) => {
  console.log(`not ok - ${e.stack ?? e}`);
  process.exit(1);
});
