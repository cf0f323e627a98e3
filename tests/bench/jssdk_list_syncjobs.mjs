// Lists sync jobs with the official AWS SDK for JavaScript v3 paginator, for SyncDeck's parity
// test and client benchmark. Credentials come from AWS_ACCESS_KEY_ID / AWS_SECRET_ACCESS_KEY.
// Usage: node jssdk_list_syncjobs.mjs ENDPOINT APP INDEX DATASOURCE [--page-size N]
//        [--status S] [--start-time ISO] [--end-time ISO] [--count]
// Prints one executionId per line, or with --count only the number of jobs and the seconds.
import { QBusinessClient, paginateListDataSourceSyncJobs } from "@aws-sdk/client-qbusiness";
import { NodeHttpHandler } from "@smithy/node-http-handler";

const [endpoint, applicationId, indexId, dataSourceId, ...rest] = process.argv.slice(2);
const opt = (name) => {
  const i = rest.indexOf(name);
  return i >= 0 ? rest[i + 1] : undefined;
};
const input = { applicationId, indexId, dataSourceId };
if (opt("--status")) input.statusFilter = opt("--status");
if (opt("--start-time")) input.startTime = new Date(opt("--start-time"));
if (opt("--end-time")) input.endTime = new Date(opt("--end-time"));

const client = new QBusinessClient({
  endpoint,
  region: process.env.AWS_REGION || "us-east-1",
  requestHandler: new NodeHttpHandler(),
  maxAttempts: 3,
});
const started = process.hrtime.bigint();
let count = 0;
const ids = [];
const pageSize = opt("--page-size") ? Number(opt("--page-size")) : undefined;
for await (const page of paginateListDataSourceSyncJobs({ client, pageSize }, input)) {
  for (const job of page.history ?? []) {
    count++;
    if (!rest.includes("--count")) ids.push(job.executionId);
  }
}
const seconds = Number(process.hrtime.bigint() - started) / 1e9;
if (rest.includes("--count")) console.log(`${count} ${seconds.toFixed(3)}`);
else console.log(ids.join("\n"));
