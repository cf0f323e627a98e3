#pragma once

#include "cachetypes.h"
#include "qbusiness/awserror.h"
#include "qbusiness/types.h"

#include <QObject>
#include <QSet>

#include <functional>
#include <memory>
#include <optional>

namespace syncdeck::aws {
class ServiceCall;
}

namespace syncdeck::qbusiness {
using Call = aws::ServiceCall;
class Client;
class Paginator;
} // namespace syncdeck::qbusiness

namespace syncdeck::cache {

// The error of a refresh or cached listing that was aborted; `what`: "the refresh was cancelled".
qbusiness::AwsError cancelled(const QString &what);

// One ListDataSourceSyncJobs listing read from the service for the cache (a pass of
// CacheRefresh, a stretch of CachedListing): through qbusiness::Paginator, so its repeated-token
// rule bounds it, one request at a time, every request counted. It remembers what it listed, and
// says where a page sits (PagePlacement) for the merge into the cache.
class ServiceListing : public QObject
{
    Q_OBJECT
public:
    // Asked about each page the service answered with a nextToken: false ends the listing after
    // it (the page is still delivered; it is not the listing's end).
    using GoOn = std::function<bool(const QList<qbusiness::SyncJob> &page)>;

    // `request`: data source, filters and time range (its nextToken is ignored). `requests` is
    // incremented per request sent, retries included. The client is not owned.
    ServiceListing(qbusiness::Client *client, const qbusiness::ListSyncJobsRequest &request,
                   int pageSize, int *requests, GoOn goOn = {});
    ~ServiceListing() override;

    // Ends `listing` (also from inside its own signals): no signal any more, deleted later.
    static void discard(std::unique_ptr<ServiceListing> &listing);

    void start();
    const qbusiness::AwsError &error() const;
    // Every executionId listed so far.
    const QSet<QString> &listedIds() const { return m_listedIds; }
    // Where the page delivered with `lastPage` sits in the listing, listed at `at`.
    PagePlacement placement(bool lastPage, const QDateTime &at) const;

signals:
    // The jobs of a page, in the service's order; `lastPage`: the listing's end (no nextToken).
    // An empty last page is delivered too (it proves the end), before finished().
    void pageLoaded(const QList<syncdeck::qbusiness::SyncJob> &jobs, bool lastPage);
    // The listing ended: its end, where GoOn stopped it, or an error().
    void finished();

private:
    void onPage(qbusiness::Call *call, int first, int count);
    void onFinished();

    std::unique_ptr<qbusiness::Paginator> m_paginator;
    qbusiness::ListSyncJobsRequest m_request;
    GoOn m_goOn;
    QSet<QString> m_listedIds;
    std::optional<qint64> m_newestListedMs;
    bool m_pageReachesEnd = false; // for the page the paginator read last
    bool m_endDelivered = false;
};

} // namespace syncdeck::cache
