// Conformance of the SyncDeck emulator with the official AWS SDK for JavaScript v3.
// Environment: SYNCDECK_ENDPOINT (seeded emulator), SYNCDECK_THROTTLE_ENDPOINT (same seed with
// --fault throttle=1), SYNCDECK_EXPECT_APPLICATIONS, SYNCDECK_EXPECT_DATA_SOURCES (per index),
// SYNCDECK_EXPECT_JOBS (per data source). Prints one line per check; exits 1 on the first failure.
import {
  QBusinessClient,
  ConflictException,
  ResourceNotFoundException,
  ThrottlingException,
  ValidationException,
  GetDataSourceCommand,
  ListDataSourceSyncJobsCommand,
  StartDataSourceSyncJobCommand,
  paginateListApplications,
  paginateListDataSourceSyncJobs,
  paginateListDataSources,
  paginateListIndices,
} from "@aws-sdk/client-qbusiness";
import { NodeHttpHandler } from "@smithy/node-http-handler";
import assert from "node:assert/strict";

const env = (name) => {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set`);
  return value;
};
const endpoint = env("SYNCDECK_ENDPOINT");
const throttleEndpoint = env("SYNCDECK_THROTTLE_ENDPOINT");
const expectApplications = Number(env("SYNCDECK_EXPECT_APPLICATIONS"));
const expectDataSources = Number(env("SYNCDECK_EXPECT_DATA_SOURCES"));
const expectJobs = Number(env("SYNCDECK_EXPECT_JOBS"));
const credentials = {
  accessKeyId: "AKIDSYNCDECKEMULATOR",
  secretAccessKey: "SyncDeck/Emulator+Secret/Key0000000000000",
};
const client = (url, extra = {}) =>
  new QBusinessClient({
    region: "us-east-1",
    endpoint: url,
    credentials,
    requestHandler: new NodeHttpHandler(),
    ...extra,
  });
const qb = client(endpoint);
const check = (what) => console.log(`ok - ${what}`);

async function all(paginator, member) {
  const items = [];
  let pages = 0;
  for await (const page of paginator) {
    items.push(...page[member]);
    pages++;
  }
  return { items, pages };
}

async function expectError(promise, type, what) {
  try {
    await promise;
  } catch (e) {
    if (type && !(e instanceof type)) throw new Error(`${what}: expected ${type.name}, got ${e.name}: ${e.message}`);
    check(`${what} -> ${e.name} (${e.$metadata?.httpStatusCode})`);
    return e;
  }
  throw new Error(`${what}: expected an error`);
}

const TERMINAL = new Set(["FAILED", "SUCCEEDED", "INCOMPLETE", "ABORTED"]);
const STATUSES = ["FAILED", "SUCCEEDED", "SYNCING", "INCOMPLETE", "STOPPING", "ABORTED", "SYNCING_INDEXING"];

// Discovery: every application, index and data source, through the SDK's paginators.
const { items: apps } = await all(paginateListApplications({ client: qb, pageSize: 1 }, {}), "applications");
assert.equal(apps.length, expectApplications);
for (const a of apps) {
  assert.equal(a.applicationId.length, 36);
  assert.ok(a.createdAt instanceof Date && !isNaN(a.createdAt));
}
check(`ListApplications: ${apps.length} applications, one per page`);

let dataSourceCount = 0;
let jobCount = 0;
let running = 0;
let first = null;
for (const app of apps) {
  const { items: indices } = await all(paginateListIndices({ client: qb }, { applicationId: app.applicationId }), "indices");
  for (const index of indices) {
    const ids = { applicationId: app.applicationId, indexId: index.indexId };
    // Paginators write nextToken into the input they are given: hand them copies.
    const { items: sources } = await all(paginateListDataSources({ client: qb, pageSize: 2 }, { ...ids }), "dataSources");
    assert.equal(sources.length, expectDataSources);
    for (const ds of sources) {
      for (const m of ["displayName", "dataSourceId", "type", "createdAt", "updatedAt", "status"]) assert.ok(ds[m] !== undefined, m);
      const dsIds = { ...ids, dataSourceId: ds.dataSourceId };
      first ??= dsIds;
      const details = await qb.send(new GetDataSourceCommand(dsIds));
      assert.equal(details.dataSourceId, ds.dataSourceId);
      assert.equal(details.type, ds.type);
      assert.ok(details.dataSourceArn.startsWith("arn:aws:qbusiness:"));

      const { items: jobs, pages } = await all(paginateListDataSourceSyncJobs({ client: qb, pageSize: 10 }, { ...dsIds }), "history");
      assert.equal(jobs.length, expectJobs, `jobs of ${ds.displayName}`);
      assert.equal(pages, Math.ceil(expectJobs / 10));
      let previous = Infinity;
      for (const j of jobs) {
        assert.ok(j.startTime instanceof Date);
        assert.ok(j.startTime.getTime() <= previous, "newest first");
        previous = j.startTime.getTime();
        assert.equal(j.executionId.length, 36);
        if (!TERMINAL.has(j.status)) running++;
        else assert.ok(j.endTime instanceof Date && j.endTime >= j.startTime);
        for (const [k, v] of Object.entries(j.metrics ?? {})) assert.match(v, /^(0|[1-9][0-9]*)$/, k);
        if (j.status === "FAILED") assert.ok(["InternalError", "InvalidRequest", "ResourceInactive", "ResourceNotFound"].includes(j.error.errorCode));
      }
      jobCount += jobs.length;
      dataSourceCount++;

      // Status filters: the counts of the full walk, for every status (the running job may
      // move on between walks, so only the first data source gets a tolerance of one).
      for (const status of STATUSES) {
        const expected = jobs.filter((j) => j.status === status).length;
        const { items } = await all(paginateListDataSourceSyncJobs({ client: qb, pageSize: 7 }, { ...dsIds, statusFilter: status }), "history");
        assert.ok(items.every((j) => j.status === status));
        if (dsIds === first && status.startsWith("SYNCING")) assert.ok(Math.abs(items.length - expected) <= 1);
        else assert.equal(items.length, expected, `${ds.displayName} ${status}`);
      }
      // Time range: jobs whose start time lies in [startTime, endTime].
      const from = jobs[Math.min(jobs.length - 1, 123)].startTime;
      const to = jobs[Math.min(jobs.length - 1, 17)].startTime;
      const expectedRange = jobs.filter((j) => j.startTime >= from && j.startTime <= to).length;
      const { items: ranged } = await all(paginateListDataSourceSyncJobs({ client: qb, pageSize: 10 }, { ...dsIds, startTime: from, endTime: to }), "history");
      assert.equal(ranged.length, expectedRange);
      const { items: failedInRange } = await all(paginateListDataSourceSyncJobs({ client: qb }, { ...dsIds, startTime: from, endTime: to, statusFilter: "FAILED" }), "history");
      assert.equal(failedInRange.length, jobs.filter((j) => j.startTime >= from && j.startTime <= to && j.status === "FAILED").length);
    }
  }
}
assert.equal(running, 1, "exactly one running job");
check(`ListDataSourceSyncJobs: ${jobCount} jobs in ${dataSourceCount} data sources, status and time filters agree`);

// The demo's data source: newest finished run FAILED.
{
  const page = await qb.send(new ListDataSourceSyncJobsCommand({ ...first, maxResults: 2 }));
  assert.equal(page.history[1].status, "FAILED");
  assert.ok(page.nextToken.includes("+") && page.nextToken.includes("/") && page.nextToken.includes("="));
  check("first data source ends with a FAILED run; tokens hold + / =");
  const e = await expectError(
    qb.send(new ListDataSourceSyncJobsCommand({ ...first, nextToken: page.nextToken, statusFilter: "SUCCEEDED" })),
    ValidationException, "token reused with another filter");
  assert.equal(e.fields[0].name, "nextToken");
}

// Typed errors with their modeled members.
{
  const e = await expectError(qb.send(new GetDataSourceCommand({ ...first, dataSourceId: "too-short" })), ValidationException, "GetDataSource with a bad id");
  assert.equal(e.$metadata.httpStatusCode, 400);
  assert.equal(e.reason, "FIELD_VALIDATION_FAILED");
  assert.equal(e.fields[0].name, "dataSourceId");
}
{
  const e = await expectError(qb.send(new ListDataSourceSyncJobsCommand({ ...first, maxResults: 11 })), ValidationException, "maxResults 11");
  assert.equal(e.fields[0].name, "maxResults");
}
{
  const missing = "00000000-0000-4000-8000-000000000000";
  const e = await expectError(qb.send(new ListDataSourceSyncJobsCommand({ ...first, dataSourceId: missing })), ResourceNotFoundException, "unknown data source");
  assert.equal(e.$metadata.httpStatusCode, 404);
  assert.equal(e.resourceId, missing);
  assert.equal(e.resourceType, "DataSource");
  assert.ok(e.$metadata.requestId);
}
{
  const e = await expectError(qb.send(new StartDataSourceSyncJobCommand(first)), ConflictException, "start while a sync runs");
  assert.equal(e.resourceId, first.dataSourceId);
}

// Throttling, without retries.
{
  const throttled = client(throttleEndpoint, { maxAttempts: 1 });
  const e = await expectError(throttled.send(new ListDataSourceSyncJobsCommand(first)), ThrottlingException, "throttle fault");
  assert.equal(e.$metadata.httpStatusCode, 429);
  assert.equal(e.$metadata.attempts, 1);
}

// A wrong secret: the signature is refused.
{
  const wrong = client(endpoint, { credentials: { ...credentials, secretAccessKey: "wrong" }, maxAttempts: 1 });
  const e = await expectError(wrong.send(new ListDataSourceSyncJobsCommand(first)), null, "wrong secret");
  assert.equal(e.name, "InvalidSignatureException");
  assert.equal(e.$metadata.httpStatusCode, 403);
  assert.match(e.message, /The request signature we calculated does not match/);
}
console.log("all checks passed");
