// qbusiness/jsoncodec: every response body SyncDeck reads from Q Business (sync-job pages,
// application/index/data source lists, data source details, the start-sync answer), each
// reader run on every input.
// Invariants: a reader that fails says why and leaves its outputs untouched; a sync job with a
// value that cannot be read is kept without it, with one problem line; what a reader
// accepted, written out in the CLI's JSON shape, reads back to the same values (timestamps,
// metrics, verbatim strings); the jsonl writer gives byte for byte QJsonDocument's compact text.
#include "fuzzsupport.h"

#include "aws/jsonwriter.h"
#include "qbusiness/jsoncodec.h"

#include <QJsonArray>
#include <QJsonDocument>

using namespace syncdeck;
using namespace syncdeck::qbusiness;
using syncdeck::fuzz::bytes;

namespace {

const QString Untouched = QStringLiteral("untouched");

QByteArray listBody(const char *key, const QJsonArray &items, const QString &nextToken)
{
    QJsonObject o {{QLatin1String(key), items}};
    if (!nextToken.isEmpty())
        o.insert(QLatin1String("nextToken"), nextToken);
    return QJsonDocument(o).toJson(QJsonDocument::Compact);
}

void syncJobPage(const QByteArray &body)
{
    SyncJobPage page;
    page.nextToken = Untouched;
    QString error;
    if (!jsoncodec::readSyncJobPage(body, &page, &error)) {
        FUZZ_CHECK(!error.isEmpty(), QString());
        FUZZ_CHECK(page.nextToken == Untouched && page.history.isEmpty(), error);
        return;
    }
    FUZZ_CHECK(error.isEmpty(), error);
    QJsonArray items;
    for (const SyncJob &job : std::as_const(page.history)) {
        QByteArray line;
        aws::JsonWriter w(line);
        jsoncodec::writeJson(w, job);
        const QJsonObject o = jsoncodec::toJson(job);
        FUZZ_CHECK(line == QJsonDocument(o).toJson(QJsonDocument::Compact),
                   QString::fromUtf8(line));
        items.append(o);
    }
    SyncJobPage again;
    FUZZ_CHECK(
        jsoncodec::readSyncJobPage(listBody("history", items, page.nextToken), &again, &error),
        error);
    FUZZ_CHECK(again.nextToken == page.nextToken, again.nextToken);
    // A kept job with an unreadable value has a problem line, and that value absent: written
    // out and read back, it is the same job without the problem.
    QList<SyncJob> expected = page.history;
    qsizetype withProblems = 0;
    for (SyncJob &job : expected) {
        withProblems += job.problem.isEmpty() ? 0 : 1;
        job.problem.clear();
    }
    FUZZ_CHECK(withProblems == page.problems.size(), page.problems.join(u'\n'));
    FUZZ_CHECK(again.problems.isEmpty(), again.problems.join(u'\n'));
    FUZZ_CHECK(again.history == expected,
               QString::fromUtf8(listBody("history", items, page.nextToken)));
}

template<typename T, typename Read, typename Same>
void list(const QByteArray &body, const char *key, Read read, Same same)
{
    QList<T> items;
    items.append(T {});
    QString nextToken = Untouched;
    QString error;
    if (!read(body, &items, &nextToken, &error)) {
        FUZZ_CHECK(!error.isEmpty(), QString());
        FUZZ_CHECK(nextToken == Untouched && items.size() == 1, error);
        return;
    }
    QJsonArray json;
    for (const T &item : std::as_const(items))
        json.append(jsoncodec::toJson(item));
    QList<T> again;
    QString againToken;
    const QByteArray written = listBody(key, json, nextToken);
    FUZZ_CHECK(read(written, &again, &againToken, &error), error);
    FUZZ_CHECK(againToken == nextToken && again.size() == items.size(), QString::fromUtf8(written));
    for (qsizetype i = 0; i < items.size(); ++i)
        FUZZ_CHECK(same(items.at(i), again.at(i)), QString::fromUtf8(written));
}

bool sameApplication(const Application &a, const Application &b)
{
    return a.applicationId == b.applicationId && a.displayName == b.displayName
        && a.status == b.status && a.identityType == b.identityType && a.createdAt == b.createdAt
        && a.updatedAt == b.updatedAt;
}

bool sameIndex(const Index &a, const Index &b)
{
    return a.indexId == b.indexId && a.displayName == b.displayName && a.status == b.status
        && a.createdAt == b.createdAt && a.updatedAt == b.updatedAt;
}

bool sameDataSource(const DataSource &a, const DataSource &b)
{
    return a.dataSourceId == b.dataSourceId && a.displayName == b.displayName && a.type == b.type
        && a.status == b.status && a.createdAt == b.createdAt && a.updatedAt == b.updatedAt;
}

bool sameDetails(const DataSourceDetails &a, const DataSourceDetails &b)
{
    return a.applicationId == b.applicationId && a.indexId == b.indexId
        && a.dataSourceId == b.dataSourceId && a.dataSourceArn == b.dataSourceArn
        && a.displayName == b.displayName && a.type == b.type && a.status == b.status
        && a.description == b.description && a.syncSchedule == b.syncSchedule
        && a.roleArn == b.roleArn && a.errorCode == b.errorCode && a.errorMessage == b.errorMessage
        && a.createdAt == b.createdAt && a.updatedAt == b.updatedAt;
}

void details(const QByteArray &body)
{
    DataSourceDetails d;
    d.displayName = Untouched;
    QString error;
    if (!jsoncodec::readDataSourceDetails(body, &d, &error)) {
        FUZZ_CHECK(!error.isEmpty() && d.displayName == Untouched, error);
        return;
    }
    const QByteArray written = QJsonDocument(jsoncodec::toJson(d)).toJson(QJsonDocument::Compact);
    DataSourceDetails again;
    FUZZ_CHECK(jsoncodec::readDataSourceDetails(written, &again, &error), error);
    FUZZ_CHECK(sameDetails(d, again), QString::fromUtf8(written));
}

void startSync(const QByteArray &body)
{
    QString executionId;
    QString error;
    if (!jsoncodec::readStartSyncJob(body, &executionId, &error))
        FUZZ_CHECK(!error.isEmpty(), QString());
    else
        FUZZ_CHECK(error.isEmpty(), error);
}

} // namespace

extern "C" int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    syncdeck::fuzz::initialize(argc, argv);
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArray body = bytes(data, size);
    syncJobPage(body);
    list<Application>(body, "applications", jsoncodec::readApplications, sameApplication);
    list<Index>(body, "indices", jsoncodec::readIndices, sameIndex);
    list<DataSource>(body, "dataSources", jsoncodec::readDataSources, sameDataSource);
    details(body);
    startSync(body);
    return 0;
}
