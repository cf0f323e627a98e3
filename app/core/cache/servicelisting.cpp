#include "servicelisting.h"

#include "qbusiness/client.h"
#include "qbusiness/paginator.h"

#include <algorithm>

namespace syncdeck::cache {

using qbusiness::ListSyncJobsCall;
using qbusiness::Paginator;
using qbusiness::SyncJob;

qbusiness::AwsError cancelled(const QString &what)
{
    using qbusiness::AwsError;
    return AwsError::make(AwsError::Kind::Aborted, QStringLiteral("Aborted"), what);
}

ServiceListing::ServiceListing(qbusiness::Client *client,
                               const qbusiness::ListSyncJobsRequest &request, int pageSize,
                               int *requests, GoOn goOn)
    : m_request(request)
    , m_goOn(std::move(goOn))
{
    m_request.nextToken.clear();
    m_paginator = std::make_unique<Paginator>(
        countRequests(Paginator::syncJobPages(client, m_request), this, requests),
        [this](qbusiness::Call *call) {
            const auto *j = static_cast<ListSyncJobsCall *>(call);
            Paginator::PageInfo info {int(j->page.history.size()), j->page.nextToken};
            m_pageReachesEnd = info.nextToken.isEmpty();
            if (!m_pageReachesEnd && m_goOn && !m_goOn(j->page.history))
                info.nextToken.clear(); // the paginator asks for no further page
            return info;
        });
    m_paginator->setPageSize(pageSize);
    connect(m_paginator.get(), &Paginator::pageLoaded, this, &ServiceListing::onPage);
    connect(m_paginator.get(), &Paginator::finished, this, &ServiceListing::onFinished);
}

ServiceListing::~ServiceListing() = default;

void ServiceListing::discard(std::unique_ptr<ServiceListing> &listing)
{
    if (!listing)
        return;
    listing->disconnect();
    listing->m_paginator->abort();
    listing.release()->deleteLater();
}

void ServiceListing::start()
{
    m_paginator->start();
}

const qbusiness::AwsError &ServiceListing::error() const
{
    return m_paginator->error();
}

void ServiceListing::onPage(qbusiness::Call *call, int first, int count)
{
    const QList<SyncJob> jobs
        = static_cast<ListSyncJobsCall *>(call)->page.history.mid(first, count);
    // The top of what the listing holds: the newest start time of its first page with one.
    const bool firstWithStart = !m_newestListedMs;
    for (const SyncJob &j : jobs) {
        m_listedIds.insert(j.executionId);
        if (firstWithStart && j.startTime.isValid())
            m_newestListedMs = std::max(m_newestListedMs.value_or(j.startTime.toMSecsSinceEpoch()),
                                        j.startTime.toMSecsSinceEpoch());
    }
    m_endDelivered = m_pageReachesEnd;
    emit pageLoaded(jobs, m_pageReachesEnd);
}

void ServiceListing::onFinished()
{
    // The paginator hands out no empty page: an empty last page still proves the listing's end.
    if (!error().isError() && m_pageReachesEnd && !m_endDelivered) {
        m_endDelivered = true;
        emit pageLoaded({}, true);
    }
    emit finished();
}

PagePlacement ServiceListing::placement(bool lastPage, const QDateTime &at) const
{
    PagePlacement p;
    p.requested = rangeOf(m_request.startTime, m_request.endTime);
    p.statusFilter = m_request.statusFilter;
    p.newestListedMs = m_newestListedMs;
    p.lastPage = lastPage;
    p.listedIds = &m_listedIds;
    p.listedAt = at;
    return p;
}

} // namespace syncdeck::cache
