#include "fleetscan_p.h"

#include <QMetaObject>

#include <algorithm>

namespace syncdeck::fleet {

using namespace scan;

void FleetScan::Private::queueListing(Op op, int owner, bool front)
{
    ++pendingListings;
    Work w;
    w.op = op;
    w.owner = owner;
    if (front)
        discoveryQueue.push_front(std::move(w));
    else
        discoveryQueue.push_back(std::move(w));
}

Paginator *FleetScan::Private::makePaginator(Op op, int owner, Client *client)
{
    QPointer<Client> c(client);
    QString applicationId;
    QString indexId;
    if (op == Op::ListIndices) {
        applicationId = applications[size_t(owner)].id;
    } else if (op == Op::ListDataSources) {
        indexId = indices[size_t(owner)].id;
        applicationId = applications[size_t(indices[size_t(owner)].application)].id;
    }
    auto startPage
        = [this, c, op, applicationId, indexId](const QString &token, int pageSize) -> Call * {
        if (!c)
            return nullptr;
        Call *call = nullptr;
        if (op == Op::ListApplications)
            call = c->listApplications(token, pageSize);
        else if (op == Op::ListIndices)
            call = c->listIndices(applicationId, token, pageSize);
        else
            call = c->listDataSources(applicationId, indexId, token, pageSize);
        watch(call, op);
        return call;
    };
    auto readPage = [op](Call *job) -> Paginator::PageInfo {
        if (op == Op::ListApplications) {
            auto *j = static_cast<qbusiness::ListApplicationsCall *>(job);
            return {int(j->applications.size()), j->nextToken};
        }
        if (op == Op::ListIndices) {
            auto *j = static_cast<qbusiness::ListIndicesCall *>(job);
            return {int(j->indices.size()), j->nextToken};
        }
        auto *j = static_cast<qbusiness::ListDataSourcesCall *>(job);
        return {int(j->dataSources.size()), j->nextToken};
    };
    return new Paginator(std::move(startPage), std::move(readPage), q);
}

void FleetScan::Private::startListing(Work work, Client *client)
{
    Paginator *p = makePaginator(work.op, work.owner, client);
    if (!work.startingToken.isEmpty()) {
        QString error;
        if (!p->setStartingToken(work.startingToken, &error))
            work.startingToken.clear(); // cannot happen for a token the paginator gave; start over
    }
    const Op op = work.op;
    const int owner = work.owner;
    QObject::connect(p, &Paginator::pageLoaded, q, [this, op, owner](Call *job, int first, int n) {
        onPage(op, owner, job, first, n);
    });
    QObject::connect(p, &Paginator::finished, q, [this, p] { onListingFinished(p); });
    active.insert(p, std::move(work));
    p->start();
}

void FleetScan::Private::onPage(Op op, int owner, Call *job, int first, int count)
{
    if (!running)
        return;
    if (op == Op::ListApplications) {
        const auto &list = static_cast<qbusiness::ListApplicationsCall *>(job)->applications;
        // Pushed to the front in reverse, so the listings run in the service's order.
        for (int i = first + count - 1; i >= first; --i) {
            const QString &id = list.at(i).applicationId;
            if (regions[size_t(owner)].seen.contains(id))
                continue;
            regions[size_t(owner)].seen.insert(id);
            applications.push_back({owner, id, list.at(i).displayName, {}});
            queueListing(Op::ListIndices, int(applications.size()) - 1, true);
            ++progress.applications;
        }
    } else if (op == Op::ListIndices) {
        const auto &list = static_cast<qbusiness::ListIndicesCall *>(job)->indices;
        for (int i = first + count - 1; i >= first; --i) {
            const QString &id = list.at(i).indexId;
            if (applications[size_t(owner)].seen.contains(id))
                continue;
            applications[size_t(owner)].seen.insert(id);
            indices.push_back({owner, id, list.at(i).displayName, {}});
            queueListing(Op::ListDataSources, int(indices.size()) - 1, true);
            ++progress.indices;
        }
    } else {
        const auto &list = static_cast<qbusiness::ListDataSourcesCall *>(job)->dataSources;
        for (int i = first; i < first + count; ++i) {
            QSet<QString> &seen = indices[size_t(owner)].seen;
            if (seen.contains(list.at(i).dataSourceId))
                continue;
            seen.insert(list.at(i).dataSourceId);
            queueDataSource(owner, list.at(i));
        }
        stats.peakQueuedDataSources = std::max(stats.peakQueuedDataSources, queuedDataSources);
    }
    notifyProgress();
    // Slots may be free (this listing's next page is already on the wire).
    QMetaObject::invokeMethod(
        q, [this] { pump(); }, Qt::QueuedConnection);
}

void FleetScan::Private::onListingFinished(Paginator *paginator)
{
    Work work;
    if (!takeActive(paginator, &work))
        return;
    paginator->deleteLater();
    AwsError error = paginator->error();
    if (error.kind == AwsError::Kind::Aborted) // only onClientLost aborts a connected listing
        error = noClientError(regionOf(work));
    if (error.isError() && isThrottling(error)) {
        work.startingToken = paginator->resumeToken();
        if (retryAfterThrottling(work)) {
            pump();
            return;
        }
    } else {
        noteSuccess();
    }
    listingDone(work, error);
    pump();
}

void FleetScan::Private::listingDone(const Work &work, const AwsError &error)
{
    --pendingListings;
    if (work.op == Op::ListApplications)
        ++progress.regionsListed;
    if (error.isError()) {
        const FleetRow::Scope scope = work.op == Op::ListApplications ? FleetRow::Scope::Region
            : work.op == Op::ListIndices                              ? FleetRow::Scope::Application
                                                                      : FleetRow::Scope::Index;
        emitErrorRow(scope, work.owner, {opName(work.op), error});
    }
    notifyProgress();
}

void FleetScan::Private::emitErrorRow(FleetRow::Scope scope, int owner, const FleetError &error)
{
    if (!running)
        return;
    FleetRow row;
    row.scope = scope;
    int region = owner;
    if (scope == FleetRow::Scope::Index) {
        const IndexState &index = indices[size_t(owner)];
        row.indexId = index.id;
        row.indexName = index.name;
        owner = index.application;
    }
    if (scope == FleetRow::Scope::Index || scope == FleetRow::Scope::Application) {
        const AppState &app = applications[size_t(owner)];
        row.applicationId = app.id;
        row.applicationName = app.name;
        region = app.region;
    }
    row.region = regions[size_t(region)].region;
    row.errors = {error};
    row.health.reason = describeError(error);
    row.health.reasons = {row.health.reason};
    ++progress.errorRows;
    handOut(row); // a row of errors: counted with the rows with errors
}

} // namespace syncdeck::fleet
