#include "generator.h"

#include "rng.h"

#include <algorithm>

namespace syncdeck::emulator {

namespace {

constexpr qint64 Minute = 60 * 1000;
constexpr qint64 Hour = 60 * Minute;
constexpr qint64 Day = 24 * Hour;

const char *const ApplicationNames[] = {
    "acme-knowledge-assistant", "support-copilot", "engineering-search", "hr-helpdesk",
    "sales-enablement",         "legal-research",  "it-service-desk",    "finance-insights",
};

struct Connector
{
    const char *type;
    const char *name;
    const char *description;
    const char *sourceErrorCode; // what the connector reports when its source refuses it
    const char *sourceFailure; // an errorMessage for that refusal; %1 is the account id
};

const Connector Connectors[] = {
    {"CONFLUENCE", "confluence-engineering-wiki", "Engineering space of the Confluence Cloud site",
     "InvalidCredentials",
     "The Confluence credentials in secret "
     "arn:aws:secretsmanager:us-east-1:%1:secret:qbusiness-confluence were rejected with HTTP 401. "
     "Update the API token in the secret and sync again."},
    {"S3", "s3-policy-documents", "Policies and handbooks from the corporate documents bucket",
     "NoSuchBucket",
     "The S3 bucket acme-policy-documents does not exist or is not in the data source's Region."},
    {"SHAREPOINT", "sharepoint-hr-portal", "HR portal site collection (SharePoint Online)",
     "SiteNotFound",
     "The SharePoint site https://acme.sharepoint.com/sites/hr returned HTTP 404. Check the site "
     "URL in the data source configuration."},
    {"JIRA", "jira-service-desk", "Service desk projects and their resolved issues",
     "HTTP_429_TOO_MANY_REQUESTS",
     "Jira Cloud kept answering HTTP 429 Too Many Requests; the sync gave up after the retry "
     "budget was exhausted."},
    {"WEBCRAWLER", "webcrawler-public-docs", "docs.acme.example, crawled to depth 3",
     "ConnectionTimeout",
     "The web crawler could not reach https://docs.acme.example/ within 30 seconds."},
    {"SALESFORCEV2", "salesforce-accounts", "Accounts, cases and knowledge articles",
     "InvalidCredentials",
     "The Salesforce OAuth token has expired. Reauthorize the connected app."},
    {"SERVICENOWV2", "servicenow-knowledge", "ServiceNow knowledge base articles", "AccessDenied",
     "The ServiceNow user qbusiness-sync is missing the knowledge_admin role."},
    {"GITHUB", "github-platform-repos", "Platform team repositories (README, docs/)", "RateLimited",
     "GitHub's secondary rate limit stopped the crawl."},
    {"SLACK", "slack-support-channels", "Public support channels of the Slack workspace",
     "AccessDenied", "The Slack app was removed from the workspace."},
    {"ONEDRIVEV2", "onedrive-finance-shares", "Shared folders of the finance team", "AccessDenied",
     "The Microsoft Entra app registration lacks Files.Read.All."},
    {"GOOGLEDRIVEV2", "googledrive-marketing", "Marketing shared drives", "AccessDenied",
     "Domain-wide delegation is not granted to the service account."},
    {"ZENDESK", "zendesk-help-center", "Help Center articles and solved tickets",
     "InvalidCredentials", "The Zendesk API token was revoked."},
    {"BOX", "box-contracts", "Signed contracts in Box", "AccessDenied",
     "The Box enterprise app is not authorized by the admin."},
    {"DROPBOX", "dropbox-design-assets", "Design team folders", "InvalidCredentials",
     "The Dropbox refresh token is invalid."},
    {"MSTEAMS", "msteams-announcements", "Announcements channels in Microsoft Teams",
     "AccessDenied", "The Teams app lacks ChannelMessage.Read.All consent."},
};
constexpr int ConnectorCount = int(std::size(Connectors));

struct Cadence
{
    qint64 periodMs;
    const char *schedule;
};
const Cadence Cadences[] = {
    {Hour, "cron(0 * * * ? *)"}, // hourly
    {6 * Hour, "cron(0 */6 * * ? *)"}, // every six hours
    {Day, "cron(0 2 * * ? *)"}, // daily at 02:00
    {15 * Minute, "cron(0/15 * * * ? *)"}, // every 15 minutes
    {4 * Hour, "cron(0 */4 * * ? *)"}, // every four hours
    {30 * Minute, "cron(0/30 * * * ? *)"}, // every 30 minutes
};
constexpr int CadenceCount = int(std::size(Cadences));

struct Failure
{
    JobErrorCode code;
    const char *message; // %1: account id, %2: connector source message
    bool usesSourceCode;
};
const Failure Failures[] = {
    {JobErrorCode::InternalError,
     "The sync job failed because of an internal error. Retry the sync; if the problem persists, "
     "contact AWS Support.",
     false},
    {JobErrorCode::InvalidRequest,
     "Amazon Q Business could not assume the IAM role "
     "arn:aws:iam::%1:role/QBusinessDataSourceRole. "
     "Check the role's trust policy allows qbusiness.amazonaws.com.",
     false},
    {JobErrorCode::InvalidRequest, "%2", true},
    {JobErrorCode::ResourceInactive,
     "The index is not ACTIVE, so documents could not be indexed. Wait until the index is ACTIVE "
     "and sync again.",
     false},
    {JobErrorCode::ResourceNotFound, "%2", true},
    {JobErrorCode::ResourceNotFound,
     "The secret arn:aws:secretsmanager:us-east-1:%1:secret:qbusiness-datasource-credentials was "
     "not found.",
     true},
};
constexpr int FailureCount = int(std::size(Failures));

QByteArray idBytes(Rng &rng)
{
    return makeId(rng.next(), rng.next()).toLatin1();
}

// What every run of one data source shares while its history is generated.
struct HistoryContext
{
    Rng &rng;
    Store *store;
    const QString &account;
    const QString &sourceMessage; // the connector's failure, for its errors
    quint32 sourceCode; // the connector's dataSourceErrorCode
};

// A failed run stops early: it keeps what it reached before giving up. Some fail before their
// first document (no metrics, no report); `partway` runs always get a good way in first, so
// they wrote a report (the demo's latest failures: the window opens on one).
void failRun(JobRecord &job, const Failure &failure, qint64 duration, HistoryContext &h,
             bool partway)
{
    Rng &rng = h.rng;
    job.status = JobStatus::Failed;
    job.errorCode = failure.code;
    // Not arg(): a message may use %2 without %1.
    job.errorMessage = h.store->intern(QString::fromLatin1(failure.message)
                                           .replace(QLatin1String("%1"), h.account)
                                           .replace(QLatin1String("%2"), h.sourceMessage));
    if (failure.usesSourceCode)
        job.dataSourceErrorCode = h.sourceCode;
    const double reached
        = partway ? 0.25 + rng.unit() * 0.5 : (rng.chance(0.4) ? 0.0 : rng.unit() * 0.6);
    for (int m = 0; m < MetricCount; ++m)
        job.metrics[m] = qint64(double(job.metrics[m]) * reached);
    // Some of what it reached failed too, never more than it scanned.
    job.metrics[DocumentsFailed] = reached == 0.0
        ? 0
        : rng.range(1, std::max<qint64>(1, job.metrics[DocumentsScanned] / 10));
    job.hasMetrics = !(reached == 0.0 && rng.chance(0.3));
    job.endMs = job.startMs + std::max<qint64>(5000, duration / 4);
}

// A run that did not fail: mostly SUCCEEDED, sometimes INCOMPLETE or ABORTED.
void endRun(JobRecord &job, qint64 scanned, qint64 duration, HistoryContext &h)
{
    Rng &rng = h.rng;
    const double roll = rng.unit();
    if (roll < 0.06) {
        job.status = JobStatus::Incomplete;
        job.metrics[DocumentsFailed] = rng.range(1, scanned / 30 + 2);
        if (rng.chance(0.5))
            job.dataSourceErrorCode = h.store->intern(QStringLiteral("DocumentTooLarge"));
    } else if (roll < 0.075) {
        job.status = JobStatus::Aborted;
        const double reached = rng.unit() * 0.7;
        for (int m = 0; m < MetricCount; ++m)
            job.metrics[m] = qint64(double(job.metrics[m]) * reached);
        job.endMs = job.startMs + std::max<qint64>(10000, qint64(double(duration) * reached));
    } else {
        job.status = JobStatus::Succeeded;
    }
}

} // namespace

Generator::Generator(const Options &options, qint64 anchorMs)
    : m_options(options)
    , m_anchorMs(anchorMs)
{ }

void Generator::generate(Store *store) const
{
    Rng top = Rng::derived(m_options.seed, 1);
    const QString account = QStringLiteral("%1").arg(top.range(100000000000ll, 999999999999ll));
    const int nameOffset = int(top.range(0, 7));
    const int connectorOffset = int(top.range(0, ConnectorCount - 1));
    int dataSourceCounter = 0;

    auto &apps = store->applications();
    apps.clear();
    for (int a = 0; a < std::max(0, m_options.applications); ++a) {
        Rng rng = Rng::derived(m_options.seed, 2, quint64(a));
        ApplicationRecord app;
        app.id = makeId(rng.next(), rng.next());
        const int nameIndex = (a + nameOffset) % 8;
        app.displayName = QString::fromLatin1(ApplicationNames[nameIndex]);
        if (a >= 8)
            app.displayName += QStringLiteral("-%1").arg(a / 8 + 1);
        app.identityType
            = rng.chance(0.7) ? QStringLiteral("AWS_IAM_IDC") : QStringLiteral("AWS_IAM_IDP_SAML");
        // Every second application has not set up log delivery: its runs have no report.
        app.logDelivery = a % 2 == 0;
        app.createdMs = m_anchorMs - rng.range(400, 700) * Day - rng.range(0, Day);
        app.updatedMs = app.createdMs + rng.range(1, 300) * Day;
        for (int i = 0; i < std::max(0, m_options.indicesPerApplication); ++i) {
            Rng irng = Rng::derived(m_options.seed, 3, quint64(a), quint64(i));
            IndexRecord index;
            index.id = makeId(irng.next(), irng.next());
            index.displayName = i == 0 ? app.displayName + QStringLiteral("-index")
                                       : app.displayName + QStringLiteral("-index-%1").arg(i + 1);
            index.createdMs = app.createdMs + irng.range(Minute, Hour);
            index.updatedMs = index.createdMs + irng.range(0, 30) * Day;
            for (int d = 0; d < std::max(0, m_options.dataSourcesPerIndex); ++d) {
                Rng drng
                    = Rng::derived(m_options.seed, 4, quint64(a), quint64(i) << 20 | quint64(d));
                const bool featured = a == 0 && i == 0 && d == 0;
                const Connector &connector
                    = Connectors[(connectorOffset + dataSourceCounter) % ConnectorCount];
                DataSourceRecord ds;
                ds.id = makeId(drng.next(), drng.next());
                ds.type = QString::fromLatin1(connector.type);
                ds.displayName = QString::fromLatin1(connector.name);
                if (dataSourceCounter >= ConnectorCount)
                    ds.displayName
                        += QStringLiteral("-%1").arg(dataSourceCounter / ConnectorCount + 1);
                ds.description = QString::fromLatin1(connector.description);
                const Cadence &cadence
                    = featured ? Cadences[0] : Cadences[drng.range(0, CadenceCount - 1)];
                ds.syncSchedule = QString::fromLatin1(cadence.schedule);
                ds.roleArn = QStringLiteral("arn:aws:iam::%1:role/QBusinessDataSourceRole-%2")
                                 .arg(account, ds.displayName);
                ds.arn = QStringLiteral(
                             "arn:aws:qbusiness:%1:%2:application/%3/index/%4/data-source/%5")
                             .arg(m_options.region, account, app.id, index.id, ds.id);
                ds.syncSchedule = QString::fromLatin1(cadence.schedule);
                // The history decides createdAt (before its oldest run).
                generateJobs(store, &ds, quint64(dataSourceCounter), quint64(cadence.periodMs),
                             featured, account);
                const qint64 oldest = ds.jobs.empty() ? m_anchorMs - Day : ds.jobs.front().startMs;
                ds.createdMs = std::max(index.createdMs, oldest - drng.range(Hour, 3 * Day));
                if (ds.createdMs >= oldest)
                    ds.createdMs = oldest - Minute;
                ds.updatedMs = ds.createdMs + drng.range(0, 10) * Hour;
                index.dataSources.push_back(std::move(ds));
                ++dataSourceCounter;
            }
            app.indices.push_back(std::move(index));
        }
        apps.push_back(std::move(app));
    }
    store->index();
}

void Generator::generateJobs(Store *store, DataSourceRecord *ds, quint64 streamA, quint64 period,
                             bool featured, const QString &account) const
{
    const int count = std::max(0, m_options.jobsPerDataSource);
    if (count == 0)
        return;
    Rng rng = Rng::derived(m_options.seed, 5, streamA);
    const qint64 periodMs = qint64(period);
    const Connector &connector = [&]() -> const Connector & {
        for (const Connector &c : Connectors) {
            if (ds->type == QLatin1String(c.type))
                return c;
        }
        return Connectors[0];
    }();
    const QString sourceMessage
        = QString::fromLatin1(connector.sourceFailure).replace(QLatin1String("%1"), account);
    const quint32 sourceCode = store->intern(QString::fromLatin1(connector.sourceErrorCode));

    // The featured data source's newest job is the running one; its finished runs end with a
    // streak of failures the demo opens on.
    const bool withRunning = featured && count >= 1;
    const int finished = withRunning ? count - 1 : count;
    const int forcedFailures = featured ? std::min(finished, 3) : 0;
    const qint64 corpus = rng.range(400, 90000);
    HistoryContext history {rng, store, account, sourceMessage, sourceCode};

    ds->jobs.reserve(size_t(count));
    // Finished runs, oldest first: slot k starts at anchor - (finished - k) * period plus jitter,
    // and ends well before the next slot, so runs never overlap.
    int streakLeft = 0;
    int streakFailure = 0;
    for (int k = 0; k < finished; ++k) {
        JobRecord job;
        const QByteArray id = idBytes(rng);
        std::copy_n(id.constData(), 36, job.executionId.begin());
        const qint64 slot = m_anchorMs - qint64(finished - k) * periodMs;
        job.startMs = slot + rng.range(0, periodMs / 5) + rng.range(0, 999);
        const qint64 duration
            = std::max<qint64>(45000, qint64(double(periodMs) * (0.05 + rng.unit() * 0.5)));
        job.endMs = job.startMs + duration;

        const bool forced = k >= finished - forcedFailures;
        if (streakLeft == 0 && !forced) {
            const double roll = rng.unit();
            if (roll < 0.015) {
                streakLeft = int(rng.range(2, 9)); // an outage lasting several runs
                streakFailure = int(rng.range(0, FailureCount - 1));
            } else if (roll < 0.035) {
                streakLeft = 1;
                streakFailure = int(rng.range(0, FailureCount - 1));
            }
        }
        const qint64 scanned = corpus + rng.range(-corpus / 100, corpus / 50 + 1);
        job.metrics[DocumentsScanned] = scanned;
        job.metrics[DocumentsAdded] = rng.range(0, corpus / 60 + 3);
        job.metrics[DocumentsModified] = rng.range(0, corpus / 25 + 3);
        job.metrics[DocumentsDeleted] = rng.range(0, corpus / 150 + 1);
        job.metrics[DocumentsFailed] = 0;
        if (forced || streakLeft > 0) {
            failRun(job, Failures[forced ? 2 : streakFailure], duration, history, forced);
            if (streakLeft > 0)
                --streakLeft;
        } else {
            endRun(job, scanned, duration, history);
        }
        if (!job.hasMetrics)
            job.metrics = {-1, -1, -1, -1, -1};
        ds->jobs.push_back(job);
    }

    if (withRunning) {
        const qint64 duration = std::max<qint64>(1000, m_options.syncDurationMs);
        qint64 start = m_anchorMs - duration / 4;
        if (!ds->jobs.empty())
            start = std::max(start, ds->jobs.back().endMs + 1000);
        const JobRecord &job = store->startJob(ds, start, duration, m_options.seed);
        Q_UNUSED(job);
        // The outage goes on: the running sync fails the same way as the streak before it.
        LiveRun &live = ds->live;
        live.finalStatus = JobStatus::Failed;
        live.finalErrorCode = Failures[2].code;
        live.finalErrorMessage = store->intern(sourceMessage);
        live.finalDataSourceErrorCode = sourceCode;
        live.finalMetrics[DocumentsFailed] = rng.range(1, corpus / 20 + 1);
    }
}

} // namespace syncdeck::emulator
