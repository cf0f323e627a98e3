#pragma once

#include "options.h"
#include "pagetoken.h"
#include "router.h"
#include "store.h"

#include <functional>

// The Amazon Q Business operations (API 2023-11-27, rest-json, signing name `qbusiness`) over the
// store: validation as the model says, pagination, and errors shaped like the service's. One API
// of the emulator; others (CloudWatch Logs) register their routes beside it.
namespace syncdeck::emulator {

class Validator;

class QBusinessApi
{
public:
    // `nowMs` is the service's (possibly skewed) clock.
    QBusinessApi(Store &store, const PageTokenCodec &tokens, const Options &options,
                 std::function<qint64()> nowMs);

    static constexpr char SigningName[] = "qbusiness";
    void addRoutes(Router &router);

    HttpResponse listApplications(const RoutedRequest &request);
    HttpResponse listIndices(const RoutedRequest &request);
    HttpResponse listDataSources(const RoutedRequest &request);
    HttpResponse getDataSource(const RoutedRequest &request);
    HttpResponse listSyncJobs(const RoutedRequest &request);
    HttpResponse startSync(const RoutedRequest &request);
    HttpResponse stopSync(const RoutedRequest &request);
    HttpResponse listDocuments(const RoutedRequest &request);

private:
    // The resources a request's path names, as deep as it goes.
    struct Resources
    {
        ApplicationRecord *application = nullptr;
        IndexRecord *index = nullptr;
        DataSourceRecord *dataSource = nullptr;
    };
    // Looks them up parent first; on failure *notFound is the 404 of the first one missing.
    bool lookup(const RoutedRequest &request, Resources *out, HttpResponse *notFound);
    // The request's parameters passed `v`, and its resources exist; else *refusal says which.
    bool validatedLookup(const RoutedRequest &request, const Validator &v, Resources *out,
                         HttpResponse *refusal);
    // StartDataSourceSyncJob's and StopDataSourceSyncJob's data source: ids validated, looked up,
    // brought up to now. nullptr with *answer the error to send.
    // The data source a StartDataSourceSyncJob/StopDataSourceSyncJob names, brought up to now;
    // or why there is none (the answer to send).
    struct SyncTarget
    {
        DataSourceRecord *dataSource = nullptr;
        qint64 nowMs = 0;
        HttpResponse refusal;
    };
    SyncTarget syncTarget(const RoutedRequest &request);
    // A page of ListDataSourceSyncJobs as JSON text: jobs newest first from `position` down to
    // `lowest` (exclusive bounds of the time range), those of `status` only when given.
    QByteArray writeJobPage(const std::vector<JobRecord> &jobs, size_t lowest, size_t position,
                            const JobStatus *status, int pageSize, const QByteArray &filters) const;

    struct PagedList
    {
        QString member; // "indices"
        QByteArray filterName; // binds page tokens to the listing: "indices"
        int maxResults; // the model's maximum, also the default page size
    };
    // The one shape of ListApplications, ListIndices and ListDataSources: the path's ids,
    // maxResults and nextToken validated, the parent looked up, a page of its children.
    template<typename Children, typename ToJson>
    HttpResponse listChildren(const RoutedRequest &request, const PagedList &list,
                              Children children, ToJson toJson);

    Store &m_store;
    const PageTokenCodec &m_tokens;
    const Options &m_options;
    std::function<qint64()> m_nowMs;
    quint64 m_startCounter = 0;
};

} // namespace syncdeck::emulator
